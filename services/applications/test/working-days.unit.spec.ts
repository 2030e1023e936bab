import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarFrom,
  chinaDate,
  isWorkingDay,
  weekendsOnly,
  workingDaysBetween,
} from '../src/domain/working-days.ts';

const cn2026 = calendarFrom(
  JSON.parse(readFileSync(new URL('../src/catalogue/calendar-cn.json', import.meta.url), 'utf8')),
);

describe('working-day deadlines', () => {
  it('does not count the day of acceptance', () => {
    // Given an application accepted on Monday 2026-11-23, when 2 working days are added
    // then it is due on Wednesday
    expect(addWorkingDays('2026-11-23', 2, weekendsOnly)).toBe('2026-11-25');
  });

  it('skips the weekend', () => {
    expect(addWorkingDays('2026-11-20', 2, weekendsOnly)).toBe('2026-11-24'); // Friday → Tuesday
    expect(addWorkingDays('2026-11-21', 1, weekendsOnly)).toBe('2026-11-23'); // Saturday → Monday
  });

  it('skips the National Day holiday and counts the make-up Saturday', () => {
    // Given the 2026 arrangement: 1-7 October off, Saturday 10 October worked
    expect(isWorkingDay('2026-10-05', cn2026)).toBe(false);
    expect(isWorkingDay('2026-10-10', cn2026)).toBe(true);
    // When accepted on Wednesday 30 September with 2 working days, then it is due Friday 9 October
    expect(addWorkingDays('2026-09-30', 2, cn2026)).toBe('2026-10-09');
    // And accepted on Friday 9 October with 1 working day, it is due the make-up Saturday
    expect(addWorkingDays('2026-10-09', 1, cn2026)).toBe('2026-10-10');
  });

  it('skips the nine-day Spring Festival break', () => {
    expect(addWorkingDays('2026-02-13', 1, cn2026)).toBe('2026-02-14'); // make-up Saturday
    expect(addWorkingDays('2026-02-14', 1, cn2026)).toBe('2026-02-24');
  });

  it('counts working days between two dates, negative when overdue', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-24', weekendsOnly)).toBe(2);
    expect(workingDaysBetween('2026-11-24', '2026-11-20', weekendsOnly)).toBe(-2);
  });

  it('takes the calendar date in China Standard Time', () => {
    // 17:30 UTC on the 22nd is already the 23rd in Beijing
    expect(chinaDate(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23');
  });

  it('refuses a negative number of days', () => {
    expect(() => addWorkingDays('2026-11-23', -1, weekendsOnly)).toThrow(RangeError);
  });
});
