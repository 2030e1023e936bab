import { z } from 'zod';
import type { Department } from './bundle.ts';
import { childSchema, householdSchema, marriageSchema, newbornFormSchema, parentSchema } from './form.ts';
import { idDocument, personName, phone } from './primitives.ts';

// What each department receives for one child's item: exactly the fields the table "What each
// department may see" in ../shared/domain/newborn-bundle.md allows (PIPL art. 6 and 28), and
// the outputs of earlier items it needs. Every schema is strict: a consumer refuses a payload
// that carries anything more.

const child = childSchema.shape;
const childCore = { name: child.name, sex: child.sex, birthDateTime: child.birthDateTime };
const childBirth = { ...childCore, birthPlace: child.birthPlace, facility: child.facility };
const childClinical = {
  gestationalWeeks: child.gestationalWeeks,
  weightGrams: child.weightGrams,
  lengthCm: child.lengthCm,
  healthStatus: child.healthStatus,
};
const form = newbornFormSchema.shape;

/** The guardian (the mother, or the father when no mother is on the form): identity and phone. */
export const guardianSchema = z.strictObject({ name: personName, ...idDocument, phone: phone.optional() });
const motherName = z.strictObject({ name: personName });
const birthCertificateNumber = z.string().regex(/^[A-Z]\d{9}$/, 'must be 1 letter and 9 digits');
const childIdNumber = z.string().regex(/^\d{17}[\dX]$/, 'must be an 18-character citizen ID number');

export const departmentPayloadSchemas = {
  health: z.strictObject({
    child: z.strictObject({ ...childBirth, ...childClinical }),
    mother: parentSchema.optional(),
    father: parentSchema.optional(),
    marriage: marriageSchema,
  }),
  'public-security': z.strictObject({
    child: z.strictObject({
      ...childBirth,
      ethnicity: child.ethnicity,
      relationshipToHead: child.relationshipToHead,
    }),
    mother: parentSchema.optional(),
    father: parentSchema.optional(),
    marriage: marriageSchema,
    household: householdSchema,
    inputs: z.strictObject({ birthCertificateNumber }),
  }),
  'medical-insurance': z.strictObject({
    child: z.strictObject(childCore),
    guardian: guardianSchema,
    household: z.strictObject({ address: householdSchema.shape.address }),
    medicalInsurance: form.medicalInsurance.unwrap(),
    inputs: z.strictObject({ birthCertificateNumber, childIdNumber }),
  }),
  'social-security': z.strictObject({
    child: z.strictObject(childCore),
    guardian: guardianSchema,
    socialSecurityCard: form.socialSecurityCard.unwrap(),
    inputs: z.strictObject({ birthCertificateNumber, childIdNumber }),
  }),
  cdc: z.strictObject({
    child: z.strictObject({ ...childBirth, weightGrams: child.weightGrams }),
    mother: motherName.optional(),
    residentialAddress: form.residentialAddress,
    guardianPhone: phone.optional(),
    inputs: z.strictObject({ birthCertificateNumber }),
  }),
  'maternal-child-health': z.strictObject({
    child: z.strictObject({ ...childBirth, ...childClinical }),
    mother: motherName.optional(),
    residentialAddress: form.residentialAddress,
    guardianPhone: phone.optional(),
    inputs: z.strictObject({ birthCertificateNumber }),
  }),
} as const satisfies Record<Department, z.ZodType>;

export type DepartmentPayloads = { [D in Department]: z.infer<(typeof departmentPayloadSchemas)[D]> };
export type DepartmentPayload<D extends Department = Department> = DepartmentPayloads[D];
