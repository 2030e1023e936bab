import type { Department } from '@onego/contracts';

// What each department may receive, and how to read what it did receive back into canonical
// terms: the table "What each department may see" of ../shared/domain/newborn-bundle.md
// transcribed as canonical leaf fields, and each department's vocabulary mapped leaf by leaf to
// those fields. Written here, independently of the adapters' translators, so that a test can
// check the wire against the table without trusting the code under test.

// The table, transcribed as the canonical leaf fields each department may receive.
const child = ['child.name', 'child.sex', 'child.birthDateTime'];
const birthPlace = [
  'child.birthPlace.province',
  'child.birthPlace.city',
  'child.birthPlace.county',
  'child.facility',
];
const clinical = ['child.gestationalWeeks', 'child.weightGrams', 'child.lengthCm', 'child.healthStatus'];
const parentFields = (p: string) =>
  ['name', 'idType', 'idNumber', 'nationality', 'ethnicity', 'phone'].map((f) => `${p}.${f}`);
const marriage = ['marriage.status', 'marriage.certificateNumber'];
const guardian = ['guardian.name', 'guardian.idType', 'guardian.idNumber', 'guardian.phone'];
export const ALLOWED: Record<Department, string[]> = {
  health: [
    ...child,
    ...birthPlace,
    ...clinical,
    ...parentFields('mother'),
    ...parentFields('father'),
    ...marriage,
  ],
  'public-security': [
    ...child,
    ...birthPlace,
    'child.ethnicity',
    'child.relationshipToHead',
    ...parentFields('mother'),
    ...parentFields('father'),
    ...marriage,
    'household.registerWith',
    'household.address',
    'household.headOfHousehold.name',
    'household.headOfHousehold.idNumber',
    'inputs.birthCertificateNumber',
  ],
  'medical-insurance': [
    ...child,
    ...guardian,
    'household.address',
    'medicalInsurance.category',
    'medicalInsurance.paymentYear',
    'inputs.birthCertificateNumber',
    'inputs.childIdNumber',
  ],
  'social-security': [
    ...child,
    ...guardian,
    'socialSecurityCard.bank',
    'socialSecurityCard.mailingAddress',
    'inputs.birthCertificateNumber',
    'inputs.childIdNumber',
  ],
  cdc: [
    ...child,
    ...birthPlace,
    'child.weightGrams',
    'mother.name',
    'residentialAddress',
    'guardianPhone',
    'inputs.birthCertificateNumber',
  ],
  'maternal-child-health': [
    ...child,
    ...birthPlace,
    ...clinical,
    'mother.name',
    'residentialAddress',
    'guardianPhone',
    'inputs.birthCertificateNumber',
  ],
};

/** Allowed, but the department's own vocabulary has no field for it: the parents' phone numbers. */
export const NOT_IN_VOCABULARY: Partial<Record<Department, string[]>> = {
  health: ['mother.phone', 'father.phone'],
  'public-security': ['mother.phone', 'father.phone'],
};

// Each department's vocabulary, leaf by leaf, in canonical terms (null: the case's own
// reference and timestamp, which are not personal data).
const person = (vocab: string, canonical: string, fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([v, c]) => [`${vocab}.${v}`, `${canonical}.${c}`]));
export const VOCABULARY: Record<Department, Record<string, string | string[] | null>> = {
  health: {
    caseRef: null,
    receivedAt: null,
    'newborn.name': 'child.name',
    'newborn.gender': 'child.sex',
    'newborn.bornAt': 'child.birthDateTime',
    'newborn.birthplace.province': 'child.birthPlace.province',
    'newborn.birthplace.city': 'child.birthPlace.city',
    'newborn.birthplace.county': 'child.birthPlace.county',
    'newborn.institution': 'child.facility',
    'newborn.gestationWeeks': 'child.gestationalWeeks',
    'newborn.weightG': 'child.weightGrams',
    'newborn.lengthCm': 'child.lengthCm',
    'newborn.condition': 'child.healthStatus',
    ...person('mother', 'mother', {
      name: 'name',
      docType: 'idType',
      docNo: 'idNumber',
      nationality: 'nationality',
      ethnicity: 'ethnicity',
    }),
    ...person('father', 'father', {
      name: 'name',
      docType: 'idType',
      docNo: 'idNumber',
      nationality: 'nationality',
      ethnicity: 'ethnicity',
    }),
    maritalStatus: 'marriage.status',
    marriageCertNo: 'marriage.certificateNumber',
  },
  'public-security': {
    ywlsh: null,
    sqsj: null,
    'xsr.xm': 'child.name',
    'xsr.xbdm': 'child.sex',
    'xsr.csrq': 'child.birthDateTime',
    'xsr.cssj': 'child.birthDateTime',
    'xsr.csdssx.sheng': 'child.birthPlace.province',
    'xsr.csdssx.shi': 'child.birthPlace.city',
    'xsr.csdssx.xian': 'child.birthPlace.county',
    'xsr.csdd': 'child.facility',
    'xsr.mzdm': 'child.ethnicity',
    'xsr.yhzgxdm': 'child.relationshipToHead',
    'xsr.cszmbh': 'inputs.birthCertificateNumber',
    ...person('mq', 'mother', {
      xm: 'name',
      zjlx: 'idType',
      zjhm: 'idNumber',
      gjdm: 'nationality',
      mzdm: 'ethnicity',
    }),
    ...person('fq', 'father', {
      xm: 'name',
      zjlx: 'idType',
      zjhm: 'idNumber',
      gjdm: 'nationality',
      mzdm: 'ethnicity',
    }),
    hyzkdm: 'marriage.status',
    jhzh: 'marriage.certificateNumber',
    'hk.sbdx': 'household.registerWith',
    'hk.hjdz': 'household.address',
    'hk.hzxm': 'household.headOfHousehold.name',
    'hk.hzsfhm': 'household.headOfHousehold.idNumber',
  },
  'medical-insurance': {
    requestId: null,
    submittedAt: null,
    'insured.name': 'child.name',
    'insured.gender': 'child.sex',
    'insured.birthDate': 'child.birthDateTime',
    'insured.certNo': 'inputs.childIdNumber',
    'insured.birthCertNo': 'inputs.birthCertificateNumber',
    ...person('guardian', 'guardian', {
      name: 'name',
      certType: 'idType',
      certNo: 'idNumber',
      mobile: 'phone',
    }),
    residenceAddress: 'household.address',
    insutype: 'medicalInsurance.category',
    contributionYear: 'medicalInsurance.paymentYear',
  },
  'social-security': {
    applicationNo: null,
    appliedAt: null,
    'applicant.name': 'child.name',
    'applicant.gender': 'child.sex',
    'applicant.birthDate': 'child.birthDateTime',
    'applicant.citizenId': 'inputs.childIdNumber',
    'applicant.birthCertNo': 'inputs.birthCertificateNumber',
    ...person('guardian', 'guardian', {
      name: 'name',
      idType: 'idType',
      idNumber: 'idNumber',
      phone: 'phone',
    }),
    bankName: 'socialSecurityCard.bank',
    mailingAddress: 'socialSecurityCard.mailingAddress',
  },
  cdc: {
    ref: null,
    requestedAt: null,
    'child.name': 'child.name',
    'child.sex': 'child.sex',
    'child.birthDateTime': 'child.birthDateTime',
    'child.birthplace': ['child.birthPlace.province', 'child.birthPlace.city', 'child.birthPlace.county'],
    'child.hospital': 'child.facility',
    'child.birthWeightG': 'child.weightGrams',
    'child.birthCertNo': 'inputs.birthCertificateNumber',
    motherName: 'mother.name',
    contactPhone: 'guardianPhone',
    address: 'residentialAddress',
  },
  'maternal-child-health': {
    ref: null,
    requestedAt: null,
    'infant.name': 'child.name',
    'infant.sex': 'child.sex',
    'infant.bornAt': 'child.birthDateTime',
    'infant.birthplace.province': 'child.birthPlace.province',
    'infant.birthplace.city': 'child.birthPlace.city',
    'infant.birthplace.county': 'child.birthPlace.county',
    'infant.hospital': 'child.facility',
    'infant.gestationalWeeks': 'child.gestationalWeeks',
    'infant.weightGrams': 'child.weightGrams',
    'infant.lengthCm': 'child.lengthCm',
    'infant.healthStatus': 'child.healthStatus',
    'infant.birthCertNo': 'inputs.birthCertificateNumber',
    'mother.name': 'mother.name',
    phone: 'guardianPhone',
    address: 'residentialAddress',
  },
};
export const TRANSPORT: Record<Department, 'nats' | 'http'> = {
  health: 'nats',
  'public-security': 'nats',
  'medical-insurance': 'http',
  'social-security': 'http',
  cdc: 'nats',
  'maternal-child-health': 'nats',
};

function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The canonical fields a request carried; fails on a field the mapping does not know. */
export function canonicalFieldsOf(department: Department, request: unknown): string[] {
  return leaves(request).flatMap((path) => {
    const mapped = VOCABULARY[department][path];
    if (mapped === undefined)
      throw new Error(`${department} received ${path}, which its vocabulary mapping does not have`);
    return mapped === null ? [] : Array.isArray(mapped) ? mapped : [mapped];
  });
}
