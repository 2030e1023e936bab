import { type Department, itemDecided } from '@onego/contracts';
import type { Transaction } from '@onego/db';
import type { Logger, Outbox } from '@onego/messaging';
import type { Vault } from '@onego/vault';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { exchanges } from './db/schema.ts';
import type { TranslatedDecision } from './domain/translator.ts';

// A department's decision, whichever way it came (its NATS stream or its HTTP API), applied
// once: the exchange it answers is found by case reference; a decision on a withdrawn or an
// already decided case is logged and ignored; otherwise the canonical itemDecided, carrying
// the exchange's attempt, goes into the outbox in the caller's transaction.

export interface DecisionDeps {
  /** Seals what is kept of a department's request (its body holds personal data). */
  vault: Vault;
  outbox: Outbox;
  logger: Logger;
  clock: () => Date;
}

export type Applied = { applied: true } | { applied: false; ignored: string } | { refused: string };

export const issuesOf = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');

export async function applyDecision(
  tx: Transaction,
  deps: DecisionDeps,
  department: Department,
  { caseRef, decidedAt, decision }: TranslatedDecision,
): Promise<Applied> {
  const [exchange] = await tx.select().from(exchanges).where(eq(exchanges.caseRef, caseRef)).for('update');
  if (!exchange || exchange.department !== department) {
    return { refused: `no ${department} case ${caseRef} was ever sent: decision not applied` };
  }
  if (exchange.cancelledAt) {
    deps.logger.info({ department, caseRef }, 'decision on a withdrawn case; ignored');
    return { applied: false, ignored: 'withdrawn' };
  }
  if (exchange.decidedAt) {
    deps.logger.info({ department, caseRef }, 'decision for a case already decided; ignored');
    return { applied: false, ignored: 'already decided' };
  }
  const decided = itemDecided.schema.safeParse({
    applicationId: exchange.applicationId,
    itemId: exchange.itemId,
    itemKey: exchange.itemKey,
    department,
    childIndex: exchange.childIndex,
    decidedAt,
    attempt: exchange.attempt,
    decision,
  });
  if (!decided.success) {
    return {
      refused: `the ${department} decision on ${caseRef} is not a valid ${itemDecided.type}: ${issuesOf(decided.error)}`,
    };
  }
  await deps.outbox.enqueue(tx, itemDecided, decided.data, { subject: exchange.applicationId });
  await tx
    .update(exchanges)
    .set({ decidedAt: deps.clock(), outcome: decision.outcome })
    .where(eq(exchanges.caseRef, caseRef));
  return { applied: true };
}
