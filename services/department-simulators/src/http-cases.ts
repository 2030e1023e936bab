import { createHash } from 'node:crypto';
import type { Department } from '@onego/contracts';
import type { Database } from '@onego/db';
import type { Vault } from '@onego/vault';
import { and, eq } from 'drizzle-orm';
import { httpCases } from './db/schema.ts';
import type { Behaviour } from './domain/behaviour.ts';
import { respond } from './domain/decide.ts';
import { digitsFrom } from './domain/numbers.ts';
import { type DepartmentSystem, type SystemRequest, systems } from './domain/systems.ts';
import { isWithdrawn, recordReceived, withdraw } from './records.ts';

// The case files of a legacy (HTTP-style) department system: what a submission, a status query
// and a withdrawal do, each in one transaction, answered as [HTTP status, body] only after it
// commits (a receipt must mean the case is kept). Errors are `{ code, message }` in the
// department's terms.

export type Answer = [status: number, body: object];
export const refusal = (code: string, message: string) => ({ code, message });
const receipt = (caseRef: string, receiptNo: string, receivedAt: Date) => ({
  caseRef,
  receiptNo,
  status: 'RECEIVED',
  receivedAt: receivedAt.toISOString(),
});

/** JSON with its keys sorted: the same request always hashes the same, however it was serialised. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

export interface Arrival {
  department: Department;
  subject: string;
  /** The body exactly as it arrived, and as parsed and checked against the contract. */
  text: string;
  body: unknown;
  now: Date;
}

export function createCaseFiles(db: Database, vault: Vault) {
  const decisionAad = (department: string, caseRef: string) => `http_cases.decision:${department}/${caseRef}`;
  const caseOf = (tx: Pick<Database, 'select'>, department: Department, caseRef: string) =>
    tx
      .select()
      .from(httpCases)
      .where(and(eq(httpCases.department, department), eq(httpCases.caseRef, caseRef)));

  return {
    /** A submission under an Idempotency-Key: a receipt, the same receipt again, or a refusal. */
    submit(arrival: Arrival, key: string, behaviour: Behaviour): Promise<Answer> {
      const { department, now } = arrival;
      const system = systems[department] as DepartmentSystem<Department>;
      const request = arrival.body as SystemRequest<Department>;
      const caseRef = system.caseRefOf(request);
      const hash = createHash('sha256').update(canonical(arrival.body)).digest('hex');
      return db.transaction(async (tx): Promise<Answer> => {
        await recordReceived(tx, vault, {
          department,
          transport: 'http',
          kind: 'request',
          subject: arrival.subject,
          caseRef,
          payload: arrival.text,
          receivedAt: now,
        });
        const [existing] = await caseOf(tx, department, caseRef).for('update');
        if (existing) {
          if (existing.idempotencyKey !== key) {
            return [409, refusal('DUPLICATE_CASE', `业务流水号 ${caseRef} 已受理`)];
          }
          if (existing.requestHash !== hash) {
            return [422, refusal('IDEMPOTENCY_KEY_REUSED', '同一幂等键提交了不同的内容')];
          }
          return [202, receipt(caseRef, existing.receiptNo, existing.receivedAt)];
        }
        if (await isWithdrawn(tx, department, caseRef)) {
          return [409, refusal('CASE_CANCELLED', `业务 ${caseRef} 已撤回`)];
        }
        const response = respond(department, request, behaviour, now);
        if (response.kind === 'down') return [503, refusal('SERVICE_UNAVAILABLE', '系统维护中，请稍后再试')];
        const receiptNo = `SL${digitsFrom(caseRef, 'receipt', 14)}`;
        await tx.insert(httpCases).values({
          department,
          caseRef,
          idempotencyKey: key,
          requestHash: hash,
          receiptNo,
          receivedAt: now,
          decisionSealed: vault.sealJson(response.decision, decisionAad(department, caseRef)),
          conforms: response.conforms,
          dueAt: response.dueAt,
        });
        return [202, receipt(caseRef, receiptNo, now)];
      });
    },

    /** Where a case stands: withdrawn, unknown, still being processed, or decided (with the decision). */
    async state(department: Department, caseRef: string, now: Date): Promise<Answer> {
      if (await isWithdrawn(db, department, caseRef)) return [200, { caseRef, status: 'CANCELLED' }];
      const [found] = await caseOf(db, department, caseRef);
      if (!found) return [404, refusal('CASE_NOT_FOUND', `未找到业务 ${caseRef}`)];
      if (found.dueAt > now) return [200, { caseRef, receiptNo: found.receiptNo, status: 'PROCESSING' }];
      return [
        200,
        {
          caseRef,
          receiptNo: found.receiptNo,
          status: 'DECIDED',
          decision: vault.openJson(found.decisionSealed, decisionAad(department, caseRef)),
        },
      ];
    },

    /** A withdrawal, recorded even before the case arrives; too late once it is decided. */
    withdraw(
      arrival: Arrival,
      cancellation: { ref: string; reason: string; cancelledAt: string },
    ): Promise<Answer> {
      const { department, now } = arrival;
      const caseRef = cancellation.ref;
      return db.transaction(async (tx): Promise<Answer> => {
        await recordReceived(tx, vault, {
          department,
          transport: 'http',
          kind: 'cancellation',
          subject: arrival.subject,
          caseRef,
          payload: arrival.text,
          receivedAt: now,
        });
        const [found] = await caseOf(tx, department, caseRef).for('update');
        if (found && found.dueAt <= now && !(await isWithdrawn(tx, department, caseRef))) {
          return [409, refusal('ALREADY_DECIDED', `业务 ${caseRef} 已办结，不能撤回`)];
        }
        await withdraw(tx, department, { ...cancellation, cancelledAt: new Date(cancellation.cancelledAt) });
        return [200, { caseRef, status: 'CANCELLED' }];
      });
    },
  };
}
