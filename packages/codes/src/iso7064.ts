// ISO/IEC 7064 (adopted in China as GB/T 17710) check character systems.

const DIGITS = '0123456789';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MOD_11_2_CHARS = '0123456789X';

const valuesOf = (input: string, alphabet: string, name: string): number[] =>
  Array.from(input, (char) => {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new RangeError(`${name}: unexpected character ${JSON.stringify(char)}`);
    return value;
  });

/**
 * Pure system MOD 11-2 over decimal digits: weights 2^k mod 11 counted from the check position,
 * the value 10 written as 'X'. This is the GB 11643 citizen ID check.
 */
export const iso7064Mod11_2 = (digits: string): string => {
  const values = valuesOf(digits, DIGITS, 'iso7064Mod11_2');
  // Horner form of sum(a_i * 2^(n-i+1)): each step doubles what came before.
  const sum = values.reduce((acc, value) => ((acc + value) * 2) % 11, 0);
  return MOD_11_2_CHARS.charAt((12 - sum) % 11);
};

/**
 * Hybrid system MOD 37,36 over digits and uppercase Latin letters (0-9 = 0-9, A-Z = 10-35).
 * The check character is itself one of the 36 characters, so the identifier keeps its alphabet.
 */
export const iso7064Mod37_36 = (chars: string): string => {
  const m = 36;
  const product = valuesOf(chars, ALPHANUMERIC, 'iso7064Mod37_36').reduce((p, value) => {
    // "|| m" because the hybrid systems replace a zero remainder by the modulus itself.
    const sum = (p + value) % m || m;
    return (sum * 2) % (m + 1);
  }, m);
  return ALPHANUMERIC.charAt((m + 1 - product) % m);
};
