import type { Department } from '@onego/contracts';
import type { Transaction } from '@onego/db';
import type { Vault } from '@onego/vault';
import { and, eq } from 'drizzle-orm';
import { cancellations, pendingAnswers, receivedRequests } from './db/schema.ts';
import type { Transport } from './domain/transport.ts';

// What every simulated system keeps, whichever way it is reached: what arrived on the wire, and
// which cases were withdrawn (a withdrawn case gets no decision, even one already scheduled).

export interface Received {
  department: Department;
  transport: Transport;
  kind: 'request' | 'cancellation';
  /** The NATS subject, or the HTTP method and path. */
  subject: string;
  caseRef: string;
  /** Exactly what arrived: the CloudEvent's JSON text, or the HTTP body. */
  payload: string;
  receivedAt: Date;
}

/** Where a received payload belongs (its associated data). */
export const receivedAad = (r: Pick<Received, 'department' | 'caseRef' | 'kind' | 'transport'>) =>
  `received_requests.payload:${r.department}/${r.caseRef}/${r.kind}/${r.transport}`;

export const recordReceived = (tx: Transaction, vault: Vault, { payload, ...received }: Received) =>
  tx
    .insert(receivedRequests)
    .values({ ...received, payloadSealed: vault.seal(payload, receivedAad(received)) });

export async function isWithdrawn(tx: Pick<Transaction, 'select'>, department: Department, caseRef: string) {
  const rows = await tx
    .select({ caseRef: cancellations.caseRef })
    .from(cancellations)
    .where(and(eq(cancellations.department, department), eq(cancellations.caseRef, caseRef)));
  return rows.length > 0;
}

/** Records the withdrawal and drops any answer not yet sent. */
export async function withdraw(
  tx: Transaction,
  department: Department,
  cancellation: { ref: string; reason: string; cancelledAt: Date },
) {
  await tx
    .insert(cancellations)
    .values({
      department,
      caseRef: cancellation.ref,
      reason: cancellation.reason,
      cancelledAt: cancellation.cancelledAt,
    })
    .onConflictDoNothing();
  await tx
    .delete(pendingAnswers)
    .where(and(eq(pendingAnswers.department, department), eq(pendingAnswers.caseRef, cancellation.ref)));
}
