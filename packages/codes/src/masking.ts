// What may be shown of personal identifiers where full values are not needed (operators'
// screens, logs, traces, error messages): enough to recognise them, not enough to reuse them.

/** `430621199001010022` → `4306**********0022`. */
export const maskIdNumber = (idNumber: string) =>
  `${idNumber.slice(0, 4)}${'*'.repeat(Math.max(idNumber.length - 8, 0))}${idNumber.slice(-4)}`;

/** `13812345678` → `138****5678`. */
export const maskPhone = (phone: string) =>
  `${phone.slice(0, 3)}${'*'.repeat(Math.max(phone.length - 7, 0))}${phone.slice(-4)}`;

/**
 * `王小满` → `王*满`, `李芳` → `李*`, `John·Smith` → `J********h`: the first and (for three or more
 * characters) the last character, counted in code points so a rare character stays whole.
 */
export function maskName(name: string) {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
