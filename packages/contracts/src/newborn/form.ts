import { z } from 'zod';
import { materialCode } from './materials.ts';
import {
  checkIdDocument,
  dateTimeWithOffset,
  idDocument,
  nationality,
  personName,
  phone,
  sex,
  text,
} from './primitives.ts';

// The canonical newborn form (../shared/domain/newborn-form.example.json). Fields may be added;
// existing ones are never renamed. Unknown fields are refused (no mass assignment).

export const birthPlaceSchema = z.strictObject({ province: text(32), city: text(32), county: text(32) });

export const childSchema = z.strictObject({
  name: personName,
  sex,
  birthDateTime: dateTimeWithOffset,
  birthPlace: birthPlaceSchema,
  facility: text(100),
  gestationalWeeks: z.int().min(20, 'must be at least 20').max(45, 'must be at most 45'),
  weightGrams: z.int().min(300, 'must be at least 300 grams').max(8000, 'must be at most 8000 grams'),
  lengthCm: z.number().min(20, 'must be at least 20 cm').max(70, 'must be at most 70 cm'),
  healthStatus: z.enum(['good', 'fair', 'poor']),
  ethnicity: text(16),
  relationshipToHead: z.enum(['son', 'daughter', 'grandson', 'granddaughter', 'other-relative']),
});

export const parentSchema = z
  .strictObject({
    name: personName,
    ...idDocument,
    nationality,
    ethnicity: text(16).optional(),
    phone: phone.optional(),
  })
  .superRefine((parent, ctx) => {
    checkIdDocument(parent, ctx);
    if (parent.idType === 'resident-id' && parent.nationality !== 'CHN') {
      ctx.addIssue({ code: 'custom', path: ['nationality'], message: 'must be CHN for a resident ID' });
    }
  });

export const marriageSchema = z
  .strictObject({
    status: z.enum(['married', 'unmarried', 'divorced', 'widowed']),
    certificateNumber: text(40).optional(),
  })
  .refine((m) => m.status !== 'married' || m.certificateNumber !== undefined, {
    path: ['certificateNumber'],
    message: 'is required when the parents are married',
  });

export const householdSchema = z.strictObject({
  registerWith: z.enum(['mother', 'father']),
  address: text(200),
  headOfHousehold: z
    .strictObject({ name: personName, idNumber: z.string().max(32) })
    .superRefine((head, ctx) => checkIdDocument({ idType: 'resident-id', idNumber: head.idNumber }, ctx)),
});

export const applicantSchema = z
  .strictObject({
    role: z.enum(['mother', 'father', 'guardian']),
    /** Consent of the mother (or a power of attorney) when someone else applies. */
    consent: z
      .strictObject({
        givenBy: personName,
        kind: z.enum(['consent', 'power-of-attorney']),
        reference: text(100),
      })
      .optional(),
  })
  .refine((a) => a.role === 'mother' || a.consent !== undefined, {
    path: ['consent'],
    message: 'is required when the applicant is not the mother',
  });

export const newbornFormSchema = z.strictObject({
  applicant: applicantSchema,
  children: z
    .array(childSchema)
    .min(1, 'must list at least one child')
    .max(8, 'must list at most 8 children'),
  mother: parentSchema.optional(),
  father: parentSchema.optional(),
  marriage: marriageSchema,
  household: householdSchema,
  residentialAddress: text(200),
  medicalInsurance: z
    .strictObject({
      category: z.enum(['urban-rural-resident']),
      paymentYear: z.int().min(2000).max(2100),
    })
    .optional(),
  socialSecurityCard: z.strictObject({ bank: text(60), mailingAddress: text(200) }).optional(),
  /** Written pledge for an application made after the statutory one-month window. */
  latePledge: z.strictObject({ statement: text(500) }).optional(),
  /** Materials not available yet (容缺受理): the items needing them wait until they are supplied. */
  missingMaterials: z.array(materialCode).max(5).optional(),
});

export type NewbornForm = z.infer<typeof newbornFormSchema>;
export type Child = z.infer<typeof childSchema>;
export type Parent = z.infer<typeof parentSchema>;
