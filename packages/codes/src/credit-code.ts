// GB 32100-2015 unified social credit code (统一社会信用代码): 17 body characters + 1 check
// character, MOD 31 over an alphabet without I, O, Z, S and V (too easily misread).

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// The standard's weight table is 3^i mod 31 for positions 1..17.
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

const BODY = /^[0-9A-HJ-NPQRTUWXY]{17}$/;
const CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export const unifiedSocialCreditCheckCharacter = (first17: string): string => {
  if (!BODY.test(first17)) {
    throw new RangeError('unifiedSocialCreditCheckCharacter: expects 17 characters of the GB 32100 alphabet');
  }
  const sum = Array.from(first17).reduce(
    (acc, char, i) => acc + ALPHABET.indexOf(char) * (WEIGHTS[i] ?? 0),
    0,
  );
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
};

export const isUnifiedSocialCreditCode = (value: string): boolean =>
  CODE.test(value) && unifiedSocialCreditCheckCharacter(value.slice(0, 17)) === value.charAt(17);
