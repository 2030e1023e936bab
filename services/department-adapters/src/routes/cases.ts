import { DEPARTMENTS, ITEM_KEYS } from '@onego/contracts';
import type { Database } from '@onego/db';
import { callerOf, departmentScope, HttpError, hasScope, type OneGoApp } from '@onego/http';
import { and, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { exchanges } from '../db/schema.ts';

// A department system's worklist: the cases OneGo sent it, open or decided, by its own case
// reference. Only that department's systems may read it (OAuth client credentials with the
// `department:<department>` scope); another department's token gets 403, and the list holds
// references and states only, never an applicant's data.

const errorBody = z.object({ error: z.string() });
const caseView = z.object({
  caseRef: z.string(),
  itemKey: z.enum(ITEM_KEYS),
  attempt: z.int(),
  transport: z.enum(['nats', 'http']),
  requestedAt: z.iso.datetime({ offset: true }),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  outcome: z.string().nullable(),
  cancelledAt: z.iso.datetime({ offset: true }).nullable(),
});

type Row = typeof exchanges.$inferSelect;
const viewOf = (r: Row) => ({
  caseRef: r.caseRef,
  itemKey: r.itemKey,
  attempt: r.attempt,
  transport: r.transport,
  requestedAt: r.requestedAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
  outcome: r.outcome,
  cancelledAt: r.cancelledAt?.toISOString() ?? null,
});

export function caseRoutes(
  app: OneGoApp,
  deps: { db: Database; authenticate: (request: FastifyRequest) => Promise<void> },
) {
  const { db } = deps;
  const ownDepartment = async (request: FastifyRequest) => {
    await deps.authenticate(request);
    const { department } = request.params as { department: string };
    if (!hasScope(callerOf(request), departmentScope(department))) {
      throw new HttpError(403, `only the ${department} department’s systems may read its cases`);
    }
  };
  const params = z.object({ department: z.enum(DEPARTMENTS) });

  app.get(
    '/api/departments/:department/cases',
    {
      onRequest: ownDepartment,
      schema: {
        tags: ['departments'],
        summary: 'The department’s cases: open (waiting for its decision) or decided, newest first',
        security: [{ bearer: [] }],
        params,
        querystring: z.object({
          status: z.enum(['open', 'decided']).default('open'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: z.object({ cases: z.array(caseView) }), 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const { status, limit, before } = request.query;
      const rows = await db
        .select()
        .from(exchanges)
        .where(
          and(
            eq(exchanges.department, request.params.department),
            status === 'open'
              ? and(isNull(exchanges.decidedAt), isNull(exchanges.cancelledAt))
              : isNotNull(exchanges.decidedAt),
            before ? lt(exchanges.requestedAt, new Date(before)) : undefined,
          ),
        )
        .orderBy(desc(exchanges.requestedAt))
        .limit(limit);
      return { cases: rows.map(viewOf) };
    },
  );

  app.get(
    '/api/departments/:department/cases/:caseRef',
    {
      onRequest: ownDepartment,
      schema: {
        tags: ['departments'],
        summary: 'One of the department’s cases, by its case reference',
        security: [{ bearer: [] }],
        params: params.extend({
          caseRef: z.string().regex(/^[A-Z]{2}[0-9A-F]{32}(-\d+)?$/, 'is not a case reference'),
        }),
        response: { 200: caseView, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const [row] = await db
        .select()
        .from(exchanges)
        .where(
          and(
            eq(exchanges.department, request.params.department),
            eq(exchanges.caseRef, request.params.caseRef),
          ),
        );
      if (!row) throw new HttpError(404, 'no such case');
      return viewOf(row);
    },
  );
}
