import { DEPARTMENTS } from '@onego/contracts';
import type { Database } from '@onego/db';
import type { OneGoApp } from '@onego/http';
import type { Vault } from '@onego/vault';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { receivedRequests } from '../db/schema.ts';
import { type Behaviours, behaviourSchema } from '../domain/behaviour.ts';
import { receivedAad } from '../records.ts';

// The control API of the simulated department systems, for tests and the demo. It is served on
// the simulators' own port only: the gateway does not route to it.

const params = z.object({ department: z.enum(DEPARTMENTS) });
const received = z.object({
  caseRef: z.string(),
  /** The NATS subject, or the HTTP method and path. */
  subject: z.string(),
  transport: z.enum(['nats', 'http']),
  kind: z.enum(['request', 'cancellation']),
  receivedAt: z.iso.datetime({ offset: true }),
  /** Exactly as it arrived: the CloudEvent's JSON text (NATS), or the request body (HTTP). */
  payload: z.string(),
});

export function simulatorRoutes(app: OneGoApp, deps: { db: Database; behaviours: Behaviours; vault: Vault }) {
  const { db, behaviours, vault } = deps;

  app.get(
    '/simulators/:department/behaviour',
    {
      schema: {
        tags: ['simulators'],
        summary: 'How a simulated department system currently answers',
        params,
        response: { 200: behaviourSchema },
      },
    },
    async (request) => behaviours.get(request.params.department),
  );

  app.put(
    '/simulators/:department/behaviour',
    {
      schema: {
        tags: ['simulators'],
        summary:
          'Make a simulated department approve, reject, ask for materials, fail (be down) or answer malformed, after a delay',
        params,
        body: behaviourSchema,
        response: { 200: behaviourSchema },
      },
    },
    async (request) => behaviours.set(request.params.department, request.body),
  );

  app.get(
    '/simulators/:department/received',
    {
      schema: {
        tags: ['simulators'],
        summary:
          'The requests and cancellations a simulated department received, NATS and HTTP (latest first, at most 100)',
        params,
        querystring: z.object({ caseRef: z.string().min(1).max(64).optional() }),
        response: { 200: z.object({ requests: z.array(received) }) },
      },
    },
    async (request) => {
      const { department } = request.params;
      const { caseRef } = request.query;
      const rows = await db
        .select()
        .from(receivedRequests)
        .where(
          and(
            eq(receivedRequests.department, department),
            caseRef === undefined ? undefined : eq(receivedRequests.caseRef, caseRef),
          ),
        )
        .orderBy(desc(receivedRequests.id))
        .limit(100);
      return {
        requests: rows.map((r) => ({
          caseRef: r.caseRef,
          subject: r.subject,
          transport: r.transport,
          kind: r.kind,
          receivedAt: r.receivedAt.toISOString(),
          payload: vault.open(r.payloadSealed, receivedAad(r)),
        })),
      };
    },
  );
}
