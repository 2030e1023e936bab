// Electronic supervision (电子监察): an unfinished item turns yellow on its due date (its last
// working day) and red once that day is over. Due dates are computed in working days, so the
// instants fall where the calendar says, across weekends, holidays and make-up working days.

export type WarningLevel = 'yellow' | 'red';

/** The warnings an unfinished item due on `dueDate` should have by `today` (China Standard Time). */
export function warningsDue(dueDate: string, today: string): WarningLevel[] {
  if (today > dueDate) return ['yellow', 'red'];
  if (today === dueDate) return ['yellow'];
  return [];
}
