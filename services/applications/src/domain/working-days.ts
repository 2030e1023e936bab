// Promised time limits (承诺时限) count working days: weekends and public holidays are skipped,
// and the make-up working days that China's holiday arrangements add on weekends count.

export interface HolidayCalendar {
  /** Dates (YYYY-MM-DD) that are public holidays, including weekdays given off. */
  holidays: ReadonlySet<string>;
  /** Weekend dates (YYYY-MM-DD) that are working days (调休上班). */
  workdays: ReadonlySet<string>;
}

export const weekendsOnly: HolidayCalendar = { holidays: new Set(), workdays: new Set() };

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function isWorkingDay(day: string, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date by which something accepted on `acceptedOn` is due, `n` working days later. The day
 * of acceptance is not counted (受理之日起 … 个工作日 counts from the next working day).
 */
export function addWorkingDays(acceptedOn: string, n: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  let day = acceptedOn;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return day;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  const sign = to >= from ? 1 : -1;
  let count = 0;
  for (let day = from; day !== to; ) {
    day = addDays(day, sign);
    if (isWorkingDay(day, calendar)) count += sign;
  }
  return count;
}

/** The calendar date in China Standard Time (UTC+8, no daylight saving) of an instant. */
export const chinaDate = (instant: Date) =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function calendarFrom(data: { holidays: string[]; workdays: string[] }): HolidayCalendar {
  return { holidays: new Set(data.holidays), workdays: new Set(data.workdays) };
}
