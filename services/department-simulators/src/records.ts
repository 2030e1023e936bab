import type { Department } from '@onego/contracts';
import { anyOf, type Database, insertAtCommit, perTransaction, type Transaction } from '@onego/db';
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

/** Keeps what arrived, written with the rest of the transaction's receipts in one statement. */
export const recordReceived = (tx: Transaction, vault: Vault, { payload, ...received }: Received) =>
  insertAtCommit(tx, receivedRequests, {
    ...received,
    payloadSealed: vault.seal(payload, receivedAad(received)),
  });

// The withdrawn cases among those a transaction asked about, read in one statement per batch.
const withdrawnCases = perTransaction(() => ({ asked: new Set<string>(), withdrawn: new Set<string>() }));
const caseKey = (department: Department, caseRef: string) => `${department}/${caseRef}`;

/** Reads in one statement which of a department's cases are withdrawn (a batch's requests). */
export async function loadWithdrawn(tx: Transaction, department: Department, caseRefs: readonly string[]) {
  const known = withdrawnCases(tx);
  const wanted = [...new Set(caseRefs)].filter((ref) => !known.asked.has(caseKey(department, ref)));
  if (wanted.length === 0) return;
  const rows = await tx
    .select({ caseRef: cancellations.caseRef })
    .from(cancellations)
    .where(and(eq(cancellations.department, department), anyOf(cancellations.caseRef, wanted)));
  for (const ref of wanted) known.asked.add(caseKey(department, ref));
  for (const row of rows) known.withdrawn.add(caseKey(department, row.caseRef));
}

export async function isWithdrawn(q: Pick<Database, 'select'>, department: Department, caseRef: string) {
  const rows = await q
    .select({ caseRef: cancellations.caseRef })
    .from(cancellations)
    .where(and(eq(cancellations.department, department), eq(cancellations.caseRef, caseRef)));
  return rows.length > 0;
}

/** Whether a case is withdrawn, from what `loadWithdrawn` read for the transaction's batch. */
export async function isWithdrawnInBatch(tx: Transaction, department: Department, caseRef: string) {
  await loadWithdrawn(tx, department, [caseRef]);
  return withdrawnCases(tx).withdrawn.has(caseKey(department, caseRef));
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
