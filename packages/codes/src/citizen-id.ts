// GB 11643-1999 citizen ID number (公民身份号码): region(6) + birth date(8) + sequence(3) + check(1).
import { compactDateToIso, isoDateToCompact } from './calendar.ts';
import { iso7064Mod11_2 } from './iso7064.ts';
import { type Rejection, reject } from './result.ts';

/**
 * First two digits of the GB/T 2260 region codes that appear in ID numbers. 71, 81 and 82 are
 * Taiwan, Hong Kong and Macao; 83 is not a GB/T 2260 province but is issued on residence permits
 * of Taiwan residents, who are keyed by these numbers like everyone else.
 */
export const PROVINCE_CODES: readonly string[] = Object.freeze([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

export type Sex = 'male' | 'female';

export type CitizenIdParts = {
  /** Six-digit region code. */
  region: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  /**
   * Index among people of the same sex: the 3-digit sequence code is 2n+1 for men and 2n for
   * women, so 0..499. Using the index keeps makeCitizenId(parseCitizenId(x)) === x.
   */
  sequence: number;
};

export type ParsedCitizenId = ({ ok: true } & CitizenIdParts) | Rejection;

export const citizenIdCheckCharacter = (first17: string): string => {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('citizenIdCheckCharacter: expects 17 digits');
  return iso7064Mod11_2(first17);
};

export const parseCitizenId = (value: string): ParsedCitizenId => {
  if (value.length !== 18) return reject('must be 18 characters');
  // Lowercase x is refused rather than folded so that one person has exactly one stored spelling.
  if (!/^\d{17}[\dX]$/.test(value)) return reject('must be 17 digits followed by a digit or uppercase X');
  if (!PROVINCE_CODES.includes(value.slice(0, 2))) return reject('region code is not a known province');
  const birthDate = compactDateToIso(value.slice(6, 14));
  if (birthDate === undefined) return reject('birth date is not a real date');
  if (citizenIdCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) {
    return reject('check character does not match');
  }
  const code = Number(value.slice(14, 17));
  return {
    ok: true,
    region: value.slice(0, 6),
    birthDate,
    sex: code % 2 === 1 ? 'male' : 'female',
    sequence: Math.floor(code / 2),
  };
};

export const isValidCitizenId = (value: string): boolean => parseCitizenId(value).ok;

/**
 * Every valid number (region, birth date, check character) in a text: each 18 characters of
 * each run of 17 or more digits (an X may end one). Only valid ones: 18 decimal digits in a row
 * turn up now and then inside hexadecimal (a case reference, a trace id) and are not numbers.
 */
export function citizenIdsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const [run] of text.matchAll(/\d{17,}X?/g)) {
    for (let i = 0; i + 18 <= run.length; i++) {
      const candidate = run.slice(i, i + 18);
      if (isValidCitizenId(candidate)) found.add(candidate);
    }
  }
  return found;
}

/** Builds a valid number; throws on impossible parts since callers generate them, not users. */
export const makeCitizenId = ({ region, birthDate, sex, sequence }: CitizenIdParts): string => {
  if (!/^\d{6}$/.test(region) || !PROVINCE_CODES.includes(region.slice(0, 2))) {
    throw new RangeError('makeCitizenId: region must be 6 digits starting with a province code');
  }
  const compactDate = isoDateToCompact(birthDate);
  if (compactDate === undefined) throw new RangeError('makeCitizenId: birthDate must be a real YYYY-MM-DD');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 499) {
    throw new RangeError('makeCitizenId: sequence must be an integer from 0 to 499');
  }
  const code = String(sex === 'male' ? sequence * 2 + 1 : sequence * 2).padStart(3, '0');
  const first17 = `${region}${compactDate}${code}`;
  return first17 + citizenIdCheckCharacter(first17);
};
