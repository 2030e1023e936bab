import { describe, expect, it } from 'vitest';
import {
  citizenIdCheckCharacter,
  ID_DOCUMENT_TYPES,
  type IdDocumentType,
  isBirthCertificateNumber,
  validateIdDocument,
} from '../src/index.ts';

const withCheck = (first17: string): string => first17 + citizenIdCheckCharacter(first17);

// Given a document type, its valid numbers pass and each invalid number fails with its reason.
const cases: Record<IdDocumentType, { valid: string[]; invalid: [string, string][] }> = {
  'resident-id': {
    valid: ['11010519491231002X', '440524188001010014'],
    invalid: [
      ['110105194912310021', 'check character does not match'],
      ['11010519491231002x', 'must be 17 digits followed by a digit or uppercase X'],
    ],
  },
  'hmt-residence-permit': {
    valid: [withCheck('81000019900101001'), withCheck('82000019900101002'), withCheck('83000019900101003')],
    invalid: [
      ['11010519491231002X', 'region code must be 810000, 820000 or 830000'],
      [withCheck('81000119900101001'), 'region code must be 810000, 820000 or 830000'],
      [
        `${withCheck('81000019900101001').slice(0, 17)}Y`,
        'must be 17 digits followed by a digit or uppercase X',
      ],
    ],
  },
  'foreign-permanent-resident-id': {
    valid: [withCheck('93115619900101001'), 'USA310190010112'],
    invalid: [
      [withCheck('13115619900101001'), "must be '9', 16 digits and a digit or uppercase X"],
      [withCheck('93115619900230001'), 'birth date is not a real date'],
      ['931156199001010010', 'check character does not match'],
      ['US3101900101123', 'must be 18 characters, or 15 in the pre-2023 format'],
    ],
  },
  passport: {
    valid: ['E12345678', 'AB1234', '12345678901234567890'],
    invalid: [
      ['e12345678', 'must be 5 to 20 uppercase letters or digits'],
      ['E123', 'must be 5 to 20 uppercase letters or digits'],
      ['E1234-5678', 'must be 5 to 20 uppercase letters or digits'],
    ],
  },
  'hk-macao-home-return-permit': {
    valid: ['H12345678', 'M1234567890'],
    invalid: [
      ['C12345678', "must be 'H' or 'M' followed by 8 or 10 digits"],
      ['H123456789', "must be 'H' or 'M' followed by 8 or 10 digits"],
    ],
  },
  'taiwan-compatriot-permit': {
    valid: ['12345678'],
    invalid: [
      ['1234567', 'must be 8 digits'],
      ['T1234567', 'must be 8 digits'],
    ],
  },
};

describe('validateIdDocument', () => {
  for (const type of ID_DOCUMENT_TYPES) {
    it(`accepts valid ${type} numbers`, () => {
      for (const value of cases[type].valid)
        expect(validateIdDocument(type, value), value).toEqual({ ok: true });
    });

    it(`rejects invalid ${type} numbers with a reason`, () => {
      for (const [value, reason] of cases[type].invalid) {
        expect(validateIdDocument(type, value), value).toEqual({ ok: false, reason });
      }
    });
  }

  it('rejects an unknown type from an unvalidated caller instead of crashing', () => {
    const type = 'library-card' as IdDocumentType;
    expect(validateIdDocument(type, '123')).toEqual({ ok: false, reason: 'unknown identity document type' });
  });
});

describe('isBirthCertificateNumber', () => {
  it('accepts one uppercase letter followed by nine digits', () => {
    expect(isBirthCertificateNumber('P440012345')).toBe(true);
  });

  it('rejects lowercase, short and all-digit numbers', () => {
    for (const value of ['p440012345', 'P44001234', '1440012345', 'P4400123456']) {
      expect(isBirthCertificateNumber(value), value).toBe(false);
    }
  });
});
