import { makeCertificateTypeCode, unifiedSocialCreditCheckCharacter } from '@onego/codes';
import type { CertificateType, Department } from '@onego/contracts';

// Who issues OneGo's e-certificates, and the GB/T 36904 codes that go into every identifier.
//
// ILLUSTRATIVE DATA. The unified social credit codes below (GB 32100) are made up for six
// departments of 汨罗市 (Miluo, Hunan, division code 430681): structurally valid, with a
// correct check character, but not the departments' real codes. The certificate type codes are
// equally made up: in production a type code is assigned by the national e-certificate
// catalogue (全国一体化政务服务平台电子证照目录) under the ministry that defines the certificate;
// here each type is "defined" by the department that issues it. Replace both before real use.

export interface LocalisedName {
  zh: string;
  en: string;
}

export interface Issuer {
  department: Department;
  /** GB 32100 unified social credit code: the issuer code of every identifier it issues. */
  creditCode: string;
  name: LocalisedName;
}

/** Body (registration authority, category, division code, organisation code) + check character. */
const creditCode = (first17: string) => first17 + unifiedSocialCreditCheckCharacter(first17);

// Registration authority 1 (机构编制); category 1 = government organ (机关), 2 = public institution (事业单位).
export const ISSUERS: { readonly [D in Department]: Issuer } = {
  health: {
    department: 'health',
    creditCode: creditCode('11430681MB0000001'),
    name: { zh: '汨罗市卫生健康局', en: 'Miluo Municipal Health Bureau' },
  },
  'public-security': {
    department: 'public-security',
    creditCode: creditCode('11430681MB0000002'),
    name: { zh: '汨罗市公安局', en: 'Miluo Municipal Public Security Bureau' },
  },
  'medical-insurance': {
    department: 'medical-insurance',
    creditCode: creditCode('11430681MB0000003'),
    name: { zh: '汨罗市医疗保障局', en: 'Miluo Municipal Healthcare Security Bureau' },
  },
  'social-security': {
    department: 'social-security',
    creditCode: creditCode('11430681MB0000004'),
    name: {
      zh: '汨罗市人力资源和社会保障局',
      en: 'Miluo Municipal Human Resources and Social Security Bureau',
    },
  },
  cdc: {
    department: 'cdc',
    creditCode: creditCode('12430681MB0000005'),
    name: { zh: '汨罗市疾病预防控制中心', en: 'Miluo Municipal Center for Disease Control and Prevention' },
  },
  'maternal-child-health': {
    department: 'maternal-child-health',
    creditCode: creditCode('12430681MB0000006'),
    name: { zh: '汨罗市妇幼保健院', en: 'Miluo Maternal and Child Health Care Hospital' },
  },
};

export interface CertificateKind {
  /** GB/T 36904 type code: the defining department's credit code + a 3-digit sequence. */
  typeCode: string;
  name: LocalisedName;
}

const kind = (definedBy: Department, sequence: number, name: LocalisedName): CertificateKind => ({
  typeCode: makeCertificateTypeCode(ISSUERS[definedBy].creditCode, sequence),
  name,
});

export const CERTIFICATE_KINDS: { readonly [T in CertificateType]: CertificateKind } = {
  'birth-medical-certificate': kind('health', 1, { zh: '出生医学证明', en: 'Birth medical certificate' }),
  'household-registration-record': kind('public-security', 1, {
    zh: '户口登记（出生登记）',
    en: 'Household registration record (birth registration)',
  }),
  'medical-insurance-enrolment-voucher': kind('medical-insurance', 1, {
    zh: '城乡居民基本医疗保险参保凭证',
    en: 'Resident basic medical insurance enrolment voucher',
  }),
  'vaccination-certificate': kind('cdc', 1, { zh: '预防接种证', en: 'Vaccination certificate' }),
  'child-health-handbook': kind('maternal-child-health', 1, {
    zh: '儿童保健手册',
    en: 'Child healthcare handbook',
  }),
};

export const isDepartment = (value: string): value is Department => Object.hasOwn(ISSUERS, value);
export const isCertificateType = (value: string): value is CertificateType =>
  Object.hasOwn(CERTIFICATE_KINDS, value);
