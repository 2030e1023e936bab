import { randomUUID } from 'node:crypto';
import { maskName } from '@onego/codes';
import {
  applicationSubmitted,
  ITEM_DEPARTMENT,
  type ItemKey,
  type NewbornSubmission,
} from '@onego/contracts';
import { insertAtCommit, perTransaction, type Transaction } from '@onego/db';
import type { Bundle } from './catalogue/types.ts';
import { applications, items } from './db/schema.ts';
import type { ItemState, ItemStatus, MaterialNeed, Transition } from './domain/orchestration.ts';
import { planIntake } from './domain/orchestration.ts';
import { type EffectDeps, runEffects } from './effects.ts';
import { type ApplicationRow, formAad, type ItemRow, openApplication, openItem } from './sealed.ts';
import { type Actor, currentTraceId, entriesOf, type TimelineEntry } from './timeline.ts';
import { createUnitOfWork } from './unit-of-work.ts';

// Persistence of applications and their items, with the events their changes cause, all inside
// the caller's transaction.

export type { ApplicationRow } from './sealed.ts';

/** Who may submit an application: its citizen, or a service-centre clerk on their behalf. */
export type IntakeActor = `citizen:${string}` | `clerk:${string}`;

const toState = (row: ItemRow): ItemState => ({
  id: row.id,
  childIndex: row.childIndex,
  itemKey: row.itemKey,
  status: row.status,
  dependsOn: row.dependsOn,
  certificateType: row.certificateType,
  outputs: row.outputs,
  attempt: row.attempt,
  materials: row.materials,
});

const timestampsFor = (status: ItemStatus, now: Date) => {
  switch (status) {
    case 'requested':
      return { requestedAt: now, decidedAt: null };
    case 'approved':
    case 'rejected':
      return { decidedAt: now };
    case 'completed':
      return { completedAt: now };
    case 'cancelled':
      return { cancelledAt: now };
    default:
      return {};
  }
};

export function createApplicationStore(deps: EffectDeps) {
  const unitOf = perTransaction((tx) => createUnitOfWork(tx, deps.vault));

  /** The application as this transaction has it, locked; throws if it does not exist. */
  async function locked(tx: Transaction, applicationId: string) {
    const found = await unitOf(tx).lock(applicationId);
    if (!found) throw new Error(`no application ${applicationId}`);
    return found;
  }

  /**
   * Writes what a transition changed, its timeline entries (plus any the caller adds, such as
   * "material supplied"), and the events it causes, all in the caller's transaction.
   */
  async function persist(
    tx: Transaction,
    app: ApplicationRow,
    transition: Transition,
    now: Date,
    actor: Actor,
    extra: TimelineEntry[] = [],
  ) {
    const unit = unitOf(tx);
    const current = await locked(tx, app.id);
    const previousStatus = current.app.status;
    for (const item of transition.changed) {
      const row = current.rows.find((r) => r.id === item.id);
      if (!row) throw new Error(`unknown item ${item.id}`);
      Object.assign(row, {
        status: item.status,
        outputs: item.outputs,
        attempt: item.attempt,
        materials: [...item.materials],
        ...timestampsFor(item.status, now),
      });
    }
    const statusChanged = transition.status !== previousStatus;
    if (statusChanged) {
      Object.assign(current.app, {
        status: transition.status,
        ...(transition.status === 'completed' && { completedAt: now }),
        ...(transition.status === 'withdrawn' && { withdrawnAt: now }),
      });
    }
    unit.changed(app.id, { items: transition.changed.map((i) => i.id), status: statusChanged });
    unit.record(app.id, actor, now, [...extra, ...entriesOf(transition, previousStatus)]);
    await runEffects(deps, tx, { ...app, status: previousStatus }, transition, now);
    if (!unit.deferred) await unit.flush();
  }

  return {
    /** Adds timeline entries, written with the rest of the transaction's changes. */
    async record(tx: Transaction, applicationId: string, actor: Actor, at: Date, entries: TimelineEntry[]) {
      const unit = unitOf(tx);
      unit.record(applicationId, actor, at, entries);
      if (!unit.deferred) await unit.flush();
    },
    /** Opens rows read outside `lock` (their sealed columns). */
    openApplication: (row: typeof applications.$inferSelect) => openApplication(deps.vault, row),
    openItem: (row: typeof items.$inferSelect) => openItem(deps.vault, row),
    vault: deps.vault,
    /**
     * Locks the application (changes to one application are applied one at a time) and loads its
     * items; a second call in the same transaction sees what the transaction changed since.
     */
    async lock(tx: Transaction, applicationId: string) {
      const found = await unitOf(tx).lock(applicationId);
      if (!found) return null;
      const app = { ...found.app };
      const rows = found.rows.map((r) => ({ ...r }));
      return { app, rows, states: rows.map(toState), withdrawn: app.withdrawnAt !== null };
    },
    /** Locks several applications at once, in id order: what a batch of events is about. */
    lockAll: (tx: Transaction, applicationIds: readonly string[]) => unitOf(tx).lockAll(applicationIds),
    /** Sets columns of a locked application's item that no transition decides (its reason, its certificate). */
    async patchItem(
      tx: Transaction,
      applicationId: string,
      itemId: string,
      patch: Partial<Pick<ItemRow, 'reason' | 'certificateId'>>,
    ) {
      const current = await locked(tx, applicationId);
      const row = current.rows.find((r) => r.id === itemId);
      if (!row) return;
      Object.assign(row, patch);
      const unit = unitOf(tx);
      unit.changed(applicationId, { items: [itemId] });
      if (!unit.deferred) await unit.flush();
    },
    /** Replaces a locked application's form (a correction); sealed when written. */
    async replaceForm(tx: Transaction, applicationId: string, form: ApplicationRow['form']) {
      const current = await locked(tx, applicationId);
      current.app.form = form;
      const unit = unitOf(tx);
      unit.changed(applicationId, { form: true });
      if (!unit.deferred) await unit.flush();
    },

    persist,

    async create(
      tx: Transaction,
      input: {
        ownerId: string;
        bundle: Bundle;
        submission: NewbornSubmission;
        idempotencyKey: string | null;
        requestHash: string;
        dueDate: string;
        late: boolean;
        /** Materials declared missing at submission, by the item that needs them. */
        declaredMissing: (itemKey: ItemKey) => MaterialNeed[];
        now: Date;
        /** Who submitted: the citizen themselves (the default), or a clerk at a window for them. */
        submittedBy?: IntakeActor;
        /** Added to the "submitted" timeline entry (a clerk's submission: for whom, the consent). */
        submittedDetails?: Record<string, unknown>;
        /**
         * The application and its items written at the end of the transaction, with those of the
         * other submissions committed with it (one insert per table): only when nothing else in the
         * transaction refers to them before then (a clerk's consent row does).
         */
        writeAtCommit?: boolean;
      },
    ) {
      const { submission, bundle, now } = input;
      const id = randomUUID();
      const row = {
        id,
        ownerId: input.ownerId,
        bundle: bundle.key,
        status: 'in-progress' as const,
        childrenMasked: submission.form.children.map((c) => maskName(c.name)),
        items: submission.items,
        late: input.late,
        idempotencyKey: input.idempotencyKey,
        requestHash: input.requestHash,
        submittedAt: now,
        dueDate: input.dueDate,
        completedAt: null,
        withdrawnAt: null,
        region: submission.form.children[0]?.birthPlace.county ?? '',
        traceId: currentTraceId(),
      };
      const sealedRow = { ...row, formSealed: deps.vault.sealJson(submission.form, formAad(id)) };
      // The form as submitted: it was just sealed, it need not be opened again.
      const app: ApplicationRow = { ...row, form: submission.form };
      const chosen = bundle.items.filter((i) => submission.items.includes(i.key));
      const initial: ItemState[] = submission.form.children.flatMap((_child, childIndex) =>
        chosen.map((item) => ({
          id: randomUUID(),
          childIndex,
          itemKey: item.key,
          status: 'waiting' as const,
          dependsOn: item.dependsOn,
          certificateType: item.certificate,
          outputs: null,
          attempt: 1,
          materials: input.declaredMissing(item.key),
        })),
      );
      const transition = planIntake(initial);
      const itemRows = transition.items.map((i) => ({
        id: i.id,
        applicationId: app.id,
        childIndex: i.childIndex,
        itemKey: i.itemKey,
        department: ITEM_DEPARTMENT[i.itemKey],
        status: i.status,
        dependsOn: [...i.dependsOn],
        certificateType: i.certificateType,
        dueDate: input.dueDate,
        materials: [...i.materials],
        ...timestampsFor(i.status, now),
      }));
      if (input.writeAtCommit) {
        // Deferred in this order, so the application's insert goes before its items' (and its
        // events' and timeline's, deferred below) on the connection. A taken idempotency key
        // then fails the commit rather than this statement: the caller's handling is the same.
        await insertAtCommit(tx, applications, sealedRow);
        for (const itemRow of itemRows) await insertAtCommit(tx, items, itemRow);
      } else {
        // The application and its items go out together, pipelined (in this order) on the connection.
        await Promise.all([tx.insert(applications).values(sealedRow), tx.insert(items).values(itemRows)]);
      }
      const submitted = {
        applicationId: app.id,
        bundle: 'newborn' as const,
        items: submission.items,
        childCount: submission.form.children.length,
        submittedAt: now.toISOString(),
        dueDate: input.dueDate,
        late: input.late,
      };
      await deps.outbox.enqueue(tx, applicationSubmitted, submitted, { subject: app.id });
      const actor: Actor = input.submittedBy ?? `citizen:${input.ownerId}`;
      const unit = unitOf(tx);
      unit.record(app.id, actor, now, [
        {
          kind: 'application.submitted',
          details: {
            ...input.submittedDetails,
            items: submission.items,
            children: submission.form.children.length,
            dueDate: input.dueDate,
            late: input.late,
          },
        },
        ...entriesOf(transition, 'in-progress'),
      ]);
      await runEffects(deps, tx, app, transition, now);
      if (!unit.deferred) await unit.flush();
      return app;
    },
  };
}

export type ApplicationStore = ReturnType<typeof createApplicationStore>;
