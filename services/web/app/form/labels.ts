import { type MessageKey, t } from '../i18n/index.ts';

// Which field a path names, in words: `form.children.1.weightGrams` is "Child 2 · Weight (g)".
// Used for the error summary's links and for the API's own issues after a submission.

const FIELD: Record<string, MessageKey> = {
  name: 'field.name',
  sex: 'field.sex',
  birthDateTime: 'field.birthDateTime',
  province: 'field.province',
  city: 'field.city',
  county: 'field.county',
  facility: 'field.facility',
  gestationalWeeks: 'field.gestationalWeeks',
  weightGrams: 'field.weightGrams',
  lengthCm: 'field.lengthCm',
  healthStatus: 'field.healthStatus',
  ethnicity: 'field.ethnicity',
  relationshipToHead: 'field.relationshipToHead',
  idType: 'field.idType',
  idNumber: 'field.idNumber',
  nationality: 'field.nationality',
  phone: 'field.phone',
  status: 'field.marriageStatus',
  certificateNumber: 'field.marriageCertificate',
  registerWith: 'field.registerWith',
  address: 'field.householdAddress',
  residentialAddress: 'field.residentialAddress',
  items: 'field.items',
  paymentYear: 'field.paymentYear',
  bank: 'field.bank',
  mailingAddress: 'field.mailingAddress',
  latePledge: 'field.latePledge',
  statement: 'field.latePledge',
  missingMaterials: 'field.missingMaterials',
  givenBy: 'field.consentGivenBy',
  kind: 'field.consentKind',
  reference: 'field.consentReference',
  consent: 'field.consent',
  medicalInsurance: 'field.paymentYear',
  socialSecurityCard: 'field.bank',
  mother: 'party.mother',
  father: 'party.father',
  applicant: 'field.applicant',
  'consent-truthful': 'consent.truthfulShort',
  'consent-share': 'consent.shareShort',
  'consent-method': 'clerk.consentMethod',
  'consent-statement': 'clerk.consentStatement',
};

export function labelOf(path: string, withContext = true): string {
  const parts = path.split('.').filter((p) => p !== 'form' && p !== 'submission');
  const context: string[] = [];
  if (parts[0] === 'children' && parts[1] !== undefined)
    context.push(t('form.childN', { n: Number(parts[1]) + 1 }));
  if ((parts[0] === 'mother' || parts[0] === 'father') && parts.length > 1)
    context.push(t(parts[0] === 'mother' ? 'party.mother' : 'party.father'));
  if (parts[0] === 'household' && parts[1] === 'headOfHousehold') {
    context.push(t('field.headOfHousehold'));
  }
  const named = [...parts].reverse().find((p) => !/^\d+$/.test(p) && p in FIELD && p !== 'headOfHousehold');
  const field = named ? t(FIELD[named] as MessageKey) : path;
  return withContext ? [...context, field].join(' · ') : field;
}

/** The schema's message; zod's own wording for a blank required value becomes "required". */
export function messageOf(message: string): string {
  if (/^Invalid input: expected \w+, received (undefined|NaN)$/.test(message)) return t('form.required');
  // The pages offer only valid options: an invalid one is a choice not made yet.
  if (/^Invalid option: expected one of/.test(message)) return t('form.chooseOne');
  return message;
}
