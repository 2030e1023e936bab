import { type Department, departmentContracts, itemCancelled } from '@onego/contracts';
import { afterCommit } from '@onego/db';
import { type ConsumerDefinition, currentTraceHeaders, PoisonMessageError } from '@onego/messaging';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { cancelledItems, dispatches, exchanges } from '../db/schema.ts';
import { sealBody } from '../dispatch/body.ts';
import { cancellationOf } from '../domain/cancellation.ts';
import { idempotencyKeyOf } from '../domain/case-ref.ts';
import type { AdapterDeps } from './deps.ts';

// The platform withdrew an item: every case of it still open at the department (undecided, or
// waiting for materials) is cancelled there, and the item is remembered as withdrawn so that a
// request arriving late (requests and cancellations travel on separate consumers) is not sent.

export function cancellationConsumer<D extends Department>(
  department: D,
  { outbox, namespace, clock, logger, vault, dispatched }: AdapterDeps,
): ConsumerDefinition<typeof itemCancelled> {
  const contract = departmentContracts[department].cancellation;
  return {
    stream: namespace.streamOf(itemCancelled),
    durable: `adapter-${department}-cancellations`,
    filterSubject: namespace.filter(itemCancelled, department),
    contracts: [itemCancelled],
    async handle(event, tx) {
      const { itemId, applicationId, reason, cancelledAt } = event.data;
      if (event.data.department !== department) {
        throw new PoisonMessageError(
          `a ${event.data.department} cancellation reached the ${department} adapter`,
        );
      }
      await tx
        .insert(cancelledItems)
        .values({ itemId, applicationId, department, reason, cancelledAt: new Date(cancelledAt) })
        .onConflictDoNothing();
      const open = await tx
        .select()
        .from(exchanges)
        .where(
          and(
            eq(exchanges.itemId, itemId),
            isNull(exchanges.cancelledAt),
            or(isNull(exchanges.decidedAt), eq(exchanges.outcome, 'materials-required')),
          ),
        )
        .for('update');
      for (const exchange of open) {
        await tx
          .update(exchanges)
          .set({ cancelledAt: clock() })
          .where(eq(exchanges.caseRef, exchange.caseRef));
        const body = cancellationOf(exchange.caseRef, cancelledAt, reason);
        logger.info({ department, caseRef: exchange.caseRef }, 'withdrawing the case at the department');
        if (exchange.transport === 'nats') {
          await outbox.enqueue(tx, contract, body, { subject: exchange.caseRef });
          continue;
        }
        // Calls not yet made are dropped; one in flight finds its row closed and is not recorded.
        await tx
          .update(dispatches)
          .set({ status: 'abandoned', completedAt: clock() })
          .where(
            and(
              eq(dispatches.caseRef, exchange.caseRef),
              eq(dispatches.status, 'pending'),
              inArray(dispatches.kind, ['submit', 'poll']),
            ),
          );
        await tx
          .insert(dispatches)
          .values({
            department,
            headers: currentTraceHeaders(),
            caseRef: exchange.caseRef,
            kind: 'cancel',
            bodySealed: sealBody(vault, exchange.caseRef, 'cancel', body),
            idempotencyKey: idempotencyKeyOf(exchange.itemId, exchange.attempt, 'cancel'),
            dueAt: clock(),
          })
          .onConflictDoNothing();
        if (dispatched) afterCommit(tx, dispatched);
      }
    },
  };
}
