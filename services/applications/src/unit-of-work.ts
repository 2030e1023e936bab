import { anyOf, arrayLiteral, beforeCommit, insertRows, type Transaction } from '@onego/db';
import type { Vault } from '@onego/vault';
import { asc, sql } from 'drizzle-orm';
import { applications, items, timeline } from './db/schema.ts';
import {
  type ApplicationRow,
  formAad,
  type ItemRow,
  openApplication,
  openItem,
  sealOutputs,
} from './sealed.ts';
import { type Actor, type TimelineEntry, timelineRows } from './timeline.ts';

// The applications a transaction has locked, kept in memory with the changes made to them, and
// written back in one statement per table when the transaction ends: a batch of decisions about
// many applications costs a handful of statements, not a handful per decision. Reading an
// application twice in one transaction gives what the transaction made of it so far. In a
// transaction that cannot be tracked (see @onego/db's beforeCommit), changes are written at once.

interface Locked {
  app: ApplicationRow;
  rows: ItemRow[];
}

type TimelineRow = typeof timeline.$inferInsert;

export interface UnitOfWork {
  /** The application, locked (FOR UPDATE) and loaded with its items, from memory after the first time. */
  lock(applicationId: string): Promise<Locked | undefined>;
  /** Locks and loads several applications in two statements, in id order (no deadlock between batches). */
  lockAll(applicationIds: readonly string[]): Promise<void>;
  /** Marks what the caller changed on a locked application's objects, to be written back. */
  changed(applicationId: string, what: { items?: readonly string[]; status?: boolean; form?: boolean }): void;
  record(applicationId: string, actor: Actor, at: Date, entries: TimelineEntry[]): void;
  /** Writes what is pending now (the end of the transaction does it otherwise). */
  flush(): Promise<void>;
  /** True when writes wait for the end of the transaction, false when each is written at once. */
  readonly deferred: boolean;
}

/** A transaction's unit of work; keep one per transaction (see the store's `perTransaction`). */
export function createUnitOfWork(tx: Transaction, vault: Vault): UnitOfWork {
  const locked = new Map<string, Locked>();
  const dirtyItems = new Map<string, ItemRow>();
  const dirtyApps = new Map<string, ApplicationRow>();
  const formsChanged = new Set<string>();
  // Each item's outputs as loaded, with their sealed text: written back as they were unless replaced.
  const sealedOutputs = new Map<string, { outputs: ItemRow['outputs']; sealed: string | null }>();
  let entries: TimelineRow[] = [];

  async function load(ids: readonly string[]) {
    const wanted = [...new Set(ids)].filter((id) => !locked.has(id)).sort();
    if (wanted.length === 0) return;
    // Both go out at once: on the transaction's connection the items are read after the lock is held.
    const [apps, rows] = await Promise.all([
      tx
        .select()
        .from(applications)
        .where(anyOf(applications.id, wanted))
        .orderBy(asc(applications.id))
        .for('update'),
      tx.select().from(items).where(anyOf(items.applicationId, wanted)),
    ]);
    for (const app of apps) {
      locked.set(app.id, {
        app: openApplication(vault, app),
        rows: rows
          .filter((r) => r.applicationId === app.id)
          .map((r) => {
            const item = openItem(vault, r);
            sealedOutputs.set(r.id, { outputs: item.outputs, sealed: r.outputsSealed });
            return item;
          }),
      });
    }
  }

  async function writeItems() {
    if (dirtyItems.size === 0) return;
    const values = [...dirtyItems.values()].map((r) => ({
      id: r.id,
      status: r.status,
      attempt: r.attempt,
      materials: r.materials,
      requested_at: r.requestedAt,
      decided_at: r.decidedAt,
      completed_at: r.completedAt,
      cancelled_at: r.cancelledAt,
      outputs_sealed:
        sealedOutputs.get(r.id)?.outputs === r.outputs
          ? (sealedOutputs.get(r.id)?.sealed ?? null)
          : sealOutputs(vault, r.id, r.outputs),
      reason: r.reason,
      certificate_id: r.certificateId,
    }));
    dirtyItems.clear();
    await tx.execute(sql`
      update ${items} as i set status = v.status, attempt = v.attempt, materials = v.materials,
        requested_at = v.requested_at, decided_at = v.decided_at, completed_at = v.completed_at,
        cancelled_at = v.cancelled_at, outputs_sealed = v.outputs_sealed, reason = v.reason,
        certificate_id = v.certificate_id
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, status text,
        attempt integer, materials jsonb, requested_at timestamptz, decided_at timestamptz,
        completed_at timestamptz, cancelled_at timestamptz, outputs_sealed text, reason jsonb,
        certificate_id text)
      where i.id = v.id and i.id = any(${arrayLiteral(values.map((v) => v.id))}::uuid[])`);
  }

  async function writeApplications() {
    if (dirtyApps.size === 0) return;
    const values = [...dirtyApps.values()].map((a) => ({
      id: a.id,
      status: a.status,
      completed_at: a.completedAt,
      withdrawn_at: a.withdrawnAt,
      form_sealed: formsChanged.has(a.id) ? vault.sealJson(a.form, formAad(a.id)) : null,
    }));
    dirtyApps.clear();
    formsChanged.clear();
    await tx.execute(sql`
      update ${applications} as a set status = v.status, completed_at = v.completed_at,
        withdrawn_at = v.withdrawn_at, form_sealed = coalesce(v.form_sealed, a.form_sealed)
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, status text,
        completed_at timestamptz, withdrawn_at timestamptz, form_sealed text)
      where a.id = v.id and a.id = any(${arrayLiteral(values.map((v) => v.id))}::uuid[])`);
  }

  async function writeTimeline() {
    if (entries.length === 0) return;
    const rows = entries;
    entries = [];
    await insertRows(tx, timeline, rows);
  }

  /** The three writes go out together, pipelined on the transaction's connection. */
  async function flush() {
    await Promise.all([writeApplications(), writeItems(), writeTimeline()]);
  }

  const deferred = beforeCommit(tx, flush);
  return {
    deferred,
    flush,
    async lock(applicationId) {
      await load([applicationId]);
      return locked.get(applicationId);
    },
    lockAll: load,
    changed(applicationId, what) {
      const found = locked.get(applicationId);
      if (!found) throw new Error(`application ${applicationId} was changed without being locked`);
      if (what.status || what.form) dirtyApps.set(applicationId, found.app);
      if (what.form) formsChanged.add(applicationId);
      for (const itemId of what.items ?? []) {
        const row = found.rows.find((r) => r.id === itemId);
        if (!row) throw new Error(`item ${itemId} is not one of application ${applicationId}'s`);
        dirtyItems.set(itemId, row);
      }
    },
    record(applicationId, actor, at, added) {
      entries.push(...timelineRows(applicationId, actor, at, added));
    },
  };
}
