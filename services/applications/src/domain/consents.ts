// Who the "other parent" of an application is, decided from the form and the applicant's own
// identity document (as identity knows it): the parent on the form who is not the applicant.

export type Party = 'mother' | 'father';

export interface IdentityDocument {
  idType: string;
  idNumber: string;
}

interface ParentsOnForm {
  mother?: IdentityDocument | undefined;
  father?: IdentityDocument | undefined;
}

export type OtherParent =
  | { ok: true; applicant: Party; party: Party; document: IdentityDocument }
  | { ok: false; reason: string };

/** One spelling per document, so "x" and "X" check characters, or stray spaces, still match. */
export const documentKey = (doc: IdentityDocument) => `${doc.idType}:${doc.idNumber.trim().toUpperCase()}`;

export const otherPartyOf = (party: Party): Party => (party === 'mother' ? 'father' : 'mother');

/**
 * Which parent on the form the applicant is, if either. `isApplicant` compares a document with
 * the applicant's (by keyed hash: the applicant's number need not be at hand).
 */
export function partyOf(form: ParentsOnForm, isApplicant: (doc: IdentityDocument) => boolean): Party | null {
  if (form.mother && isApplicant(form.mother)) return 'mother';
  if (form.father && isApplicant(form.father)) return 'father';
  return null;
}

export function otherParentOf(
  form: ParentsOnForm,
  isApplicant: (doc: IdentityDocument) => boolean,
): OtherParent {
  const party = partyOf(form, isApplicant);
  if (!party) {
    return {
      ok: false,
      reason:
        'you are neither the mother nor the father on this form: only a parent named on it can share it with the other parent',
    };
  }
  const other = otherPartyOf(party);
  const document = form[other];
  if (!document)
    return { ok: false, reason: `the form names no ${other}: there is no other parent to share it with` };
  return { ok: true, applicant: party, party: other, document };
}
