import { describe, expect, it } from 'vitest';
import { documentKey, type IdentityDocument, otherParentOf, partyOf } from '../src/domain/consents.ts';

const mother = { idType: 'resident-id', idNumber: '430681199305120022' };
const father = { idType: 'resident-id', idNumber: '430681199108230011' };
const same = (who: IdentityDocument) => (doc: IdentityDocument) => documentKey(doc) === documentKey(who);

describe('the other parent of an application', () => {
  it('is the father when the mother applied', () => {
    // Given a form naming both parents, when the mother asks who the other parent is
    const other = otherParentOf({ mother, father }, same(mother));
    // Then it is the father, with his document
    expect(other).toEqual({ ok: true, applicant: 'mother', party: 'father', document: father });
  });

  it('is the mother when the father applied', () => {
    const other = otherParentOf({ mother, father }, same(father));
    expect(other).toMatchObject({ ok: true, applicant: 'father', party: 'mother', document: mother });
  });

  it('does not exist when the applicant is neither parent on the form', () => {
    // Given an applicant whose document the form does not name
    const stranger = { idType: 'resident-id', idNumber: '430681198001010013' };
    // Then there is no other parent, and the reason says why
    const other = otherParentOf({ mother, father }, same(stranger));
    expect(other).toMatchObject({
      ok: false,
      reason: expect.stringContaining('neither the mother nor the father'),
    });
  });

  it('does not exist when the form names one parent only', () => {
    const other = otherParentOf({ mother }, same(mother));
    expect(other).toMatchObject({ ok: false, reason: expect.stringContaining('names no father') });
  });

  it('is matched by document type as well as number', () => {
    // Given the same number as a passport rather than a resident ID
    const passport = { idType: 'passport', idNumber: mother.idNumber };
    // Then it is not the mother on the form
    expect(partyOf({ mother, father }, same(passport))).toBeNull();
  });

  it('is matched whatever the case of a check character or stray spaces', () => {
    const withX = { idType: 'resident-id', idNumber: '43068119930512002X' };
    expect(documentKey({ ...withX, idNumber: ' 43068119930512002x ' })).toBe(documentKey(withX));
  });
});
