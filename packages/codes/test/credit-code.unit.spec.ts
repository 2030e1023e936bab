import { describe, expect, it } from 'vitest';
import { isUnifiedSocialCreditCode, unifiedSocialCreditCheckCharacter } from '../src/index.ts';

// Codes of real public bodies and companies, as printed on their licences.
const PUBLISHED = ['91350100M000100Y43', '11100000000013338W', '11430000006122244L', '11330105002500287C'];

describe('unified social credit code', () => {
  it('accepts published codes', () => {
    for (const code of PUBLISHED) expect(isUnifiedSocialCreditCode(code), code).toBe(true);
  });

  it('computes the published check characters from the first 17 characters', () => {
    for (const code of PUBLISHED)
      expect(unifiedSocialCreditCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('rejects a code whose check character was changed', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('rejects the letters the standard leaves out, and lowercase', () => {
    for (const code of ['91350100I000100Y43', '91350100M000100Z43', '91350100m000100y43']) {
      expect(isUnifiedSocialCreditCode(code), code).toBe(false);
    }
  });

  it('validates every code built with the check function, for department issuer codes', () => {
    // Given bodies like those of government departments (11 + region + serial), when completed
    // with the check character, then the whole code validates.
    for (let n = 0; n < 2000; n++) {
      const body = `11${String(110000 + n * 37).padStart(6, '0')}${String(n * 7919).padStart(9, '0')}`;
      const code = body + unifiedSocialCreditCheckCharacter(body);
      expect(isUnifiedSocialCreditCode(code), code).toBe(true);
    }
  });

  it('refuses to compute a check character for a malformed body', () => {
    expect(() => unifiedSocialCreditCheckCharacter('1110000000001333')).toThrow(RangeError);
    expect(() => unifiedSocialCreditCheckCharacter('1110000000001333O')).toThrow(RangeError);
  });
});
