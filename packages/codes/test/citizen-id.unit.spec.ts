import { describe, expect, it } from 'vitest';
import {
  citizenIdCheckCharacter,
  citizenIdsIn,
  isValidCitizenId,
  makeCitizenId,
  parseCitizenId,
  type Sex,
} from '../src/index.ts';

describe('parseCitizenId', () => {
  it('reads region, birth date, sex and sequence of a published valid number', () => {
    // Given the GB 11643 example number, when parsed, then a woman born 1949-12-31 in 110105.
    expect(parseCitizenId('11010519491231002X')).toEqual({
      ok: true,
      region: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
      sequence: 1,
    });
  });

  it('reads an odd sequence code as male', () => {
    const parsed = parseCitizenId('440524188001010014');
    expect(parsed).toMatchObject({ ok: true, sex: 'male', birthDate: '1880-01-01', sequence: 0 });
  });

  it('rejects a wrong check character with the reason', () => {
    expect(parseCitizenId('110105194912310021')).toEqual({
      ok: false,
      reason: 'check character does not match',
    });
  });

  it('rejects a birth date that does not exist, such as 30 February', () => {
    const first17 = '11010520000230002';
    const value = first17 + citizenIdCheckCharacter(first17);
    expect(parseCitizenId(value)).toEqual({ ok: false, reason: 'birth date is not a real date' });
  });

  it('rejects 29 February outside leap years but accepts it in 2000', () => {
    const withCheck = (first17: string) => first17 + citizenIdCheckCharacter(first17);
    expect(isValidCitizenId(withCheck('11010519000229002'))).toBe(false);
    expect(isValidCitizenId(withCheck('11010520000229002'))).toBe(true);
  });

  it('rejects a lowercase x and says that only uppercase X is accepted', () => {
    expect(parseCitizenId('11010519491231002x')).toEqual({
      ok: false,
      reason: 'must be 17 digits followed by a digit or uppercase X',
    });
  });

  it('rejects numbers of the wrong length', () => {
    expect(parseCitizenId('110105491231002')).toEqual({ ok: false, reason: 'must be 18 characters' });
    expect(parseCitizenId('')).toEqual({ ok: false, reason: 'must be 18 characters' });
  });

  it('rejects a region outside the province list', () => {
    const first17 = '99010519491231002';
    const value = first17 + citizenIdCheckCharacter(first17);
    expect(parseCitizenId(value)).toEqual({ ok: false, reason: 'region code is not a known province' });
  });
});

describe('makeCitizenId', () => {
  it('generates numbers that parse back to the same parts for every sex and sequence', () => {
    // Given many combinations, when generated and parsed, then the parts come back unchanged.
    const sexes: Sex[] = ['male', 'female'];
    const dates = ['1949-12-31', '2000-02-29', '2024-06-01'];
    for (const sex of sexes) {
      for (const birthDate of dates) {
        for (let sequence = 0; sequence <= 499; sequence++) {
          const parts = { region: '310104', birthDate, sex, sequence };
          const id = makeCitizenId(parts);
          expect(parseCitizenId(id)).toEqual({ ok: true, ...parts });
        }
      }
    }
  });

  it('reproduces the published example from its parts', () => {
    const id = makeCitizenId({ region: '110105', birthDate: '1949-12-31', sex: 'female', sequence: 1 });
    expect(id).toBe('11010519491231002X');
  });

  it('refuses impossible parts', () => {
    const good = { region: '110105', birthDate: '1990-01-01', sex: 'male' as const, sequence: 1 };
    expect(() => makeCitizenId({ ...good, birthDate: '1990-02-30' })).toThrow(RangeError);
    expect(() => makeCitizenId({ ...good, region: '990105' })).toThrow(RangeError);
    expect(() => makeCitizenId({ ...good, sequence: 500 })).toThrow(RangeError);
    expect(() => makeCitizenId({ ...good, sequence: 1.5 })).toThrow(RangeError);
  });
});

describe('citizenIdsIn', () => {
  it('finds a valid one, also inside a longer run of digits, and not 18 digits of a case reference', () => {
    // Given a valid resident ID number, the same inside a longer run of digits, and a case
    // reference whose 32 hex digits hold 18 decimal ones in a row
    const id = makeCitizenId({ region: '430681', birthDate: '2026-11-20', sex: 'female', sequence: 12 });
    const text = JSON.stringify({ ref: 'JKA123456789012345678BCDEF0123456', mother: id, note: `7${id}9` });
    // When it is searched / Then only the ID number is found
    expect([...citizenIdsIn(text)]).toEqual([id]);
    expect(citizenIdsIn('JKA123456789012345678BCDEF0123456').size).toBe(0);
  });
});
