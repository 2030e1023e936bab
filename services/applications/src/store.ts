import { randomUUID } from 'node:crypto';
import { maskName } from '@onego/codes';
import {
  applicationSubmitted,
  ITEM_DEPARTMENT,
  type ItemKey,
  type NewbornSubmission,
} from '@onego/contracts';
import type { Transaction } from '@onego/db';
import { eq } from 'drizzle-orm';
import type { Bundle } from './catalogue/types.ts';
import { applications, items } from './db/schema.ts';
import type { ItemState, ItemStatus, MaterialNeed, Transition } from './domain/orchestration.ts';
import { planIntake } from './domain/orchestration.ts';
import { type EffectDeps, runEffects } from './effects.ts';
import {
  type ApplicationRow,
  formAad,
  type ItemRow,
  openApplication,
  openItem,
  sealOutputs,
} from './sealed.ts';
import { type Actor, currentTraceId, entriesOf, record, type TimelineEntry } from './timeline.ts';

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
    for (const item of transition.changed) {
      await tx
        .update(items)
        .set({
          status: item.status,
          outputsSealed: sealOutputs(deps.vault, item.id, item.outputs),
          attempt: item.attempt,
          materials: [...item.materials],
          ...timestampsFor(item.status, now),
        })
        .where(eq(items.id, item.id));
    }
    if (transition.status !== app.status) {
      await tx
        .update(applications)
        .set({
          status: transition.status,
          ...(transition.status === 'completed' && { completedAt: now }),
          ...(transition.status === 'withdrawn' && { withdrawnAt: now }),
        })
        .where(eq(applications.id, app.id));
    }
    await record(tx, app.id, actor, now, [...extra, ...entriesOf(transition, app.status)]);
    await runEffects(deps, tx, app, transition, now);
  }

  return {
    record,
    /** Opens rows read outside `lock` (their sealed columns). */
    openApplication: (row: typeof applications.$inferSelect) => openApplication(deps.vault, row),
    openItem: (row: typeof items.$inferSelect) => openItem(deps.vault, row),
    sealForm: (applicationId: string, form: NewbornSubmission['form']) =>
      deps.vault.sealJson(form, formAad(applicationId)),
    vault: deps.vault,
    /** Locks the application (changes to one application are applied one at a time) and loads its items. */
    async lock(tx: Transaction, applicationId: string) {
      const [locked] = await tx
        .select()
        .from(applications)
        .where(eq(applications.id, applicationId))
        .for('update');
      if (!locked) return null;
      const app = openApplication(deps.vault, locked);
      const rows = (await tx.select().from(items).where(eq(items.applicationId, applicationId))).map((r) =>
        openItem(deps.vault, r),
      );
      return { app, rows, states: rows.map(toState), withdrawn: app.withdrawnAt !== null };
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
      },
    ) {
      const { submission, bundle, now } = input;
      const id = randomUUID();
      const [inserted] = await tx
        .insert(applications)
        .values({
          id,
          ownerId: input.ownerId,
          bundle: bundle.key,
          status: 'in-progress',
          formSealed: deps.vault.sealJson(submission.form, formAad(id)),
          childrenMasked: submission.form.children.map((c) => maskName(c.name)),
          items: submission.items,
          late: input.late,
          idempotencyKey: input.idempotencyKey,
          requestHash: input.requestHash,
          submittedAt: now,
          dueDate: input.dueDate,
          region: submission.form.children[0]?.birthPlace.county ?? '',
          traceId: currentTraceId(),
        })
        .returning();
      if (!inserted) throw new Error('insert returned nothing');
      const app = openApplication(deps.vault, inserted);
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
      await tx.insert(items).values(
        transition.items.map((i) => ({
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
        })),
      );
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
      await record(tx, app.id, actor, now, [
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
      return app;
    },
  };
}

export type ApplicationStore = ReturnType<typeof createApplicationStore>;
