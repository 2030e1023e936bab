import { makeCitizenId } from '@onego/codes';
import { describe, expect, it } from 'vitest';
import { idNumbersIn } from './department-wire.ts';

describe('finding resident ID numbers on the wire', () => {
  it('finds a valid one, also inside a longer run of digits, and not 18 digits of a case reference', () => {
    // Given a valid resident ID number, the same inside a longer run of digits, and a case
    // reference whose 32 hex digits hold 18 decimal ones in a row
    const id = makeCitizenId({ region: '430681', birthDate: '2026-11-20', sex: 'female', sequence: 12 });
    const text = JSON.stringify({ ref: 'JKA123456789012345678BCDEF0123456', mother: id, note: `7${id}9` });
    // When it is searched / Then only the ID number is found
    expect([...idNumbersIn(text)]).toEqual([id]);
    expect(idNumbersIn('JKA123456789012345678BCDEF0123456').size).toBe(0);
  });
});
