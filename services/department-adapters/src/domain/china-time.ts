import { UntranslatableError } from './errors.ts';

// Registration systems record a birth's date and time as a wall-clock reading in China
// Standard Time (UTC+8, no daylight saving), whatever offset the form was filled in with.

const CST_OFFSET_MS = 8 * 3600_000;

export interface ChinaTime {
  /** YYYY-MM-DD */
  date: string;
  /** YYYYMMDD */
  compactDate: string;
  /** HHmmss */
  compactTime: string;
}

export function inChinaStandardTime(isoDateTime: string): ChinaTime {
  const instant = Date.parse(isoDateTime);
  if (Number.isNaN(instant)) throw new UntranslatableError(`"${isoDateTime}" is not a date-time`);
  const wallClock = new Date(instant + CST_OFFSET_MS).toISOString();
  const date = wallClock.slice(0, 10);
  return {
    date,
    compactDate: date.replaceAll('-', ''),
    compactTime: wallClock.slice(11, 19).replaceAll(':', ''),
  };
}
