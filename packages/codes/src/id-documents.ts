// Identity documents a parent may present: mainland residents and those who are not.
import { compactDateToIso } from './calendar.ts';
import { parseCitizenId } from './citizen-id.ts';
import { iso7064Mod11_2 } from './iso7064.ts';
import { ACCEPTED, reject, type Verdict } from './result.ts';

export const ID_DOCUMENT_TYPES = [
  'resident-id',
  'hmt-residence-permit',
  'foreign-permanent-resident-id',
  'passport',
  'hk-macao-home-return-permit',
  'taiwan-compatriot-permit',
] as const;

export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

const validateResidentId = (value: string): Verdict => {
  const parsed = parseCitizenId(value);
  return parsed.ok ? ACCEPTED : parsed;
};

// 港澳台居民居住证 numbers follow GB 11643 with a fixed region: 810000 HK, 820000 Macao, 830000 Taiwan.
const validateHmtResidencePermit = (value: string): Verdict => {
  const parsed = parseCitizenId(value);
  if (!parsed.ok) return parsed;
  return ['810000', '820000', '830000'].includes(parsed.region)
    ? ACCEPTED
    : reject('region code must be 810000, 820000 or 830000');
};

// The 2023 permanent residence card puts '9' before a GB 11643-shaped number, so the birth date
// sits at the same offset and the same MOD 11-2 check applies. Cards issued before 2023 (3-letter
// nationality + 12 digits) are checked for shape only: we found no published source for their
// check digit.
const validateForeignPermanentResidentId = (value: string): Verdict => {
  if (/^[A-Z]{3}\d{12}$/.test(value)) return ACCEPTED;
  if (value.length !== 18) return reject('must be 18 characters, or 15 in the pre-2023 format');
  if (!/^9\d{16}[\dX]$/.test(value)) return reject("must be '9', 16 digits and a digit or uppercase X");
  if (compactDateToIso(value.slice(6, 14)) === undefined) return reject('birth date is not a real date');
  return iso7064Mod11_2(value.slice(0, 17)) === value.charAt(17)
    ? ACCEPTED
    : reject('check character does not match');
};

const shape =
  (pattern: RegExp, reason: string) =>
  (value: string): Verdict =>
    pattern.test(value) ? ACCEPTED : reject(reason);

const VALIDATORS: Record<IdDocumentType, (value: string) => Verdict> = {
  'resident-id': validateResidentId,
  'hmt-residence-permit': validateHmtResidencePermit,
  'foreign-permanent-resident-id': validateForeignPermanentResidentId,
  passport: shape(/^[A-Z0-9]{5,20}$/, 'must be 5 to 20 uppercase letters or digits'),
  'hk-macao-home-return-permit': shape(
    /^[HM](\d{8}|\d{10})$/,
    "must be 'H' or 'M' followed by 8 or 10 digits",
  ),
  'taiwan-compatriot-permit': shape(/^\d{8}$/, 'must be 8 digits'),
};

// The guard is for callers that skipped schema validation: an unknown type is a rejection, not a crash.
export const validateIdDocument = (type: IdDocumentType, value: string): Verdict =>
  Object.hasOwn(VALIDATORS, type) ? VALIDATORS[type](value) : reject('unknown identity document type');
