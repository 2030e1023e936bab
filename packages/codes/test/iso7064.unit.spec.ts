import { describe, expect, it } from 'vitest';
import { iso7064Mod11_2, iso7064Mod37_36 } from '../src/index.ts';

describe('iso7064Mod11_2', () => {
  it('gives the check character of the standard example: given 0794 then 0', () => {
    expect(iso7064Mod11_2('0794')).toBe('0');
  });

  it('writes the value 10 as X: given the first 17 digits of 11010519491231002X then X', () => {
    expect(iso7064Mod11_2('11010519491231002')).toBe('X');
  });

  it('refuses input that is not decimal digits', () => {
    expect(() => iso7064Mod11_2('07A4')).toThrow(RangeError);
  });
});

describe('iso7064Mod37_36', () => {
  it('gives the check character of the standard example: given A12425GABC1234002 then M', () => {
    expect(iso7064Mod37_36('A12425GABC1234002')).toBe('M');
  });

  it('reproduces the check characters of published e-certificate identifiers', () => {
    // Given the fields of real identifiers without root and dots, then their last character.
    expect(iso7064Mod37_36('11100000000013338W01111430000006122244L20230000403001')).toBe('U');
    expect(iso7064Mod37_36('11100000000013338W00911330105002500287C2025052201002')).toBe('0');
  });

  it('refuses lowercase letters and punctuation', () => {
    expect(() => iso7064Mod37_36('a1')).toThrow(RangeError);
    expect(() => iso7064Mod37_36('A.1')).toThrow(RangeError);
  });
});
