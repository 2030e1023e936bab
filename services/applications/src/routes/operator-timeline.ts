import { DEPARTMENTS, ITEM_KEYS } from '@onego/contracts';
import { type Database, readSnapshot } from '@onego/db';
import { HttpError, type OneGoApp } from '@onego/http';
import { asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bundles } from '../catalogue/newborn.ts';
import { applications, deadlineAlerts, items, timeline } from '../db/schema.ts';
import { attemptsOf } from '../domain/timeline-attempts.ts';
import { inRegion, iso, summary, warning } from './operator-common.ts';

// One flow as an operator traces it: every event in order (who, when, how long after the one
// before, in which trace), and each item with its department, child, deadline and attempts.
// Children appear by masked name only; the rest is codes, ids and times.

const attempt = z.object({
  attempt: z.int(),
  requestedAt: z.iso.datetime({ offset: true }),
  outcome: z.enum(['approved', 'rejected', 'materials-required', 'cancelled']).nullable(),
  endedAt: iso,
  endedBy: z.string().nullable(),
  heldMs: z.int().describe('time at the department: until the outcome, or until now'),
});

const item = z.object({
  id: z.uuid(),
  itemKey: z.enum(ITEM_KEYS),
  department: z.enum(DEPARTMENTS),
  child: z.string(),
  childIndex: z.int(),
  status: z.string(),
  attempt: z.int(),
  dueDate: z.iso.date(),
  warning,
  requestedAt: iso,
  decidedAt: iso,
  completedAt: iso,
  heldMs: z.int().nullable().describe('time at the department for the current attempt'),
  reason: z.object({ code: z.string(), message: z.string() }).nullable(),
  attempts: z.array(attempt).describe('every time it was sent to its department, in order'),
});

const event = z.object({
  at: z.iso.datetime({ offset: true }),
  sincePreviousMs: z.int(),
  kind: z.string(),
  itemKey: z.string().nullable(),
  department: z.string().nullable(),
  childIndex: z.int().nullable(),
  child: z.string().nullable(),
  attempt: z.int().nullable(),
  actor: z.string(),
  details: z.record(z.string(), z.unknown()),
  traceId: z.string().nullable(),
});

export const timelineView = z.object({
  application: summary.omit({ heldBy: true, warning: true }).extend({
    traceId: z.string().nullable(),
    completedAt: iso,
    withdrawnAt: iso,
    promisedWorkingDays: z.int().nullable().describe('the bundle’s time limit (承诺时限), in working days'),
  }),
  items: z.array(item),
  events: z.array(event),
});

export function operatorTimelineRoute(
  app: OneGoApp,
  deps: { db: Database; authorise: (request: FastifyRequest) => Promise<void>; clock: () => Date },
) {
  const { db } = deps;
  app.get(
    '/api/operator/applications/:id/timeline',
    {
      onRequest: deps.authorise,
      schema: {
        tags: ['operators'],
        summary:
          'One flow’s timeline: every event in order, each item’s holder, attempts, durations and deadline',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        response: { 200: timelineView },
      },
    },
    async (request) => {
      // The flow, its items, alerts and timeline from one snapshot, so that they agree.
      const { a, itemRows, alerts, events } = await readSnapshot(db, async (tx) => {
        const [a] = await tx.select().from(applications).where(eq(applications.id, request.params.id));
        if (!a || !inRegion(request, a.region)) throw new HttpError(404, 'no such application');
        const [itemRows, alerts, events] = await Promise.all([
          tx.select().from(items).where(eq(items.applicationId, a.id)).orderBy(asc(items.childIndex)),
          tx
            .select({ itemId: deadlineAlerts.itemId, level: deadlineAlerts.level })
            .from(deadlineAlerts)
            .innerJoin(items, eq(items.id, deadlineAlerts.itemId))
            .where(eq(items.applicationId, a.id)),
          tx
            .select()
            .from(timeline)
            .where(eq(timeline.applicationId, a.id))
            .orderBy(asc(timeline.at), asc(timeline.id)),
        ]);
        return { a, itemRows, alerts, events };
      });
      const now = deps.clock();
      const levelOf = (itemId: string): 'red' | 'yellow' | null => {
        const levels = alerts.filter((r) => r.itemId === itemId).map((r) => r.level);
        return levels.includes('red') ? 'red' : levels.includes('yellow') ? 'yellow' : null;
      };
      const children = a.childrenMasked;
      const isoOf = (d: Date | null) => d?.toISOString() ?? null;
      return {
        application: {
          id: a.id,
          bundle: a.bundle,
          status: a.status,
          region: a.region,
          submittedAt: a.submittedAt.toISOString(),
          dueDate: a.dueDate,
          promisedWorkingDays: bundles.find((b) => b.key === a.bundle)?.timeLimitWorkingDays ?? null,
          completedAt: isoOf(a.completedAt),
          withdrawnAt: isoOf(a.withdrawnAt),
          traceId: a.traceId,
          children,
        },
        items: itemRows.map((i) => ({
          id: i.id,
          itemKey: i.itemKey,
          department: i.department,
          child: children[i.childIndex] ?? '',
          childIndex: i.childIndex,
          status: i.status,
          attempt: i.attempt,
          dueDate: i.dueDate,
          warning: levelOf(i.id),
          requestedAt: isoOf(i.requestedAt),
          decidedAt: isoOf(i.decidedAt),
          completedAt: isoOf(i.completedAt),
          heldMs: i.requestedAt
            ? (i.decidedAt ?? (i.status === 'requested' ? now : i.requestedAt)).getTime() -
              i.requestedAt.getTime()
            : null,
          reason: i.reason,
          attempts: attemptsOf(i.id, events, now).map((t) => ({
            ...t,
            requestedAt: t.requestedAt.toISOString(),
            endedAt: isoOf(t.endedAt),
          })),
        })),
        events: events.map((e, n) => ({
          at: e.at.toISOString(),
          sincePreviousMs: n === 0 ? 0 : e.at.getTime() - (events[n - 1]?.at.getTime() ?? e.at.getTime()),
          kind: e.kind,
          itemKey: e.itemKey,
          department: e.department,
          childIndex: e.childIndex,
          child: e.childIndex === null ? null : (children[e.childIndex] ?? null),
          attempt: e.attempt,
          actor: e.actor,
          details: e.details,
          traceId: e.traceId,
        })),
      };
    },
  );
}
