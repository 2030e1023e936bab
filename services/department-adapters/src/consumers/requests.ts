import {
  type DataOf,
  type Department,
  type DepartmentPayload,
  departmentContracts,
  itemRequested,
} from '@onego/contracts';
import { afterCommit, anyOf, insertAtCommit, insertRows, perTransaction, type Transaction } from '@onego/db';
import { type ConsumerDefinition, currentTraceHeaders, PoisonMessageError } from '@onego/messaging';
import { and, eq } from 'drizzle-orm';
import { cancelledItems, dispatches, exchanges } from '../db/schema.ts';
import { issuesOf } from '../decisions.ts';
import { sealBody } from '../dispatch/body.ts';
import { caseRefOf, idempotencyKeyOf } from '../domain/case-ref.ts';
import { translateRequest } from '../domain/translators.ts';
import { type AdapterDeps, translated } from './deps.ts';

// Canonical requests out to a department, in its vocabulary: on its NATS stream (through the
// outbox) or, for an HTTP-style department, as a call for the dispatcher to make. Either way
// in the consumer's transaction, together with the exchange row.

// The withdrawn items among those a transaction asked about, read in one statement per batch.
const cancelledOf = perTransaction(() => ({ asked: new Set<string>(), cancelled: new Set<string>() }));

async function loadCancelled(tx: Transaction, itemIds: readonly string[]) {
  const known = cancelledOf(tx);
  const wanted = [...new Set(itemIds)].filter((id) => !known.asked.has(id));
  if (wanted.length === 0) return;
  const rows = await tx
    .select({ itemId: cancelledItems.itemId })
    .from(cancelledItems)
    .where(anyOf(cancelledItems.itemId, wanted));
  for (const id of wanted) known.asked.add(id);
  for (const row of rows) known.cancelled.add(row.itemId);
}

async function isCancelled(tx: Transaction, itemId: string) {
  await loadCancelled(tx, [itemId]);
  return cancelledOf(tx).cancelled.has(itemId);
}

type ExchangeRow = typeof exchanges.$inferInsert;
const keyOf = (itemId: string, attempt: number) => `${itemId}:${attempt}`;

// The exchanges a transaction filed: the keys it tried, and those it created (each claimed by
// the first request that asks), so a batch files its requests' exchanges in one insert.
const filedOf = perTransaction(() => ({ asked: new Set<string>(), created: new Set<string>() }));

/** Files the exchanges not tried yet in this transaction, in one insert; a taken one is skipped. */
async function fileExchanges(tx: Transaction, rows: readonly ExchangeRow[]) {
  const filed = filedOf(tx);
  const fresh = new Map<string, ExchangeRow>();
  for (const row of rows) {
    const key = keyOf(row.itemId, row.attempt ?? 1);
    if (!filed.asked.has(key)) fresh.set(key, row);
  }
  if (fresh.size === 0) return;
  for (const key of fresh.keys()) filed.asked.add(key);
  const created = await insertRows(tx, exchanges, [...fresh.values()], {
    onConflictDoNothing: true,
    returning: { itemId: exchanges.itemId, attempt: exchanges.attempt },
  });
  for (const row of created) filed.created.add(keyOf(row.itemId as string, row.attempt as number));
}

/** Whether this transaction created the exchange; true once, for the first request that asks. */
const claimCreated = (tx: Transaction, itemId: string, attempt: number) =>
  filedOf(tx).created.delete(keyOf(itemId, attempt));

export function requestConsumer<D extends Department>(
  department: D,
  { outbox, namespace, clock, logger, transport, vault, dispatched }: AdapterDeps,
): ConsumerDefinition<typeof itemRequested> {
  const contract = departmentContracts[department].request;
  const exchangeOf = (item: DataOf<typeof itemRequested>): ExchangeRow => {
    const attempt = item.attempt ?? 1;
    return {
      itemId: item.itemId,
      attempt,
      applicationId: item.applicationId,
      department,
      itemKey: item.itemKey,
      childIndex: item.childIndex,
      caseRef: caseRefOf(department, item.itemId, attempt),
      transport: transport[department],
      requestedAt: clock(),
    };
  };
  return {
    stream: namespace.streamOf(itemRequested),
    durable: `adapter-${department}-requests`,
    filterSubject: namespace.filter(itemRequested, department),
    contracts: [itemRequested],
    // A batch asks which of its items were withdrawn in one statement, then files the
    // exchanges of the others in one more.
    async prepare(events, tx) {
      await loadCancelled(
        tx,
        events.map((e) => e.data.itemId),
      );
      const { cancelled } = cancelledOf(tx);
      await fileExchanges(
        tx,
        events
          .filter((e) => e.data.department === department && !cancelled.has(e.data.itemId))
          .map((e) => exchangeOf(e.data)),
      );
    },
    async handle(event, tx) {
      const item = event.data;
      if (item.department !== department) {
        throw new PoisonMessageError(`a ${item.department} item reached the ${department} adapter`);
      }
      const attempt = item.attempt ?? 1;
      const caseRef = caseRefOf(department, item.itemId, attempt);
      const request = translated(() =>
        translateRequest(department, item.payload as DepartmentPayload<D>, {
          caseRef,
          requestedAt: event.time,
          attachments: item.attachments,
        }),
      );
      const checked = contract.schema.safeParse(request);
      if (!checked.success) {
        throw new PoisonMessageError(`cannot be sent as ${contract.type}: ${issuesOf(checked.error)}`);
      }
      if (await isCancelled(tx, item.itemId)) {
        logger.info({ department, itemId: item.itemId, attempt }, 'request for a withdrawn item; not sent');
        return;
      }
      // A second request for an attempt already sent (under another event id: the applications
      // service chasing an item left without an answer) sends nothing new, except to an
      // event-native department whose answer never came back: it is asked again under the same
      // case reference (a department decides a case once; a second answer is ignored here). An
      // HTTP department's calls are kept in `dispatches` and need no repeat.
      const via = transport[department];
      // Filed with the batch's others in `prepare`; on its own otherwise.
      await fileExchanges(tx, [exchangeOf(item)]);
      if (!claimCreated(tx, item.itemId, attempt)) {
        const [sent] = await tx
          .select()
          .from(exchanges)
          .where(and(eq(exchanges.itemId, item.itemId), eq(exchanges.attempt, attempt)));
        if (sent?.transport === 'nats' && !sent.decidedAt && !sent.cancelledAt) {
          logger.info({ department, caseRef }, 'no answer yet to a case asked for again; sending it again');
          await outbox.enqueue(tx, contract, checked.data, { subject: caseRef });
        }
        return;
      }
      if (via === 'nats') {
        await outbox.enqueue(tx, contract, checked.data, { subject: caseRef });
        return;
      }
      await insertAtCommit(tx, dispatches, {
        department,
        headers: currentTraceHeaders(),
        caseRef,
        kind: 'submit',
        bodySealed: sealBody(vault, caseRef, 'submit', checked.data as Record<string, unknown>),
        idempotencyKey: idempotencyKeyOf(item.itemId, attempt, 'submit'),
        dueAt: clock(),
      });
      if (dispatched) afterCommit(tx, dispatched);
    },
  };
}
