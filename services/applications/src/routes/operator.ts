import { DEPARTMENTS } from '@onego/contracts';
import type { Database } from '@onego/db';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import { applications, deadlineAlerts, items } from '../db/schema.ts';
import { chinaDate } from '../domain/working-days.ts';
import { platformFigures } from '../figures.ts';
import type { ApplicationStore } from '../store.ts';
import { inRegion, regionOf, summary } from './operator-common.ts';
import { operatorTimelineRoute } from './operator-timeline.ts';

// What an operator at the 12345 hotline sees: every flow, where it is, who holds it since when,
// and why; personal data masked. Searches page by (submitted_at, id), newest first, on indexes.

export interface OperatorRoutesDeps {
  db: Database;
  store: ApplicationStore;
  authorise: (request: FastifyRequest) => Promise<void>;
  clock: () => Date;
}

const OPEN = ['in-progress', 'action-required'] as const;

export const cursorOf = (row: { submittedAt: Date; id: string }) =>
  Buffer.from(`${row.submittedAt.toISOString()}|${row.id}`).toString('base64url');
function parseCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at ?? '');
  if (!id || Number.isNaN(when.getTime()))
    throw new HttpError(400, 'invalid request', [
      { path: 'cursor', message: 'is not a cursor this API returned' },
    ]);
  return { when, id };
}

export const searchQuery = z.object({
  bundle: z.string().max(32).optional(),
  status: z.enum(['in-progress', 'action-required', 'completed', 'withdrawn']).optional(),
  department: z.enum(DEPARTMENTS).optional().describe('only flows with an item held at this department'),
  deadline: z.enum(['overdue', 'due-today']).optional(),
  region: z.string().max(32).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

// Correlated subqueries must name the outer row explicitly: Drizzle renders a column of the
// only table in FROM unqualified, and inside a subquery "id" would bind to the inner table.
const outerId = sql.raw('"applications"."applications"."id"');

const worstWarning = sql<'yellow' | 'red' | null>`(
  select case max(case da.level when 'red' then 2 else 1 end) when 2 then 'red' when 1 then 'yellow' end
  from ${deadlineAlerts} da join ${items} wi on wi.id = da.item_id where wi.application_id = ${outerId})`;
const heldBy = sql<string[]>`array(
  select distinct hi.department from ${items} hi where hi.application_id = ${outerId} and hi.status = 'requested' order by 1)`;

function conditions(q: z.infer<typeof searchQuery>, today: string): SQL[] {
  const where: (SQL | undefined)[] = [
    q.bundle ? eq(applications.bundle, q.bundle) : undefined,
    q.status ? eq(applications.status, q.status) : undefined,
    q.region ? eq(applications.region, q.region) : undefined,
    q.from ? gte(applications.submittedAt, new Date(`${q.from}T00:00:00+08:00`)) : undefined,
    q.to
      ? lt(applications.submittedAt, new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000))
      : undefined,
    q.deadline === 'overdue'
      ? and(inArray(applications.status, [...OPEN]), lt(applications.dueDate, today))
      : undefined,
    q.deadline === 'due-today'
      ? and(inArray(applications.status, [...OPEN]), eq(applications.dueDate, today))
      : undefined,
    q.department
      ? sql`exists (select 1 from ${items} di where di.application_id = ${outerId} and di.department = ${q.department} and di.status = 'requested')`
      : undefined,
  ];
  if (q.cursor) {
    const { when, id } = parseCursor(q.cursor);
    where.push(
      or(
        lt(applications.submittedAt, when),
        and(eq(applications.submittedAt, when), lt(applications.id, id)),
      ),
    );
  }
  return where.filter((c): c is SQL => c !== undefined);
}

export type SearchQuery = z.infer<typeof searchQuery>;

/** The operators' search as one query: exported so its plan can be checked on a large table. */
export function searchApplications(db: Database, q: SearchQuery, today: string) {
  return db
    .select({
      id: applications.id,
      bundle: applications.bundle,
      status: applications.status,
      region: applications.region,
      submittedAt: applications.submittedAt,
      dueDate: applications.dueDate,
      children: applications.childrenMasked,
      warning: worstWarning,
      heldBy,
    })
    .from(applications)
    .where(and(...conditions(q, today)))
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(q.limit + 1);
}

export function operatorRoutes(app: OneGoApp, deps: OperatorRoutesDeps) {
  const { db } = deps;

  app.get(
    '/api/operator/applications',
    {
      onRequest: deps.authorise,
      schema: {
        tags: ['operators'],
        summary:
          'Search flows: by bundle, status, department holding them, deadline, region, dates (newest first)',
        security: [{ bearer: [] }],
        querystring: searchQuery,
        response: { 200: z.object({ applications: z.array(summary), next: z.string().nullable() }) },
      },
    },
    async (request) => {
      const own = regionOf(request);
      if (own && request.query.region && request.query.region !== own)
        return { applications: [], next: null };
      const q = own ? { ...request.query, region: own } : request.query;
      const rows = await searchApplications(db, q, chinaDate(deps.clock()));
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        applications: page.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
        next: rows.length > q.limit && last ? cursorOf(last) : null,
      };
    },
  );

  operatorTimelineRoute(app, deps);

  app.get(
    '/api/operator/figures',
    {
      onRequest: deps.authorise,
      schema: {
        tags: ['operators'],
        summary:
          '办结率, 按时办结率, and per department its backlog and decision times (the dashboard’s figures), for the operator’s region',
        security: [{ bearer: [] }],
        response: {
          200: z.object({
            accepted: z.int(),
            completed: z.int(),
            completedOnTime: z.int(),
            withdrawn: z.int(),
            completionRate: z.number(),
            onTimeRate: z.number(),
            departments: z.array(
              z.object({
                department: z.string(),
                backlog: z.int(),
                p50Seconds: z.number(),
                p95Seconds: z.number(),
                decided24h: z.int(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => platformFigures(db, regionOf(request)),
  );

  app.get(
    '/api/operator/applications/:id/record',
    {
      onRequest: deps.authorise,
      schema: {
        tags: ['operators'],
        summary: 'The full record with personal data (unmasked): needs a reason, and is audited',
        description:
          'Every opening writes an entry to the append-only audit log: who, which record, when and the reason given.',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        querystring: z.object({
          reason: z.string().trim().min(5, 'must say why (at least 5 characters)').max(500),
        }),
        response: {
          200: z.object({
            id: z.uuid(),
            status: z.string(),
            submittedAt: z.iso.datetime({ offset: true }),
            form: z.record(z.string(), z.unknown()),
            items: z.array(
              z.object({
                itemKey: z.string(),
                childIndex: z.int(),
                status: z.string(),
                outputs: z.record(z.string(), z.unknown()).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const operator = callerOf(request).id;
      return db.transaction(async (tx) => {
        const locked = await deps.store.lock(tx, request.params.id);
        if (!locked || !inRegion(request, locked.app.region)) throw new HttpError(404, 'no such application');
        await appendAudit(tx, {
          at: deps.clock(),
          actor: `operator:${operator}`,
          action: 'open-record',
          subject: `application:${locked.app.id}`,
          reason: request.query.reason,
        });
        return {
          id: locked.app.id,
          status: locked.app.status,
          submittedAt: locked.app.submittedAt.toISOString(),
          form: locked.app.form as unknown as Record<string, unknown>,
          items: locked.rows.map((r) => ({
            itemKey: r.itemKey,
            childIndex: r.childIndex,
            status: r.status,
            outputs: r.outputs,
          })),
        };
      });
    },
  );
}
