import type { Department } from '@onego/contracts';
import type { Database, Transaction } from '@onego/db';
import { deadLetterAad } from '@onego/messaging';
import type { Vault } from '@onego/vault';
import { and, eq, sql } from 'drizzle-orm';
import { deadLetters, dispatches } from '../db/schema.ts';

// The dispatch table's own operations: claiming due calls for departments, and loading the
// one being settled, which only its claimant may do.

export type Dispatch = typeof dispatches.$inferSelect;

/**
 * Claims due calls, up to a number of each department's (its room: what its window of calls in
 * flight has left), oldest due first. Claiming leases a row: its `due_at` moves past the call's
 * longest possible duration, so no other worker takes it meanwhile, and a worker that dies
 * mid-call leaves it due again when the lease runs out. One statement, with no transaction
 * around it: each department's due rows are read from its end of the due index and locked
 * (skipping those another worker holds) by the update's own subquery, and leased as they are read.
 */
export async function claimDue(
  db: Database,
  rooms: Partial<Record<Department, number>>,
  options: { now: Date; leaseMs: number },
): Promise<Dispatch[]> {
  const wanted = Object.entries(rooms).filter(([, room]) => (room ?? 0) > 0);
  if (wanted.length === 0) return [];
  const departments = sql.join(
    wanted.map(([department, room]) => sql`(${department}::text, ${room}::int)`),
    sql`, `,
  );
  const due = sql`
    select due.id from (values ${departments}) as wanted (department, room)
    cross join lateral (
      select ${dispatches.id} as id from ${dispatches}
      where ${dispatches.department} = wanted.department
        and ${dispatches.status} = 'pending'
        and ${dispatches.dueAt} <= ${options.now.toISOString()}::timestamptz
      order by ${dispatches.dueAt}
      limit wanted.room
      for update skip locked
    ) due`;
  return db
    .update(dispatches)
    .set({
      dueAt: new Date(options.now.getTime() + options.leaseMs),
      claim: sql`gen_random_uuid()`,
      calls: sql`${dispatches.calls} + 1`,
    })
    .where(sql`${dispatches.id} in (${due})`)
    .returning();
}

/** The claimed row, locked, if it is still pending under this claim (not withdrawn, not re-claimed). */
export async function reclaim(tx: Transaction, row: Dispatch): Promise<Dispatch | undefined> {
  if (!row.claim) return undefined;
  const [current] = await tx
    .select()
    .from(dispatches)
    .where(and(eq(dispatches.id, row.id), eq(dispatches.claim, row.claim), eq(dispatches.status, 'pending')))
    .for('update');
  return current;
}

/** An answer no one can use: kept with the department's exact words for an operator. */
export async function setAside(
  tx: Transaction,
  vault: Vault,
  row: Dispatch,
  detail: { type: string; error: string; subject: string; payload: string; now: Date },
) {
  const place = { consumer: `adapter-${row.department}-http`, stream: 'http', streamSeq: row.id };
  await tx
    .insert(deadLetters)
    .values({
      ...place,
      subject: detail.subject,
      messageId: row.idempotencyKey,
      type: detail.type,
      deliveries: row.calls,
      reason: 'poison',
      error: detail.error.slice(0, 2000),
      // The department's exact words may hold personal data: sealed like every dead letter.
      payload: vault.seal(detail.payload, deadLetterAad(place)),
      headers: {},
    })
    .onConflictDoNothing();
  await tx
    .update(dispatches)
    .set({ status: 'failed', completedAt: detail.now, lastError: detail.error.slice(0, 500) })
    .where(eq(dispatches.id, row.id));
}
