import type { IdDocumentType } from '@onego/codes';
import { HttpError } from '@onego/http';
import type { Vault } from '@onego/vault';
import type { citizens } from './db/schema.ts';
import { documentLookupValue } from './domain/id-documents.ts';

// Citizens as the service works with them: the document number and phone opened from their
// sealed columns (the document type is a plain column, tied to the number by the lookup hash). Each sealed value is bound to its column and row, so one copied to another row (or
// altered) does not open; such a record is refused with a 503 and reported to operators, never
// answered from and never a 500.

type CitizenRecord = typeof citizens.$inferSelect;
export type Citizen = Omit<CitizenRecord, 'idNumberSealed' | 'idNumberHash' | 'phoneSealed'> & {
  idNumber: string;
  phone: string;
};

export const idNumberAad = (citizenId: string) => `citizens.id_number:${citizenId}`;
export const phoneAad = (citizenId: string) => `citizens.phone:${citizenId}`;

/** The keyed hash a citizen is found by (and kept unique by): the number itself is never stored. */
export const idNumberLookup = (vault: Vault, idType: IdDocumentType, idNumber: string) =>
  vault.lookup('citizen-id-number', documentLookupValue(idType, idNumber));

/** A sealed value that does not open where it is: a 503 for the caller, an error entry for operators. */
export class UnreadableRecordError extends HttpError {
  override name = 'UnreadableRecordError';
  /** Where the value was read from (`<table>.<column>:<row>`): names the row, never its content. */
  readonly place: string;
  constructor(
    place: string,
    cause: unknown,
    message = 'this account cannot be used at the moment; the service centre can help',
  ) {
    super(503, message);
    this.place = place;
    this.cause = cause;
  }
}

/** What operators read when it happens: what to look for, and what to do. */
export const UNREADABLE_RECORD =
  'a sealed value does not open where it is stored: it was moved from another row or altered, or its data key is gone; restore the row from a backup (the value is not logged)';

/** Opens `sealed` in `place`, or throws UnreadableRecordError. */
export function openIn(vault: Vault, sealed: string, place: string): string {
  try {
    return vault.open(sealed, place);
  } catch (error) {
    throw new UnreadableRecordError(place, error);
  }
}

export function sealCitizen(
  vault: Vault,
  id: string,
  { idType, idNumber, phone }: { idType: IdDocumentType; idNumber: string; phone: string },
) {
  return {
    idType,
    idNumberSealed: vault.seal(idNumber, idNumberAad(id)),
    idNumberHash: idNumberLookup(vault, idType, idNumber),
    phoneSealed: vault.seal(phone, phoneAad(id)),
  };
}

export function openCitizen(vault: Vault, record: CitizenRecord): Citizen {
  const { idNumberSealed, idNumberHash, phoneSealed, ...row } = record;
  const idNumber = openIn(vault, idNumberSealed, idNumberAad(row.id));
  // A hash that is not the sealed number's under this type: the row was pieced together from
  // others, or its document type was changed.
  if (idNumberLookup(vault, row.idType, idNumber) !== idNumberHash) {
    throw new UnreadableRecordError(idNumberAad(row.id), new Error('the lookup hash does not match'));
  }
  return { ...row, idNumber, phone: openIn(vault, phoneSealed, phoneAad(row.id)) };
}
