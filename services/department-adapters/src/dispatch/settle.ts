import { departmentContracts } from '@onego/contracts';
import type { Transaction } from '@onego/db';
import { currentTraceHeaders } from '@onego/messaging';
import { eq } from 'drizzle-orm';
import { dispatches } from '../db/schema.ts';
import { type Applied, applyDecision, type DecisionDeps, issuesOf } from '../decisions.ts';
import { pollDelayMs, type RetryPolicy, retryDelayMs } from '../domain/backoff.ts';
import type { HttpAnswer } from '../domain/http-answers.ts';
import type { DepartmentDecision } from '../domain/translator.ts';
import { translateDecision } from '../domain/translators.ts';
import type { CallRecord } from '../http/department-api.ts';
import { type Dispatch, setAside } from './claims.ts';

// What a department's HTTP answer does, in one transaction: reschedule the call (retry later,
// or ask again whether it has decided), follow a receipt with status queries, apply a decision
// or a refusal as the item's canonical decision (through the outbox), or set the answer aside.

export interface SettleDeps extends DecisionDeps {
  retry: RetryPolicy;
  pollMs: number;
  /** Told when a call is scheduled (a retry, a status query), so the worker can wake for it. */
  scheduled?: (dueAt: Date) => void;
}

export async function settle(
  tx: Transaction,
  deps: SettleDeps,
  row: Dispatch,
  answer: HttpAnswer,
  record: CallRecord,
) {
  const now = deps.clock();
  const later = (ms: number) => {
    const dueAt = new Date(now.getTime() + ms);
    deps.scheduled?.(dueAt);
    return dueAt;
  };
  const { department, caseRef } = row;
  const update = (values: Partial<typeof dispatches.$inferInsert>) =>
    tx.update(dispatches).set(values).where(eq(dispatches.id, row.id));
  const done = () => update({ status: 'done', completedAt: now, failures: 0, lastError: null });
  const aside = (error: string) =>
    setAside(tx, deps.vault, row, {
      type: departmentContracts[department].decision.type,
      error,
      subject: `${record.method} ${record.url}`,
      payload: record.text,
      now,
    });
  const decide = async (applied: Applied) => {
    if ('refused' in applied) await aside(applied.refused);
    else await done();
  };

  switch (answer.kind) {
    case 'retry-later': {
      const failures = row.failures + 1;
      const delay = retryDelayMs(failures, deps.retry, { retryAfterMs: answer.retryAfterMs });
      deps.logger.warn(
        { department, caseRef, kind: row.kind, failures, delay, reason: answer.reason },
        'department call to retry later',
      );
      return update({ failures, dueAt: later(delay), lastError: answer.reason });
    }
    case 'accepted':
      if (row.kind === 'submit') {
        await tx
          .insert(dispatches)
          .values({
            department,
            headers: currentTraceHeaders(),
            caseRef,
            kind: 'poll',
            idempotencyKey: row.idempotencyKey,
            dueAt: later(pollDelayMs(0, deps.pollMs)),
          })
          .onConflictDoNothing();
      }
      return done();
    case 'processing':
      // Asked again sooner while the case is young, at most every pollMs once it is old.
      return update({
        failures: 0,
        dueAt: later(pollDelayMs(now.getTime() - row.createdAt.getTime(), deps.pollMs)),
        lastError: null,
      });
    case 'cancelled':
      deps.logger.info({ department, caseRef }, 'the department reports the case withdrawn');
      return done();
    case 'rejected':
      // The department refused the request itself (a 4xx with its reason): the item's answer.
      return decide(
        await applyDecision(tx, deps, department, {
          caseRef,
          decidedAt: now.toISOString(),
          decision: { outcome: 'rejected', reason: { code: answer.code, message: answer.message } },
        }),
      );
    case 'decided': {
      const contract = departmentContracts[department].decision;
      const checked = contract.schema.safeParse(answer.decision);
      if (!checked.success) return aside(`invalid ${contract.type}: ${issuesOf(checked.error)}`);
      const translated = translateDecision(department, checked.data as DepartmentDecision<typeof department>);
      if (translated.caseRef !== caseRef) {
        return aside(`asked about ${caseRef}, the department answered about ${translated.caseRef}`);
      }
      return decide(await applyDecision(tx, deps, department, translated));
    }
    case 'unusable':
      deps.logger.error(
        { department, caseRef, kind: row.kind, reason: answer.reason },
        'department answer set aside',
      );
      return aside(answer.reason);
  }
}
