import { type Department, itemDecided } from '@onego/contracts';
import { anyOf, arrayLiteral, beforeCommit, perTransaction, type Transaction } from '@onego/db';
import type { Logger, Outbox } from '@onego/messaging';
import type { Vault } from '@onego/vault';
import { asc, eq, sql } from 'drizzle-orm';
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

type Exchange = typeof exchanges.$inferSelect;

// The exchanges a transaction has locked (by case reference), and the decisions it recorded on
// them, written back in one statement when it ends.
const lockedExchanges = perTransaction((tx: Transaction) => {
  const rows = new Map<string, Exchange | undefined>();
  const decided = new Map<string, Exchange>();
  const tracked = beforeCommit(tx, async () => {
    if (decided.size === 0) return;
    const values = [...decided.values()].map((e) => ({
      case_ref: e.caseRef,
      decided_at: e.decidedAt,
      outcome: e.outcome,
    }));
    decided.clear();
    await tx.execute(sql`
      update ${exchanges} as e set decided_at = v.decided_at, outcome = v.outcome
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(case_ref text, decided_at timestamptz, outcome text)
      where e.case_ref = v.case_ref
        and e.case_ref = any(${arrayLiteral(values.map((v) => v.case_ref))}::text[])`);
  });
  return { rows, decided, tracked };
});

/** Locks the exchanges these decisions answer, in one statement, in case-reference order. */
export async function lockExchanges(tx: Transaction, caseRefs: readonly string[]) {
  const { rows } = lockedExchanges(tx);
  const wanted = [...new Set(caseRefs)].filter((ref) => !rows.has(ref)).sort();
  if (wanted.length === 0) return;
  const found = await tx
    .select()
    .from(exchanges)
    .where(anyOf(exchanges.caseRef, wanted))
    .orderBy(asc(exchanges.caseRef))
    .for('update');
  for (const ref of wanted)
    rows.set(
      ref,
      found.find((e) => e.caseRef === ref),
    );
}

export async function applyDecision(
  tx: Transaction,
  deps: DecisionDeps,
  department: Department,
  { caseRef, decidedAt, decision }: TranslatedDecision,
): Promise<Applied> {
  await lockExchanges(tx, [caseRef]);
  const locked = lockedExchanges(tx);
  const exchange = locked.rows.get(caseRef);
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
  Object.assign(exchange, { decidedAt: deps.clock(), outcome: decision.outcome });
  if (locked.tracked) locked.decided.set(caseRef, exchange);
  else
    await tx
      .update(exchanges)
      .set({ decidedAt: exchange.decidedAt, outcome: exchange.outcome })
      .where(eq(exchanges.caseRef, caseRef));
  return { applied: true };
}
