import { createHash } from 'node:crypto';
import { makeCitizenId, type Sex } from '@onego/codes';

// The numbers a department system assigns, derived from a hash of the case reference: the same
// case always gets the same numbers, so a redelivered request yields the identical decision.

const hashOf = (caseRef: string, label: string) =>
  BigInt(`0x${createHash('sha256').update(`${label}\u0000${caseRef}`).digest('hex')}`);

/** `count` decimal digits (up to 70) drawn from the case reference, for the purpose `label`. */
export function digitsFrom(caseRef: string, label: string, count: number): string {
  let n = hashOf(caseRef, label);
  let digits = '';
  for (let i = 0; i < count; i++) {
    digits += String(n % 10n);
    n /= 10n;
  }
  return digits;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 出生医学证明编号: one series letter and nine digits. */
export const birthCertificateNumber = (caseRef: string) =>
  `${LETTERS[Number(hashOf(caseRef, 'series') % 26n)]}${digitsFrom(caseRef, 'birth-certificate', 9)}`;

/**
 * 公民身份号码 of a newborn registered into a household: the household's region (the first six
 * digits of the head of household's number), the child's birth date, a sequence code whose
 * parity is the child's sex, and the GB 11643 check character.
 */
export const citizenIdNumber = (caseRef: string, child: { region: string; birthDate: string; sex: Sex }) =>
  makeCitizenId({
    ...child,
    sequence: Number(digitsFrom(caseRef, 'citizen-id-sequence', 3)) % 500,
  });

/** 户号: the region and six digits, twelve in all. */
export const householdRecordNumber = (caseRef: string, region: string) =>
  `${region}${digitsFrom(caseRef, 'household', 6)}`;

/** 医保个人编号 (psnNo): the insured's region and ten digits. */
export const insuredPersonNumber = (caseRef: string, region: string) =>
  `${region}${digitsFrom(caseRef, 'psn', 10)}`;

export const cardApplicationNumber = (caseRef: string) => `SBK${digitsFrom(caseRef, 'card', 12)}`;
export const vaccinationCertificateNumber = (caseRef: string) =>
  `JZ${digitsFrom(caseRef, 'vaccination', 12)}`;
export const handbookNumber = (caseRef: string) => `ETBJ${digitsFrom(caseRef, 'handbook', 12)}`;

/** The township or sub-district (镇, 乡, 街道) of an address, right after its county or city. */
export function townOf(address: string): string | undefined {
  return /(?:省|市|县|区|旗)([^省市县区旗\d]{1,8}?(?:镇|乡|街道))/u.exec(address)?.[1];
}

/** The vaccination clinic serving an address: the township health centre's, by default. */
export function vaccinationClinicFor(address: string): string {
  const town = townOf(address);
  if (!town) return '辖区社区卫生服务中心预防接种门诊';
  return town.endsWith('街道') ? `${town}社区卫生服务中心预防接种门诊` : `${town}卫生院预防接种门诊`;
}

export const communityHealthCentreFor = (address: string) => `${townOf(address) ?? '辖区'}社区卫生服务中心`;
