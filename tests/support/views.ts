// The application view as the public API returns it, and small helpers to read it.

export interface ItemView {
  id: string;
  itemKey: string;
  name: { zh: string; en: string };
  department: string;
  childIndex: number;
  childName: string;
  status: string;
  dependsOn: string[];
  attempt: number;
  delayed: boolean;
  overdue: boolean;
  materials: { code: string; note: string; dueDate: string; supplied: boolean }[];
  outputs: Record<string, unknown> | null;
  reason: { code: string; message: string } | null;
  certificateId: string | null;
  requestedAt: string | null;
  decidedAt: string | null;
  completedAt: string | null;
}

export interface ApplicationView {
  id: string;
  status: string;
  dueDate: string;
  submittedAt: string;
  completedAt: string | null;
  children: { index: number; name: string }[];
  items: ItemView[];
}

export const applicationCompleted = (view: ApplicationView) => view.status === 'completed';

export function describeItem(item: ItemView) {
  const outputs = item.outputs ? ` ${JSON.stringify(item.outputs)}` : '';
  const reason = item.reason ? ` (${item.reason.code}: ${item.reason.message})` : '';
  return `${item.childName} · ${item.name.zh} ${item.itemKey} @ ${item.department}: ${item.status}${outputs}${reason}`;
}

/**
 * The example form's birth date is fixed; once it is more than a month old the application
 * would be late (and need a pledge). Moves every child's birth to two days ago, keeping the time
 * of day, and returns the new date; returns null when the example is still recent.
 */
export function freshBirthDate(
  submission: { form: { children: Record<string, unknown>[] } },
  now: Date,
): string | null {
  const first = String(submission.form.children[0]?.birthDateTime ?? '');
  const monthLater = new Date(first);
  monthLater.setMonth(monthLater.getMonth() + 1);
  if (monthLater.getTime() - 24 * 3600_000 > now.getTime()) return null;
  const day = new Date(now.getTime() + 8 * 3600_000 - 2 * 24 * 3600_000).toISOString().slice(0, 10);
  for (const child of submission.form.children) {
    child.birthDateTime = `${day}${String(child.birthDateTime).slice(10)}`;
  }
  return day;
}
