// Date codes in these standards are YYYYMMDD (GB/T 7408) with no separators.

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Turns 'YYYYMMDD' into 'YYYY-MM-DD' when it names a day that exists, otherwise undefined. */
export const compactDateToIso = (compact: string): string | undefined => {
  if (!/^\d{8}$/.test(compact)) return undefined;
  const year = Number(compact.slice(0, 4));
  const month = Number(compact.slice(4, 6));
  const day = Number(compact.slice(6, 8));
  // Date rolls Feb 30 over into March, so a round trip exposes impossible days. setUTCFullYear
  // rather than Date.UTC, which would read years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : undefined;
};

/** Turns 'YYYY-MM-DD' into 'YYYYMMDD' when it names a day that exists, otherwise undefined. */
export const isoDateToCompact = (iso: string): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const compact = iso.replaceAll('-', '');
  return compactDateToIso(compact) === undefined ? undefined : compact;
};
