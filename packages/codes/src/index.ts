// Chinese identifier standards: check characters, parsers and generators. Pure, no dependencies.
export { isBirthCertificateNumber } from './birth-certificate.ts';
export {
  CERTIFICATE_ID_ROOT,
  type CertificateIdParts,
  makeCertificateId,
  makeCertificateTypeCode,
  type ParsedCertificateId,
  parseCertificateId,
} from './certificate-id.ts';
export {
  type CitizenIdParts,
  citizenIdCheckCharacter,
  citizenIdsIn,
  isValidCitizenId,
  makeCitizenId,
  type ParsedCitizenId,
  PROVINCE_CODES,
  parseCitizenId,
  type Sex,
} from './citizen-id.ts';
export { isUnifiedSocialCreditCode, unifiedSocialCreditCheckCharacter } from './credit-code.ts';
export { ID_DOCUMENT_TYPES, type IdDocumentType, validateIdDocument } from './id-documents.ts';
export { iso7064Mod11_2, iso7064Mod37_36 } from './iso7064.ts';
export { maskIdNumber, maskName, maskPhone } from './masking.ts';
export type { Rejection, Verdict } from './result.ts';
