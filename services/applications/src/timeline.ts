import { ITEM_DEPARTMENT } from '@onego/contracts';
import type { Transaction } from '@onego/db';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { timeline } from './db/schema.ts';
import type { ItemState, Transition } from './domain/orchestration.ts';

// The application's timeline for operators: one row per thing that happened, with who did it
// (a citizen, a clerk on a citizen's behalf, a department, the platform itself, an operator) and
// the trace it happened in. Rows carry codes and ids only; personal data stays in the form and
// is masked when shown.

export type Actor =
  | `citizen:${string}`
  | `clerk:${string}`
  | `department:${string}`
  | `operator:${string}`
  | `system:${string}`;

export interface TimelineEntry {
  kind: string;
  item?: Pick<ItemState, 'id' | 'itemKey' | 'childIndex'> & { attempt?: number };
  details?: Record<string, unknown>;
}

export const currentTraceId = () => {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : null;
};

/** What a transition did, as timeline entries: each item that changed, and the application's new status. */
export function entriesOf(transition: Transition, previousStatus: string): TimelineEntry[] {
  const entries: TimelineEntry[] = transition.changed.map((item) => ({
    kind: `item.${item.status}`,
    item,
    details: {
      ...(item.status === 'awaiting-materials' && {
        materials: item.materials.map((m) => ({
          code: m.code,
          dueDate: m.dueDate,
          supplied: Boolean(m.suppliedMaterialId),
        })),
      }),
    },
  }));
  if (transition.status !== previousStatus) entries.push({ kind: `application.${transition.status}` });
  return entries;
}

/** The timeline rows for entries about one application, in the current trace. */
export function timelineRows(applicationId: string, actor: Actor, at: Date, entries: TimelineEntry[]) {
  const traceId = currentTraceId();
  return entries.map((e) => ({
    applicationId,
    at,
    kind: e.kind,
    actor,
    details: e.details ?? {},
    traceId,
    ...(e.item && {
      itemId: e.item.id,
      itemKey: e.item.itemKey,
      department: ITEM_DEPARTMENT[e.item.itemKey],
      childIndex: e.item.childIndex,
      attempt: e.item.attempt ?? null,
    }),
  }));
}

/** Writes timeline entries at once (outside the locked applications a unit of work keeps). */
export async function record(
  tx: Transaction,
  applicationId: string,
  actor: Actor,
  at: Date,
  entries: TimelineEntry[],
) {
  if (entries.length === 0) return;
  await tx.insert(timeline).values(timelineRows(applicationId, actor, at, entries));
}
