// The newborn bundle's vocabulary (../shared/domain/newborn-bundle.md): departments, items and
// the certificate each item yields. The catalogue with dependencies, time limits and the
// one-time notice is data owned by the applications service; these are the names every
// service and every message agrees on.

export const DEPARTMENTS = [
  'health',
  'public-security',
  'medical-insurance',
  'social-security',
  'cdc',
  'maternal-child-health',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const ITEM_KEYS = [
  'birth-certificate',
  'household-registration',
  'medical-insurance-enrolment',
  'social-security-card',
  'vaccination-certificate',
  'child-health-handbook',
] as const;
export type ItemKey = (typeof ITEM_KEYS)[number];

export const CERTIFICATE_TYPES = [
  'birth-medical-certificate',
  'household-registration-record',
  'medical-insurance-enrolment-voucher',
  'vaccination-certificate',
  'child-health-handbook',
] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

/** Which department decides an item, and which e-certificate (if any) an approval yields. */
export const ITEM_DEPARTMENT = {
  'birth-certificate': 'health',
  'household-registration': 'public-security',
  'medical-insurance-enrolment': 'medical-insurance',
  'social-security-card': 'social-security',
  'vaccination-certificate': 'cdc',
  'child-health-handbook': 'maternal-child-health',
} as const satisfies Record<ItemKey, Department>;

export const ITEM_CERTIFICATE = {
  'birth-certificate': 'birth-medical-certificate',
  'household-registration': 'household-registration-record',
  'medical-insurance-enrolment': 'medical-insurance-enrolment-voucher',
  'social-security-card': null,
  'vaccination-certificate': 'vaccination-certificate',
  'child-health-handbook': 'child-health-handbook',
} as const satisfies Record<ItemKey, CertificateType | null>;

export type ItemOf<D extends Department> = {
  [K in ItemKey]: (typeof ITEM_DEPARTMENT)[K] extends D ? K : never;
}[ItemKey];
