// GB/T 36904-2018 e-certificate identifier (电子证照标识), used as the credential id:
//   1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>
//
// Type code: the defining department's unified social credit code + a 3-digit sequence (e.g.
// 11100000000013338W001). Issuer code: the issuing department's unified social credit code.
// Version: 3 digits. Check: ISO/IEC 7064 MOD 37,36 (GB/T 17710) over type code, issuer code,
// serial and version concatenated, i.e. without the root OID and without the dots; identifiers
// published by provincial e-certificate platforms verify under exactly this rule.
//
// The standard lets the serial be any run of digits and letters. Ours are counters rendered as
// decimal zero-padded to at least 8 digits, and parsing insists on that canonical spelling so
// that every credential has exactly one identifier string.
import { isUnifiedSocialCreditCode } from './credit-code.ts';
import { iso7064Mod37_36 } from './iso7064.ts';
import { type Rejection, reject } from './result.ts';

export const CERTIFICATE_ID_ROOT = '1.2.156.3005.2';

export type CertificateIdParts = {
  typeCode: string;
  issuerCode: string;
  /** Positive safe integer. */
  serial: number;
  /** 1..999. */
  version: number;
};

export type ParsedCertificateId = ({ ok: true } & CertificateIdParts) | Rejection;

const SERIAL_WIDTH = 8;

const isTypeCode = (code: string): boolean =>
  /^[0-9A-Z]{18}\d{3}$/.test(code) && isUnifiedSocialCreditCode(code.slice(0, 18));

const renderSerial = (serial: number): string => String(serial).padStart(SERIAL_WIDTH, '0');
const renderThreeDigits = (n: number): string => String(n).padStart(3, '0');
const isSerial = (n: number): boolean => Number.isSafeInteger(n) && n >= 1;
const isThreeDigitNumber = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 999;

/** Builds the type code of a certificate kind from its defining department's credit code. */
export const makeCertificateTypeCode = (definerCode: string, sequence: number): string => {
  if (!isUnifiedSocialCreditCode(definerCode)) {
    throw new RangeError('makeCertificateTypeCode: definerCode must be a unified social credit code');
  }
  if (!isThreeDigitNumber(sequence)) {
    throw new RangeError('makeCertificateTypeCode: sequence must be an integer from 1 to 999');
  }
  return definerCode + renderThreeDigits(sequence);
};

/** Builds an identifier; throws on impossible parts since callers generate them, not users. */
export const makeCertificateId = ({ typeCode, issuerCode, serial, version }: CertificateIdParts): string => {
  if (!isTypeCode(typeCode)) {
    throw new RangeError('makeCertificateId: typeCode must be a unified social credit code + 3 digits');
  }
  if (!isUnifiedSocialCreditCode(issuerCode)) {
    throw new RangeError('makeCertificateId: issuerCode must be a unified social credit code');
  }
  if (!isSerial(serial)) {
    throw new RangeError('makeCertificateId: serial must be a positive integer');
  }
  if (!isThreeDigitNumber(version)) {
    throw new RangeError('makeCertificateId: version must be an integer from 1 to 999');
  }
  const fields = [typeCode, issuerCode, renderSerial(serial), renderThreeDigits(version)];
  return [CERTIFICATE_ID_ROOT, ...fields, iso7064Mod37_36(fields.join(''))].join('.');
};

const hasFiveFields = (fields: string[]): fields is [string, string, string, string, string] =>
  fields.length === 5;

export const parseCertificateId = (id: string): ParsedCertificateId => {
  if (!id.startsWith(`${CERTIFICATE_ID_ROOT}.`)) return reject(`must start with ${CERTIFICATE_ID_ROOT}`);
  const fields = id.slice(CERTIFICATE_ID_ROOT.length + 1).split('.');
  if (!hasFiveFields(fields)) return reject('must have type code, issuer code, serial, version and check');
  const [typeCode, issuerCode, serialText, versionText, check] = fields;
  if (!isTypeCode(typeCode)) return reject('type code must be a unified social credit code + 3 digits');
  if (!isUnifiedSocialCreditCode(issuerCode)) {
    return reject('issuer code is not a unified social credit code');
  }
  const serial = Number(serialText);
  if (!/^\d+$/.test(serialText) || !isSerial(serial) || renderSerial(serial) !== serialText) {
    return reject(`serial must be a positive integer zero-padded to ${SERIAL_WIDTH} digits`);
  }
  if (!/^\d{3}$/.test(versionText) || versionText === '000') {
    return reject('version must be 3 digits from 001');
  }
  if (iso7064Mod37_36(typeCode + issuerCode + serialText + versionText) !== check) {
    return reject('check character does not match');
  }
  return { ok: true, typeCode, issuerCode, serial, version: Number(versionText) };
};
