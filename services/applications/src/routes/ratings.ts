import { randomUUID } from 'node:crypto';
import type { Database } from '@onego/db';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { applications, followUps, ratings } from '../db/schema.ts';
import { addWorkingDays, chinaDate, type HolidayCalendar } from '../domain/working-days.ts';
import { record } from '../timeline.ts';
import { regionOf } from './operator-common.ts';

// 好差评: once the application is complete the applicant rates the service 1-5. A bad rating
// (1 or 2) opens a follow-up an operator must act on within one working day (差评必回访).

export interface RatingRoutesDeps {
  db: Database;
  authenticate: (request: FastifyRequest) => Promise<void>;
  authorise: (request: FastifyRequest) => Promise<void>;
  calendar: HolidayCalendar;
  clock: () => Date;
}

const BAD = 2;
const FOLLOW_UP_WORKING_DAYS = 1;
const errorBody = z.object({ error: z.string() });
const followUp = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  reason: z.string(),
  dueDate: z.iso.date(),
  openedAt: z.iso.datetime({ offset: true }),
  overdue: z.boolean(),
});

export function ratingRoutes(app: OneGoApp, deps: RatingRoutesDeps) {
  const { db, clock } = deps;

  app.post(
    '/api/applications/:id/rating',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['applications'],
        summary: 'Rate a completed application 1-5 (好差评); 1-2 opens a follow-up by an operator',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({
          score: z.int().min(1).max(5),
          comment: z.string().trim().max(500).optional(),
        }),
        response: {
          201: z.object({ score: z.int(), followUp: z.boolean() }),
          404: errorBody,
          409: errorBody,
        },
      },
    },
    async (request, reply) => {
      const { score, comment } = request.body;
      const owner = callerOf(request).id;
      const now = clock();
      const result = await db.transaction(async (tx) => {
        const [a] = await tx
          .select()
          .from(applications)
          .where(and(eq(applications.id, request.params.id), eq(applications.ownerId, owner)))
          .for('update');
        if (!a) throw new HttpError(404, 'no such application');
        if (a.status !== 'completed')
          throw new HttpError(409, 'an application can be rated once it is completed');
        const inserted = await tx
          .insert(ratings)
          .values({ applicationId: a.id, score, comment: comment ?? null, ratedAt: now })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0) throw new HttpError(409, 'this application has already been rated');
        const bad = score <= BAD;
        if (bad) {
          await tx.insert(followUps).values({
            id: randomUUID(),
            applicationId: a.id,
            reason: `rated ${score}/5`,
            dueDate: addWorkingDays(chinaDate(now), FOLLOW_UP_WORKING_DAYS, deps.calendar),
            openedAt: now,
          });
        }
        await record(tx, a.id, `citizen:${owner}`, now, [
          { kind: 'rating.given', details: { score, followUp: bad } },
        ]);
        return { score, followUp: bad };
      });
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/operator/follow-ups',
    {
      onRequest: deps.authorise,
      schema: {
        tags: ['operators'],
        summary: 'Open follow-ups of bad ratings, oldest due first',
        security: [{ bearer: [] }],
        response: { 200: z.object({ followUps: z.array(followUp) }) },
      },
    },
    async (request) => {
      const today = chinaDate(clock());
      const own = regionOf(request);
      const rows = (
        await db
          .select({ followUp: followUps })
          .from(followUps)
          .innerJoin(applications, eq(applications.id, followUps.applicationId))
          .where(and(isNull(followUps.closedAt), own ? eq(applications.region, own) : undefined))
          .orderBy(asc(followUps.dueDate))
          .limit(200)
      ).map((r) => r.followUp);
      return {
        followUps: rows.map((f) => ({
          ...f,
          openedAt: f.openedAt.toISOString(),
          overdue: today > f.dueDate,
        })),
      };
    },
  );

  app.post(
    '/api/operator/follow-ups/:id/close',
    {
      onRequest: deps.authorise,
      schema: {
        tags: ['operators'],
        summary: 'Close a follow-up with what was done',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({ resolution: z.string().trim().min(1).max(1000) }),
        response: { 200: z.object({ closed: z.boolean() }), 404: errorBody },
      },
    },
    async (request) => {
      const operator = callerOf(request).id;
      const now = clock();
      const own = regionOf(request);
      return db.transaction(async (tx) => {
        // An operator with a region closes that region's follow-ups only (another's is a 404).
        const ofRegion = own
          ? inArray(
              followUps.applicationId,
              tx.select({ id: applications.id }).from(applications).where(eq(applications.region, own)),
            )
          : undefined;
        const [closed] = await tx
          .update(followUps)
          .set({ closedAt: now, closedBy: operator, resolution: request.body.resolution })
          .where(and(eq(followUps.id, request.params.id), isNull(followUps.closedAt), ofRegion))
          .returning();
        if (!closed) throw new HttpError(404, 'no open follow-up with this id');
        await record(tx, closed.applicationId, `operator:${operator}`, now, [{ kind: 'follow-up.closed' }]);
        return { closed: true };
      });
    },
  );
}
