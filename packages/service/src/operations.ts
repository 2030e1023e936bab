import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { type DeadLetterDeps, listDeadLetters, replayDeadLetter } from '@onego/messaging';
import { serveMetrics } from '@onego/telemetry';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

// What every service offers operators and monitoring: a Prometheus scrape of its metrics on
// its own port, and its dead letters (list, and replay after a fix, audited), published through
// the gateway under /api/operator/dead-letters/<service>.

const deadLetter = z.object({
  id: z.int(),
  consumer: z.string(),
  subject: z.string(),
  type: z.string().nullable(),
  messageId: z.string().nullable(),
  reason: z.string(),
  error: z.string(),
  deliveries: z.int(),
  createdAt: z.iso.datetime({ offset: true }),
  replayedAt: z.iso.datetime({ offset: true }).nullable(),
  replayedBy: z.string().nullable(),
  replayReason: z.string().nullable(),
  replays: z.int(),
});

type Row = Awaited<ReturnType<typeof listDeadLetters>>[number];
const viewOf = (r: Row) => ({
  id: r.id,
  consumer: r.consumer,
  subject: r.subject,
  type: r.type,
  messageId: r.messageId,
  reason: r.reason,
  error: r.error,
  deliveries: r.deliveries,
  createdAt: r.createdAt.toISOString(),
  replayedAt: r.replayedAt?.toISOString() ?? null,
  replayedBy: r.replayedBy,
  replayReason: r.replayReason,
  replays: r.replays,
});

export function metricsRoute(app: OneGoApp) {
  app.get('/metrics', { schema: { hide: true } }, (request, reply) => {
    reply.hijack();
    serveMetrics(request.raw, reply.raw);
  });
}

export function deadLetterRoutes(
  app: OneGoApp,
  service: string,
  deps: DeadLetterDeps,
  authorise: (request: FastifyRequest) => Promise<void>,
) {
  const base = `/api/operator/dead-letters/${service}`;
  app.get(
    base,
    {
      onRequest: authorise,
      schema: {
        tags: ['operators'],
        summary: `Messages the ${service} service set aside, newest first, with the reason`,
        security: [{ bearer: [] }],
        querystring: z.object({
          pending: z.enum(['true', 'false']).optional().describe('only those not replayed yet'),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ deadLetters: z.array(deadLetter) }) },
      },
    },
    async (request) => {
      const { pending, before, limit } = request.query;
      const rows = await listDeadLetters(deps, {
        pending: pending === 'true',
        ...(before && { before }),
        limit,
      });
      return { deadLetters: rows.map(viewOf) };
    },
  );

  app.post(
    `${base}/:id/replay`,
    {
      onRequest: authorise,
      schema: {
        tags: ['operators'],
        summary: `Replay one of the ${service} service’s dead letters after a fix (audited)`,
        security: [{ bearer: [] }],
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.strictObject({ reason: z.string().trim().min(3).max(500) }),
        response: { 200: deadLetter, 404: z.object({ error: z.string() }) },
      },
    },
    async (request) => {
      const by = `operator:${callerOf(request).id}`;
      const replayed = await replayDeadLetter(deps, request.params.id, {
        by,
        reason: request.body.reason,
        at: new Date(),
      });
      if (!replayed) throw new HttpError(404, 'no such dead letter');
      request.log.info({ deadLetter: replayed.id, by, reason: request.body.reason }, 'dead letter replayed');
      return viewOf(replayed);
    },
  );
}
