import {
  type Attachment,
  applicationCompleted,
  applicationWithdrawn,
  certificateRequested,
  certificateRevocationRequested,
  type DataOf,
  ITEM_DEPARTMENT,
  type ItemKey,
  itemCancelled,
  itemRequested,
} from '@onego/contracts';
import type { Transaction } from '@onego/db';
import type { Outbox } from '@onego/messaging';
import type { Vault } from '@onego/vault';
import { inArray } from 'drizzle-orm';
import { materials } from './db/schema.ts';
import { certificateFacts } from './domain/certificate-facts.ts';
import { forwardedOutputs, type ItemState, type Transition } from './domain/orchestration.ts';
import { departmentPayload } from './domain/split.ts';
import { chinaDate } from './domain/working-days.ts';
import type { MaterialLinks } from './materials/links.ts';
import type { ApplicationRow } from './sealed.ts';

// What the orchestration's decisions mean on the wire: each effect becomes one outbox event,
// in the transaction that records the decision. Payloads are built from the stored form and the
// outputs already received, never from anything re-typed.

export interface EffectDeps {
  outbox: Outbox;
  links: MaterialLinks;
  vault: Vault;
}

// The payload's type depends on the department at run time; the contract checks the pairing
// when the event is created, so the static type here is the contract's union.
type ItemRequest = DataOf<typeof itemRequested>;
type CertificateRequest = DataOf<typeof certificateRequested>;

const refOf = (app: ApplicationRow, item: ItemState) => ({
  applicationId: app.id,
  itemId: item.id,
  itemKey: item.itemKey,
  childIndex: item.childIndex,
  department: ITEM_DEPARTMENT[item.itemKey],
});

/** The materials supplied for an item, as its department receives them: by signed link, or by certificate. */
async function attachmentsOf(deps: EffectDeps, tx: Transaction, item: ItemState): Promise<Attachment[]> {
  const ids = item.materials.flatMap((m) => (m.suppliedMaterialId ? [m.suppliedMaterialId] : []));
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: materials.id,
      code: materials.code,
      mediaType: materials.mediaType,
      size: materials.size,
      sha256: materials.sha256,
      certificateId: materials.certificateId,
    })
    .from(materials)
    .where(inArray(materials.id, ids));
  return rows.map((r) =>
    r.certificateId
      ? { kind: 'certificate', materialId: r.id, code: r.code, certificateId: r.certificateId }
      : {
          kind: 'file',
          materialId: r.id,
          code: r.code,
          mediaType: r.mediaType as Extract<Attachment, { kind: 'file' }>['mediaType'],
          size: r.size ?? 0,
          sha256: r.sha256 ?? '',
          href: deps.links.hrefFor(r.id),
        },
  );
}

export async function runEffects(
  deps: EffectDeps,
  tx: Transaction,
  app: ApplicationRow,
  transition: Transition,
  now: Date,
) {
  const { outbox } = deps;
  const byId = new Map(transition.items.map((i) => [i.id, i]));
  const itemOf = (itemId: string): ItemState => {
    const item = byId.get(itemId);
    if (!item) throw new Error(`unknown item ${itemId}`);
    return item;
  };
  const outputsOf = (childIndex: number) => (key: ItemKey) =>
    transition.items.find((i) => i.childIndex === childIndex && i.itemKey === key)?.outputs ?? {};
  const subject = app.id;

  for (const effect of transition.effects) {
    switch (effect.kind) {
      case 'request-item': {
        const item = itemOf(effect.itemId);
        const ref = refOf(app, item);
        const payload = departmentPayload(
          ref.department,
          app.form,
          item.childIndex,
          forwardedOutputs(transition.items, item.childIndex),
        );
        const attachments = await attachmentsOf(deps, tx, item);
        const request = {
          ...ref,
          dueDate: app.dueDate,
          attempt: item.attempt,
          payload,
          ...(attachments.length > 0 && { attachments }),
        } as ItemRequest;
        await outbox.enqueue(tx, itemRequested, request, { subject });
        break;
      }
      case 'request-certificate': {
        const item = itemOf(effect.itemId);
        const facts = certificateFacts(
          effect.certificateType,
          app.form,
          item.childIndex,
          outputsOf(item.childIndex),
        );
        const request = {
          ...refOf(app, item),
          ownerId: app.ownerId,
          certificateType: effect.certificateType,
          facts,
        };
        await outbox.enqueue(tx, certificateRequested, request as CertificateRequest, { subject });
        break;
      }
      case 'cancel-item': {
        const item = itemOf(effect.itemId);
        const cancellation = {
          ...refOf(app, item),
          attempt: item.attempt,
          reason: 'withdrawn' as const,
          cancelledAt: now.toISOString(),
        };
        await outbox.enqueue(tx, itemCancelled, cancellation, { subject });
        break;
      }
      case 'revoke-certificate': {
        const reason = {
          code: 'APPLICATION_WITHDRAWN',
          message: '申请人撤回申请 The applicant withdrew the application',
        };
        await outbox.enqueue(
          tx,
          certificateRevocationRequested,
          { ...refOf(app, itemOf(effect.itemId)), reason },
          { subject },
        );
        break;
      }
      case 'complete-application': {
        const completion = { applicationId: app.id, completedAt: now.toISOString(), dueDate: app.dueDate };
        await outbox.enqueue(
          tx,
          applicationCompleted,
          { ...completion, onTime: chinaDate(now) <= app.dueDate },
          { subject },
        );
        break;
      }
    }
  }
  if (transition.status === 'withdrawn' && app.status !== 'withdrawn') {
    await outbox.enqueue(
      tx,
      applicationWithdrawn,
      { applicationId: app.id, withdrawnAt: now.toISOString() },
      { subject },
    );
  }
}
