import type { Department } from './bundle.ts';

// The table "What each department may see" (../shared/domain/newborn-bundle.md) as data: the
// form fields each department's item is based on, as paths into the form (`child.` means the
// child the item is for; `guardian.` the mother, or the father when no mother is on the form).
// The splitter sends exactly these; a correction after a rejection may change only these.

const child = ['child.name', 'child.sex', 'child.birthDateTime'];
const birthPlace = [
  'child.birthPlace.province',
  'child.birthPlace.city',
  'child.birthPlace.county',
  'child.facility',
];
const clinical = ['child.gestationalWeeks', 'child.weightGrams', 'child.lengthCm', 'child.healthStatus'];
const parent = (p: 'mother' | 'father') =>
  ['name', 'idType', 'idNumber', 'nationality', 'ethnicity', 'phone'].map((f) => `${p}.${f}`);
const marriage = ['marriage.status', 'marriage.certificateNumber'];
const guardian = ['guardian.name', 'guardian.idType', 'guardian.idNumber', 'guardian.phone'];

export const DEPARTMENT_FORM_FIELDS: Record<Department, readonly string[]> = {
  health: [...child, ...birthPlace, ...clinical, ...parent('mother'), ...parent('father'), ...marriage],
  'public-security': [
    ...child,
    ...birthPlace,
    'child.ethnicity',
    'child.relationshipToHead',
    ...parent('mother'),
    ...parent('father'),
    ...marriage,
    'household.registerWith',
    'household.address',
    'household.headOfHousehold.name',
    'household.headOfHousehold.idNumber',
  ],
  'medical-insurance': [
    ...child,
    ...guardian,
    'household.address',
    'medicalInsurance.category',
    'medicalInsurance.paymentYear',
  ],
  'social-security': [...child, ...guardian, 'socialSecurityCard.bank', 'socialSecurityCard.mailingAddress'],
  cdc: [...child, ...birthPlace, 'child.weightGrams', 'mother.name', 'residentialAddress', 'guardian.phone'],
  'maternal-child-health': [
    ...child,
    ...birthPlace,
    ...clinical,
    'mother.name',
    'residentialAddress',
    'guardian.phone',
  ],
};
