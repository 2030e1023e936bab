import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CitizenStore } from '../citizens.ts';
import { CITIZEN_SCOPE } from '../domain/accounts.ts';
import { spendPasswordWork, verifyPassword } from '../domain/password.ts';
import type { SessionStore } from '../sessions.ts';
import type { SignInAttempts } from '../sign-in-attempts.ts';
import type { IssueAccessToken } from '../tokens.ts';
import {
  attemptsPerClient,
  bearer,
  checkIdDocument,
  errorBody,
  givenPassword,
  idDocument,
} from './fields.ts';

export interface SessionRoutesDeps {
  citizens: CitizenStore;
  issueAccessToken: IssueAccessToken;
  attempts: SignInAttempts;
  sessions: SessionStore;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const WRONG = 'ID number or password is wrong';

export const signedIn = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.int(),
  scope: z.string(),
});

export const signInResponses = {
  200: signedIn,
  400: errorBody,
  401: errorBody,
  429: errorBody,
  503: errorBody,
};

export function sessionRoutes(app: OneGoApp, deps: SessionRoutesDeps) {
  app.post(
    '/api/identity/login',
    {
      config: { rateLimit: attemptsPerClient },
      schema: {
        tags: ['sessions'],
        summary:
          'Exchange a citizen’s identity document and password for a bearer access token (scope citizen)',
        description:
          'Anyone may call it. The document as registered: idType (a mainland resident ID when absent) and idNumber. An unknown document and a wrong password get the same 401, after the same hashing work. Limited per client address, and per account: after 5 failures in 15 minutes the account is refused (429, Retry-After) from any address. 503 when the account’s stored data cannot be read (operators are alerted).',
        body: z.strictObject({ ...idDocument, password: givenPassword }).superRefine(...checkIdDocument),
        response: signInResponses,
      },
    },
    async (request, reply) => {
      const { password, ...document } = request.body;
      const row = await deps.citizens.byDocument(document);
      if (!row) {
        await spendPasswordWork(password);
        throw new HttpError(401, WRONG);
      }
      const ok = await deps.attempts.attempt(`citizen:${row.id}`, reply, () =>
        verifyPassword(password, row.passwordHash),
      );
      if (!ok) throw new HttpError(401, WRONG);
      // An account whose sealed values are not its own (moved or altered) signs nobody in.
      row.open();
      return deps.issueAccessToken({ id: row.id, type: 'citizen', scopes: [CITIZEN_SCOPE] });
    },
  );

  app.post(
    '/api/identity/logout',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['sessions'],
        summary: 'End the caller’s session: its access token is refused everywhere from now on',
        description:
          'Identity refuses the token at once; other services within their revocation polling interval (5 s by default).',
        security: bearer,
        body: z.strictObject({}).nullish(),
        response: { 204: z.null(), 401: errorBody },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (caller.sessionId) await deps.sessions.revoke(caller.sessionId, caller.id, 'signed out');
      return reply.code(204).send(null);
    },
  );
}
