import { z } from 'zod';
import type { CertificateType, ItemKey } from './bundle.ts';
import { birthPlaceSchema } from './form.ts';
import { isoDate, personName, sex, text } from './primitives.ts';

// What a department's approval yields for each item (canonical names), and the facts each
// e-certificate states. Outputs flow forward to later items; facts are signed into credentials.

const birthCertificateNumber = z.string().regex(/^[A-Z]\d{9}$/, 'must be 1 letter and 9 digits');
const citizenIdNumber = z.string().regex(/^\d{17}[\dX]$/, 'must be an 18-character citizen ID number');

export const itemOutputSchemas = {
  'birth-certificate': z.strictObject({ birthCertificateNumber }),
  'household-registration': z.strictObject({ citizenIdNumber, householdRecordNumber: text(32) }),
  'medical-insurance-enrolment': z.strictObject({ insuranceNumber: text(32), coverStartDate: isoDate }),
  'social-security-card': z.strictObject({
    cardApplicationNumber: text(32),
    mailingStatus: z.enum(['queued-for-production', 'in-production', 'mailed']),
  }),
  'vaccination-certificate': z.strictObject({ vaccinationCertificateNumber: text(32), clinic: text(100) }),
  'child-health-handbook': z.strictObject({ handbookNumber: text(32), communityHealthCentre: text(100) }),
} as const satisfies Record<ItemKey, z.ZodType>;

export type ItemOutputs = { [K in ItemKey]: z.infer<(typeof itemOutputSchemas)[K]> };

const subject = { name: personName, sex, birthDate: isoDate };

export const certificateFactSchemas = {
  'birth-medical-certificate': z.strictObject({
    ...subject,
    birthDateTime: z.iso.datetime({ offset: true }),
    birthPlace: birthPlaceSchema,
    facility: text(100),
    motherName: personName.optional(),
    fatherName: personName.optional(),
    birthCertificateNumber,
  }),
  'household-registration-record': z.strictObject({
    ...subject,
    citizenIdNumber,
    householdRecordNumber: text(32),
    householdAddress: text(200),
  }),
  'medical-insurance-enrolment-voucher': z.strictObject({
    ...subject,
    citizenIdNumber,
    insuranceNumber: text(32),
    coverStartDate: isoDate,
  }),
  'vaccination-certificate': z.strictObject({
    ...subject,
    birthCertificateNumber,
    vaccinationCertificateNumber: text(32),
    clinic: text(100),
  }),
  'child-health-handbook': z.strictObject({
    ...subject,
    birthCertificateNumber,
    handbookNumber: text(32),
    communityHealthCentre: text(100),
  }),
} as const satisfies Record<CertificateType, z.ZodType>;

export type CertificateFacts = { [T in CertificateType]: z.infer<(typeof certificateFactSchemas)[T]> };
