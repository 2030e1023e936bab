import { randomUUID } from 'node:crypto';
import { makeCitizenId } from '@onego/codes';
import {
  type CertificateFacts,
  type CertificateType,
  type certificateRequested,
  type DataOf,
  ITEM_CERTIFICATE,
  ITEM_DEPARTMENT,
  ITEM_KEYS,
  type ItemKey,
} from '@onego/contracts';

// One child's facts for every certificate type, as the applications service would send them:
// a name with a character outside the BMP, to show it is signed and returned exactly.

const child = { name: '张𠀀', sex: 'female' as const, birthDate: '2026-11-20' };
const citizenIdNumber = makeCitizenId({
  region: '430681',
  birthDate: child.birthDate,
  sex: 'female',
  sequence: 7,
});

export const FACTS: CertificateFacts = {
  'birth-medical-certificate': {
    ...child,
    birthDateTime: '2026-11-20T08:30:00+08:00',
    birthPlace: { province: '湖南省', city: '岳阳市', county: '汨罗市' },
    facility: '汨罗市人民医院',
    motherName: '李丽',
    fatherName: '张伟',
    birthCertificateNumber: 'S430000001',
  },
  'household-registration-record': {
    ...child,
    citizenIdNumber,
    householdRecordNumber: '430681000123',
    householdAddress: '湖南省汨罗市归义镇正街1号',
  },
  'medical-insurance-enrolment-voucher': {
    ...child,
    citizenIdNumber,
    insuranceNumber: 'YB43068100001',
    coverStartDate: '2026-11-20',
  },
  'vaccination-certificate': {
    ...child,
    birthCertificateNumber: 'S430000001',
    vaccinationCertificateNumber: 'YM43068100001',
    clinic: '汨罗市城关镇预防接种门诊',
  },
  'child-health-handbook': {
    ...child,
    birthCertificateNumber: 'S430000001',
    handbookNumber: 'EB43068100001',
    communityHealthCentre: '汨罗市城郊社区卫生服务中心',
  },
};

export type CertificateRequest = DataOf<typeof certificateRequested>;

/** The item that yields a certificate type. */
export const itemKeyOf = (type: CertificateType): ItemKey => {
  const key = ITEM_KEYS.find((k) => ITEM_CERTIFICATE[k] === type);
  if (!key) throw new Error(`no item yields ${type}`);
  return key;
};

/** A well-formed request for one item's certificate; override what a test is about. */
export function certificateRequest(
  type: CertificateType,
  overrides: Partial<Pick<CertificateRequest, 'applicationId' | 'ownerId' | 'itemId' | 'childIndex'>> = {},
): CertificateRequest {
  const itemKey = itemKeyOf(type);
  return {
    applicationId: randomUUID(),
    ownerId: randomUUID(),
    itemId: randomUUID(),
    childIndex: 0,
    ...overrides,
    itemKey,
    department: ITEM_DEPARTMENT[itemKey],
    certificateType: type,
    facts: structuredClone(FACTS[type]),
  } as CertificateRequest;
}
