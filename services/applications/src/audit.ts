import { createHash } from 'node:crypto';
import type { Database, Transaction } from '@onego/db';
import { asc, desc, sql } from 'drizzle-orm';
import { auditLog } from './db/schema.ts';

// The audit trail of access to personal data: who, what, when, why. Entries are chained by hash
// (each covers the one before), written under a lock so the chain has no forks, and the table
// refuses updates and deletes (migration 0007).

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  subject: string;
  reason: string;
}

const GENESIS = '0'.repeat(64);
const hashOf = (previousHash: string, e: AuditEntry) =>
  createHash('sha256')
    .update(JSON.stringify([previousHash, e.at.toISOString(), e.actor, e.action, e.subject, e.reason]))
    .digest('hex');

export async function appendAudit(tx: Transaction, entry: AuditEntry) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('onego.applications.audit-log'))`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const previousHash = last?.hash ?? GENESIS;
  await tx.insert(auditLog).values({ ...entry, previousHash, hash: hashOf(previousHash, entry) });
}

/** Walks the chain: the id of the first entry that does not follow from the one before, or null. */
export async function brokenAuditEntry(db: Database): Promise<number | null> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  let previous = GENESIS;
  for (const row of rows) {
    if (row.previousHash !== previous || row.hash !== hashOf(previous, row)) return row.id;
    previous = row.hash;
  }
  return null;
}
