import { type IdDocumentType, maskIdNumber } from '@onego/codes';

// Citizens sign up with any identity document a parent may present (ID_DOCUMENT_TYPES of
// @onego/codes): a mainland resident ID, a residence permit for Hong Kong, Macao and Taiwan
// residents, a foreign permanent resident ID, a passport, or a home-return or compatriot permit.
// An account is one (document type, number) pair.

export const DEFAULT_ID_TYPE: IdDocumentType = 'resident-id';

/**
 * What the keyed lookup hash is taken over. A resident ID alone, as before document types existed,
 * so the accounts registered then are still found; any other type prefixed with its name, so the
 * same characters under two types are two accounts. The two cannot meet: a resident ID has no `:`.
 */
export const documentLookupValue = (idType: IdDocumentType, idNumber: string) =>
  idType === 'resident-id' ? idNumber : `${idType}:${idNumber}`;

/**
 * What may be shown of a document number (responses, logs). A resident ID as everywhere on the
 * platform (`4306**********0022`); any other number keeps at most two characters at each end, and
 * never more than half of a short one: `E12345678` → `E1*****78`, `12345678` → `12****78`,
 * `AB123` → `A***3`.
 */
export function maskDocumentNumber(idType: IdDocumentType, idNumber: string): string {
  if (idType === 'resident-id') return maskIdNumber(idNumber);
  const chars = [...idNumber];
  const kept = Math.min(2, Math.floor(chars.length / 4));
  const head = chars.slice(0, kept).join('');
  const tail = kept > 0 ? chars.slice(-kept).join('') : '';
  return `${head}${'*'.repeat(chars.length - 2 * kept)}${tail}`;
}
