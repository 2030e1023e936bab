import { createNewbornSubmissionSchema } from '@onego/contracts';
import { type Database, readSnapshot } from '@onego/db';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CallerDocuments } from '../caller-documents.ts';
import type { ConsentStore } from '../consents.ts';
import { applications, items } from '../db/schema.ts';
import { type Intake, idempotencyHeaders } from '../intake.ts';
import type { ApplicationStore } from '../store.ts';
import { applicationSummary, applicationView, summaryOf, type ViewContext, viewOf } from './views.ts';

export interface ApplicationRoutesDeps {
  db: Database;
  store: ApplicationStore;
  intake: Intake;
  consents: ConsentStore;
  documents: CallerDocuments;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** A citizen's token only: 401 without a valid token, 403 for staff and department systems. */
  citizensOnly: (request: FastifyRequest) => Promise<void>;
  clock: () => Date;
  context: () => ViewContext;
}

const issuesSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const accepted = z.object({ id: z.uuid(), status: z.string() });
/** How the caller is related to an application: its applicant, or the other parent it is shared with. */
const relation = z.enum(['applicant', 'other-parent']);

export function applicationRoutes(app: OneGoApp, deps: ApplicationRoutesDeps) {
  const { db, store, clock } = deps;
  const submissionSchema = createNewbornSubmissionSchema(clock);

  /** The caller's relation to an application, or null when it is none of theirs (nor shared with them). */
  async function relationTo(request: FastifyRequest, row: { id: string; ownerId: string } | undefined) {
    if (row && row.ownerId === callerOf(request).id) return 'applicant' as const;
    // Asked even when there is no such application, so a stranger cannot tell the two apart.
    const hash = await deps.documents.hashOf(request);
    if (row && hash && (await deps.consents.isSharedWith(db, row.id, hash))) return 'other-parent' as const;
    return null;
  }

  app.post(
    '/api/applications',
    {
      // Citizens only: an application submitted with a staff token would belong to the staff
      // account, with no consent of the parents recorded (the access matrix found clerks and
      // operators getting 202). A clerk at a window applies with POST /api/clerk/applications.
      onRequest: deps.citizensOnly,
      schema: {
        tags: ['applications'],
        summary: 'Submit one form for a bundle; the departments’ items start at once',
        description:
          'Called by a signed-in citizen, for themselves: citizens only (403 for clerks, operators and department systems; a clerk at a window uses POST /api/clerk/applications). Validated field by field (400 names each field and reason). With an Idempotency-Key header, the same key returns the same application.',
        security: [{ bearer: [] }],
        headers: idempotencyHeaders,
        body: submissionSchema,
        response: {
          202: accepted,
          400: issuesSchema,
          401: issuesSchema,
          403: issuesSchema,
          409: issuesSchema,
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { row } = await deps.intake.submit(
        caller.id,
        request.body,
        request.headers['idempotency-key'] ?? null,
      );
      return reply
        .code(202)
        .header('location', `/api/applications/${row.id}`)
        .send({ id: row.id, status: row.status });
    },
  );

  app.get(
    '/api/applications',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['applications'],
        summary: 'The caller’s applications, newest first',
        description:
          'A citizen’s own applications, and those the other parent on the form shared with them (each says which: `relation`). Keyset paginated: pass `next` as `before`.',
        security: [{ bearer: [] }],
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          before: z.iso.datetime({ offset: true }).optional(),
        }),
        response: {
          200: z.object({
            applications: z.array(applicationSummary.extend({ relation })),
            next: z.string().nullable(),
          }),
          503: issuesSchema,
        },
      },
    },
    async (request) => {
      const { limit, before } = request.query;
      const me = callerOf(request).id;
      const hash = await deps.documents.hashOf(request);
      const owned = eq(applications.ownerId, me);
      const visible = hash ? or(owned, inArray(applications.id, deps.consents.sharedWith(db, hash))) : owned;
      const rows = await db
        .select()
        .from(applications)
        .where(before ? and(visible, lt(applications.submittedAt, new Date(before))) : visible)
        .orderBy(desc(applications.submittedAt))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const next = rows.length > limit ? (page.at(-1)?.submittedAt.toISOString() ?? null) : null;
      return {
        applications: page.map((r) => ({
          ...summaryOf(store.openApplication(r)),
          relation: r.ownerId === me ? ('applicant' as const) : ('other-parent' as const),
        })),
        next,
      };
    },
  );

  app.get(
    '/api/applications/:id',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['applications'],
        summary: 'One application with every item’s state',
        description:
          'Its applicant, or the other parent on the form while the applicant’s consent stands (read only). Anyone else gets 404, as for an application that does not exist.',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        response: { 200: applicationView.extend({ relation }), 404: issuesSchema, 503: issuesSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      // The application and its items from one snapshot: its status agrees with theirs.
      const [[row], rows] = await readSnapshot(db, (tx) =>
        Promise.all([
          tx.select().from(applications).where(eq(applications.id, id)),
          tx.select().from(items).where(eq(items.applicationId, id)),
        ]),
      );
      const related = await relationTo(request, row);
      // Another citizen's application is indistinguishable from one that does not exist.
      if (!row || !related) throw new HttpError(404, 'no such application');
      return {
        ...viewOf(store.openApplication(row), rows.map(store.openItem), deps.context()),
        relation: related,
      };
    },
  );
}
