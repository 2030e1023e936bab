import type { Database } from '@onego/db';
import { HttpError, type OneGoApp } from '@onego/http';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { staff } from '../db/schema.ts';
import { spendPasswordWork, verifyPassword } from '../domain/password.ts';
import type { SignInAttempts } from '../sign-in-attempts.ts';
import type { IssueAccessToken } from '../tokens.ts';
import { attemptsPerClient, givenPassword } from './fields.ts';
import { signInResponses } from './sessions.ts';

export interface StaffRoutesDeps {
  db: Database;
  issueAccessToken: IssueAccessToken;
  attempts: SignInAttempts;
}

const WRONG = 'username or password is wrong';

export function staffRoutes(app: OneGoApp, deps: StaffRoutesDeps) {
  app.post(
    '/api/identity/staff/login',
    {
      config: { rateLimit: attemptsPerClient },
      schema: {
        tags: ['sessions'],
        summary:
          'Sign a clerk or operator in: a bearer access token with their role as scope and their region',
        description:
          'Staff accounts are made by the admin tool (or the development seed). Same protections as citizen sign-in: one 401 for every wrong combination, limits per address and per account.',
        body: z.strictObject({ username: z.string().min(1).max(64), password: givenPassword }),
        response: signInResponses,
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const [row] = await deps.db.select().from(staff).where(eq(staff.username, username.toLowerCase()));
      if (!row) {
        await spendPasswordWork(password);
        throw new HttpError(401, WRONG);
      }
      const ok = await deps.attempts.attempt(`staff:${row.id}`, reply, () =>
        verifyPassword(password, row.passwordHash),
      );
      if (!ok) throw new HttpError(401, WRONG);
      return deps.issueAccessToken({ id: row.id, type: 'staff', scopes: [row.role], region: row.region });
    },
  );
}
