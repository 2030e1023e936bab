import { randomUUID } from 'node:crypto';
import { type Department, departmentContracts, type Envelope, type Namespace } from '@onego/contracts';
import type { Database, Transaction } from '@onego/db';
import {
  contextFromHeaders,
  createEvent,
  currentTraceHeaders,
  type Nats,
  publishTraced,
} from '@onego/messaging';
import type { Vault } from '@onego/vault';
import { and, asc, inArray, lte, sql } from 'drizzle-orm';
import { pendingAnswers } from './db/schema.ts';

// How an event-native department system sends its decisions: each answer is written in the same
// transaction as the request's receipt (its own outbox), then published, when due, on the
// system's own connection (its own NATS credentials), with the CloudEvent id as msgID so that
// a publish repeated after a failure is de-duplicated.

export interface Answer {
  caseRef: string;
  dueAt: Date;
  decision: Record<string, unknown>;
  conforms: boolean;
}

export const ANSWERS_CHANNEL = 'onego_simulator_answers';
type Row = typeof pendingAnswers.$inferSelect;

export function createAnswerDesk(options: {
  vault: Vault;
  namespace: Namespace;
  source: string;
  systems: ReadonlyMap<Department, Nats>;
}) {
  const { namespace, source, systems, vault } = options;
  // A pending decision may carry the child's new citizen ID: sealed, bound to its message id.
  const decisionAad = (messageId: string) => `pending_answers.decision:${messageId}`;
  const decisionOf = (row: Row) =>
    vault.openJson<Record<string, unknown>>(row.decisionSealed, decisionAad(row.messageId));

  function envelopeOf(row: Row): Envelope {
    const contract = departmentContracts[row.department].decision;
    const meta = { source, subject: row.caseRef, id: row.messageId, time: row.dueAt };
    if (row.conforms) return createEvent(contract, decisionOf(row) as never, meta);
    // A deliberately malformed decision: createEvent validates (and would refuse it).
    return {
      specversion: '1.0',
      id: row.messageId,
      source,
      type: contract.type,
      subject: row.caseRef,
      time: row.dueAt.toISOString(),
      datacontenttype: 'application/json',
      data: decisionOf(row),
    };
  }

  async function publish(row: Row) {
    const system = systems.get(row.department);
    if (!system) throw new Error(`the ${row.department} system has no NATS connection`);
    const contract = departmentContracts[row.department].decision;
    const event = envelopeOf(row);
    await publishTraced(system.js, {
      subject: namespace.subject(contract, decisionOf(row) as never),
      payload: JSON.stringify(event),
      msgID: event.id,
      parent: contextFromHeaders(row.headers),
    });
  }

  return {
    /** Keeps the answer until it is due (now, or later for a slow department). */
    async answer(tx: Transaction, department: Department, answer: Answer) {
      const { caseRef, dueAt, decision, conforms } = answer;
      const messageId = randomUUID();
      await tx.insert(pendingAnswers).values({
        department,
        caseRef,
        dueAt,
        messageId,
        decisionSealed: vault.sealJson(decision, decisionAad(messageId)),
        conforms,
        headers: currentTraceHeaders(),
      });
      await tx.execute(sql`select pg_notify(${ANSWERS_CHANNEL}, '')`);
    },

    /** Publishes the answers that are due; several replicas may run this at once. */
    async sendDue(db: Database, now: Date): Promise<{ due: number; failed: number; error?: string }> {
      if (systems.size === 0) return { due: 0, failed: 0 };
      return db.transaction(async (tx) => {
        const due = await tx
          .select()
          .from(pendingAnswers)
          .where(and(lte(pendingAnswers.dueAt, now), inArray(pendingAnswers.department, [...systems.keys()])))
          .orderBy(asc(pendingAnswers.dueAt))
          .limit(100)
          .for('update', { skipLocked: true });
        const results = await Promise.allSettled(due.map(publish));
        const sent = due.filter((_, i) => results[i]?.status === 'fulfilled').map((r) => r.id);
        if (sent.length > 0) await tx.delete(pendingAnswers).where(inArray(pendingAnswers.id, sent));
        const failed = results.filter((r) => r.status === 'rejected');
        return {
          due: due.length,
          failed: failed.length,
          ...(failed[0] && { error: String(failed[0].reason) }),
        };
      });
    },
  };
}

export type AnswerDesk = ReturnType<typeof createAnswerDesk>;
