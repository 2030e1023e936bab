import type { Draft } from './model.ts';

// The signed-in parent's own real-name data (GET /api/identity/me/document) goes into their
// part of the form: the parent they say they are. Switching moves it; nothing else is touched.

export interface OwnDocument {
  idType: string;
  idNumber: string;
  name: string;
  phone: string;
}

export function applyAs(draft: Draft, party: 'mother' | 'father', own: OwnDocument | undefined): Draft {
  const next = structuredClone(draft);
  next.applicant = party;
  if (!own) return next;
  const other = party === 'mother' ? 'father' : 'mother';
  if (next[other].idNumber === own.idNumber) {
    next[other] = { ...next[other], name: '', idNumber: '', phone: '', idType: 'resident-id' };
  }
  next[party] = {
    ...next[party],
    present: true,
    name: own.name,
    idType: own.idType,
    idNumber: own.idNumber,
    phone: own.phone,
  };
  if (next.consent.givenBy === '' && party === 'father') next.consent.givenBy = next.mother.name;
  return next;
}
