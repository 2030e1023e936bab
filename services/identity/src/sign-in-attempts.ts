import { randomUUID } from 'node:crypto';
import type { Database } from '@onego/db';
import { HttpError } from '@onego/http';
import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { loginAttempts } from './db/schema.ts';
import { type LockoutPolicy, lockoutOf, lockoutWindowStart } from './domain/lockout.ts';

// Per-account throttling, shared by every replica through Postgres. The attempt is recorded
// before the password is checked, so that twenty simultaneous guesses cannot all slip in before
// the first failure is written: each sees the attempts committed before it. A refused attempt
// is not counted (hammering a locked account does not keep it locked); a success clears the
// account's attempts.

export function createSignInAttempts(db: Database, policy: LockoutPolicy, clock: () => Date) {
  return {
    /**
     * Runs `check` (the password verification) as an attempt on `account`; throws 429 with
     * Retry-After when the account is locked, whatever the password.
     */
    async attempt(account: string, reply: FastifyReply, check: () => Promise<boolean>): Promise<boolean> {
      const now = clock();
      const since = lockoutWindowStart(now, policy);
      const id = randomUUID();
      await db.delete(loginAttempts).where(lte(loginAttempts.attemptedAt, since));
      await db.insert(loginAttempts).values({ id, account, attemptedAt: now });
      const earlier = await db
        .select({ at: loginAttempts.attemptedAt })
        .from(loginAttempts)
        .where(
          and(
            eq(loginAttempts.account, account),
            gt(loginAttempts.attemptedAt, since),
            ne(loginAttempts.id, id),
          ),
        );
      const lockout = lockoutOf(
        earlier.map((r) => r.at),
        now,
        policy,
      );
      if (lockout.locked) {
        await db.delete(loginAttempts).where(eq(loginAttempts.id, id));
        reply.header('retry-after', String(lockout.retryAfterSeconds));
        throw new HttpError(
          429,
          `too many failed sign-ins for this account; retry in ${lockout.retryAfterSeconds} s`,
        );
      }
      const ok = await check();
      if (ok) await db.delete(loginAttempts).where(eq(loginAttempts.account, account));
      return ok;
    },
  };
}

export type SignInAttempts = ReturnType<typeof createSignInAttempts>;
