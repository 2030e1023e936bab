import type { Department, ItemKey } from '@onego/contracts';
import { DEPARTMENTS, ITEM_KEYS, MATERIAL_CODES } from '@onego/contracts';
import { z } from 'zod';
import { newbornBundle } from '../catalogue/newborn.ts';
import { chinaDate } from '../domain/working-days.ts';
import type { ApplicationRow, ItemRow } from '../sealed.ts';

// What the applicant sees of an application: its state, its promised date, and every item of
// every child with the department holding it, its timestamps, outcome and outputs.

const iso = z.iso.datetime({ offset: true }).nullable();
const text = z.object({ zh: z.string(), en: z.string() });

export const itemView = z.object({
  id: z.uuid(),
  itemKey: z.enum(ITEM_KEYS),
  name: text,
  department: z.enum(DEPARTMENTS),
  childIndex: z.int(),
  childName: z.string(),
  status: z.enum([
    'waiting',
    'awaiting-materials',
    'requested',
    'approved',
    'completed',
    'rejected',
    'cancelled',
  ]),
  dependsOn: z.array(z.enum(ITEM_KEYS)),
  dueDate: z.iso.date(),
  attempt: z.int(),
  /** At the department for longer than it normally takes (a department slow or down). */
  delayed: z.boolean(),
  /** Not finished and past its promised date. */
  overdue: z.boolean(),
  materials: z.array(
    z.object({
      code: z.enum(MATERIAL_CODES),
      note: z.string(),
      dueDate: z.iso.date(),
      supplied: z.boolean(),
    }),
  ),
  requestedAt: iso,
  decidedAt: iso,
  completedAt: iso,
  cancelledAt: iso,
  outputs: z.record(z.string(), z.unknown()).nullable(),
  reason: z.object({ code: z.string(), message: z.string() }).nullable(),
  certificateId: z.string().nullable(),
});

export const applicationView = z.object({
  id: z.uuid(),
  bundle: z.string(),
  status: z.enum(['in-progress', 'action-required', 'completed', 'withdrawn']),
  submittedAt: z.iso.datetime({ offset: true }),
  dueDate: z.iso.date(),
  late: z.boolean(),
  completedAt: iso,
  withdrawnAt: iso,
  children: z.array(z.object({ index: z.int(), name: z.string() })),
  items: z.array(itemView),
});

export const applicationSummary = applicationView.omit({ items: true });

const nameOf = (key: ItemKey) => newbornBundle.items.find((i) => i.key === key)?.name ?? { zh: key, en: key };
const isoOf = (d: Date | null) => (d ? d.toISOString() : null);

export function summaryOf(app: ApplicationRow): z.infer<typeof applicationSummary> {
  return {
    id: app.id,
    bundle: app.bundle,
    status: app.status,
    submittedAt: app.submittedAt.toISOString(),
    dueDate: app.dueDate,
    late: app.late,
    completedAt: isoOf(app.completedAt),
    withdrawnAt: isoOf(app.withdrawnAt),
    children: app.form.children.map((c, index) => ({ index, name: c.name })),
  };
}

const ORDER = new Map<string, number>(ITEM_KEYS.map((k, i) => [k, i]));

const FINAL = new Set(['completed', 'rejected', 'cancelled']);

export interface ViewContext {
  now: Date;
  /** Overrides every item's expected turnaround (tests of a slow department). */
  delayedAfterMs?: number;
}

function delayed(row: ItemRow, context: ViewContext) {
  if (row.status !== 'requested' || !row.requestedAt) return false;
  const expected =
    context.delayedAfterMs ??
    (newbornBundle.items.find((i) => i.key === row.itemKey)?.expectedTurnaroundMinutes ?? 60) * 60_000;
  return context.now.getTime() - row.requestedAt.getTime() > expected;
}

export function viewOf(
  app: ApplicationRow,
  rows: ItemRow[],
  context: ViewContext,
): z.infer<typeof applicationView> {
  const sorted = [...rows].sort(
    (a, b) => a.childIndex - b.childIndex || (ORDER.get(a.itemKey) ?? 0) - (ORDER.get(b.itemKey) ?? 0),
  );
  return {
    ...summaryOf(app),
    items: sorted.map((r) => ({
      id: r.id,
      itemKey: r.itemKey,
      name: nameOf(r.itemKey),
      department: r.department as Department,
      childIndex: r.childIndex,
      childName: app.form.children[r.childIndex]?.name ?? '',
      status: r.status,
      dependsOn: r.dependsOn,
      dueDate: r.dueDate,
      attempt: r.attempt,
      delayed: delayed(r, context),
      overdue: !FINAL.has(r.status) && chinaDate(context.now) > r.dueDate,
      materials: r.materials.map((m) => ({
        code: m.code,
        note: m.note,
        dueDate: m.dueDate,
        supplied: Boolean(m.suppliedMaterialId),
      })),
      requestedAt: isoOf(r.requestedAt),
      decidedAt: isoOf(r.decidedAt),
      completedAt: isoOf(r.completedAt),
      cancelledAt: isoOf(r.cancelledAt),
      outputs: r.outputs,
      reason: r.reason,
      certificateId: r.certificateId,
    })),
  };
}
