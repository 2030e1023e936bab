import { randomUUID } from 'node:crypto';
import type { Database } from '@onego/db';
import { and, asc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { sessions } from './db/schema.ts';
import type { SubjectType } from './domain/accounts.ts';
import { revokedSessionsListedSince } from './domain/sessions.ts';

// Sessions in Postgres, shared by every replica. Identity checks its own routes' tokens against
// this table directly (a primary-key lookup, so its own revocations apply at once); every other
// service learns them from the published list (GET /api/identity/sessions/revoked).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionOpening {
  subject: string;
  subjectType: SubjectType;
  scope: string;
  expiresAt: Date;
}

export function createSessionStore(db: Database, clock: () => Date) {
  return {
    async open(session: SessionOpening): Promise<string> {
      const id = randomUUID();
      await db.insert(sessions).values({ id, ...session, createdAt: clock() });
      return id;
    },

    async isRevoked(id: string): Promise<boolean> {
      if (!UUID.test(id)) return true;
      const [row] = await db
        .select({ revokedAt: sessions.revokedAt })
        .from(sessions)
        .where(eq(sessions.id, id));
      // A sid identity never issued is as good as revoked.
      return !row || row.revokedAt !== null;
    },

    /** Revokes a session once (the first revocation, its author and reason, are kept). */
    async revoke(id: string, by: string, reason: string) {
      await db
        .update(sessions)
        .set({ revokedAt: clock(), revokedBy: by, revocationReason: reason })
        .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return row;
    },

    /** Revoked sessions whose tokens could still be accepted somewhere, oldest expiry first. */
    async revokedIds(): Promise<string[]> {
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(
          and(isNotNull(sessions.revokedAt), gt(sessions.expiresAt, revokedSessionsListedSince(clock()))),
        )
        .orderBy(asc(sessions.expiresAt), asc(sessions.id));
      return rows.map((r) => r.id);
    },

    /** One account's sessions that have not expired, newest first. */
    async ofSubject(subject: string) {
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.subject, subject), gt(sessions.expiresAt, clock())));
      return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
