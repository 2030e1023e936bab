import { createHash } from 'node:crypto';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SessionStore } from '../sessions.ts';
import { bearer, errorBody, pollsPerClient } from './fields.ts';

// Revoking sessions, and telling every verifier. The list of revoked sessions whose tokens could
// still be accepted is public (random ids, nothing personal), small (one token lifetime of
// revocations) and cheap to poll: an ETag answers an unchanged list with 304.

const session = z.object({
  id: z.uuid(),
  subject: z.string(),
  subjectType: z.enum(['citizen', 'staff', 'client']),
  scope: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: z.string().nullable(),
  revocationReason: z.string().nullable(),
});

type Row = NonNullable<Awaited<ReturnType<SessionStore['revoke']>>>;
const viewOf = (row: Row): z.infer<typeof session> => ({
  id: row.id,
  subject: row.subject,
  subjectType: row.subjectType,
  scope: row.scope,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  revokedBy: row.revokedBy,
  revocationReason: row.revocationReason,
});

export interface RevocationRoutesDeps {
  sessions: SessionStore;
  /** Operators only. */
  authorise: (request: FastifyRequest) => Promise<void>;
}

export function revocationRoutes(app: OneGoApp, deps: RevocationRoutesDeps) {
  app.get(
    '/api/identity/sessions/revoked',
    {
      config: { rateLimit: pollsPerClient },
      schema: {
        tags: ['sessions'],
        summary: 'Revoked sessions whose access tokens have not expired: every verifier refuses these `sid`s',
        description:
          'Polled by each service’s token verifier (@onego/http createTokenVerifier, every 5 s by default). Send If-None-Match to get 304 when unchanged.',
        response: {
          200: z.object({ sessions: z.array(z.uuid()) }),
          304: z.null().describe('Unchanged since the ETag given'),
        },
      },
    },
    async (request, reply) => {
      const ids = await deps.sessions.revokedIds();
      const etag = `"${createHash('sha256').update(ids.join(',')).digest('base64url').slice(0, 22)}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      return { sessions: ids };
    },
  );

  app.get(
    '/api/identity/sessions',
    {
      onRequest: deps.authorise,
      schema: {
        tags: ['sessions'],
        summary: 'An account’s sessions that have not expired, newest first (operators)',
        security: bearer,
        querystring: z.strictObject({ subject: z.string().min(1).max(64) }),
        response: { 200: z.object({ sessions: z.array(session) }), 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({ sessions: (await deps.sessions.ofSubject(request.query.subject)).map(viewOf) }),
  );

  app.post(
    '/api/identity/sessions/:sessionId/revoke',
    {
      onRequest: deps.authorise,
      schema: {
        tags: ['sessions'],
        summary: 'Revoke a session: its access token is refused everywhere (operators)',
        description:
          'Identity refuses it at once; other services within their polling interval. Revoking twice keeps the first revocation.',
        security: bearer,
        params: z.strictObject({ sessionId: z.uuid() }),
        body: z.strictObject({
          reason: z.string().trim().min(1, 'must not be empty').max(200, 'is too long'),
        }),
        response: { 200: session, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const revoked = await deps.sessions.revoke(
        request.params.sessionId,
        callerOf(request).id,
        request.body.reason,
      );
      if (!revoked) throw new HttpError(404, 'no such session');
      return viewOf(revoked);
    },
  );
}
