import { randomUUID } from 'node:crypto';
import { type Department, departmentContracts, type Envelope, type Namespace } from '@onego/contracts';
import { afterCommit, anyOf, beforeCommit, type Database, perTransaction, type Transaction } from '@onego/db';
import {
  activeContext,
  type CommittedEvent,
  contextFromHeaders,
  createEvent,
  createPublisher,
  currentTraceHeaders,
  type Logger,
  type Nats,
  publishTraced,
} from '@onego/messaging';
import type { Vault } from '@onego/vault';
import { and, asc, inArray, lte, notInArray } from 'drizzle-orm';
import { pendingAnswers } from './db/schema.ts';

// How an event-native department system sends its decisions: each answer is written in the same
// transaction as the request's receipt (its own outbox) and, once that commits, an answer due
// at once is published on the system's own connection (its own NATS credentials) and its row
// deleted; a later answer (a slow department), or one whose publish failed, is sent by the
// scheduler when due. The CloudEvent id is the msgID, so a publish repeated is de-duplicated.

export interface Answer {
  caseRef: string;
  dueAt: Date;
  decision: Record<string, unknown>;
  conforms: boolean;
}

type Row = typeof pendingAnswers.$inferSelect;
type NewRow = typeof pendingAnswers.$inferInsert & { messageId: string };
type Outgoing = CommittedEvent & { department: Department };

export function createAnswerDesk(options: {
  db: Database;
  vault: Vault;
  namespace: Namespace;
  source: string;
  systems: ReadonlyMap<Department, Nats>;
  logger: Logger;
  clock: () => Date;
}) {
  const { db, namespace, source, systems, vault, clock } = options;
  const listeners = new Set<(dueAt: Date) => void>();
  // A pending decision may carry the child's new citizen ID: sealed, bound to its message id.
  const decisionAad = (messageId: string) => `pending_answers.decision:${messageId}`;

  function envelopeOf(
    department: Department,
    row: { caseRef: string; messageId: string; dueAt: Date; conforms: boolean },
    decision: Record<string, unknown>,
  ): Envelope {
    const contract = departmentContracts[department].decision;
    const meta = { source, subject: row.caseRef, id: row.messageId, time: row.dueAt };
    if (row.conforms) return createEvent(contract, decision as never, meta);
    // A deliberately malformed decision: createEvent validates (and would refuse it).
    return {
      specversion: '1.0',
      id: row.messageId,
      source,
      type: contract.type,
      subject: row.caseRef,
      time: row.dueAt.toISOString(),
      datacontenttype: 'application/json',
      data: decision,
    };
  }

  function send(
    department: Department,
    subject: string,
    payload: string,
    id: string,
    parent = activeContext(),
  ) {
    const system = systems.get(department);
    if (!system) throw new Error(`the ${department} system has no NATS connection`);
    return publishTraced(system.js, { subject, payload, msgID: id, parent });
  }

  /** Answers due at once, published the moment their transaction commits. */
  const sending = new Set<string>();
  const publisher = createPublisher<Outgoing>({
    what: 'department systems’ answers',
    logger: options.logger,
    send: (answer) => send(answer.department, answer.subject, answer.payload, answer.id, answer.parent),
    async settle(ids) {
      try {
        await db.delete(pendingAnswers).where(anyOf(pendingAnswers.messageId, ids));
      } finally {
        for (const id of ids) sending.delete(id);
      }
    },
    // Not published: the scheduler's to send (it skips those in `sending`, or they would wait forever).
    unsent(ids) {
      for (const id of ids) sending.delete(id);
    },
  });

  function outgoing(department: Department, row: NewRow, decision: Record<string, unknown>): Outgoing {
    const contract = departmentContracts[department].decision;
    return {
      id: row.messageId,
      department,
      subject: namespace.subject(contract, decision as never),
      payload: JSON.stringify(envelopeOf(department, row, decision)),
      parent: activeContext(),
    };
  }

  // The answers a transaction writes: inserted in one statement at its end, sent after its commit.
  const written = perTransaction((tx: Transaction) => {
    const rows: NewRow[] = [];
    const now: Outgoing[] = [];
    const later: Date[] = [];
    const tracked =
      beforeCommit(tx, async () => {
        if (rows.length > 0) await tx.insert(pendingAnswers).values(rows);
      }) &&
      afterCommit(tx, () => {
        for (const answer of now) sending.add(answer.id);
        publisher.committed(now);
        for (const dueAt of later) for (const listener of listeners) listener(dueAt);
      });
    return { rows, now, later, tracked };
  });

  async function publishRow(row: Row) {
    const contract = departmentContracts[row.department].decision;
    const decision = vault.openJson<Record<string, unknown>>(row.decisionSealed, decisionAad(row.messageId));
    const event = envelopeOf(row.department, row, decision);
    await send(
      row.department,
      namespace.subject(contract, decision as never),
      JSON.stringify(event),
      event.id,
      contextFromHeaders(row.headers),
    );
  }

  return {
    /** Keeps the answer until it is due (now, or later for a slow department). */
    async answer(tx: Transaction, department: Department, answer: Answer) {
      const { caseRef, dueAt, decision, conforms } = answer;
      const row: NewRow = {
        department,
        caseRef,
        dueAt,
        messageId: randomUUID(),
        decisionSealed: '',
        conforms,
        headers: currentTraceHeaders(),
      };
      row.decisionSealed = vault.sealJson(decision, decisionAad(row.messageId));
      const pending = written(tx);
      if (!pending.tracked) {
        await tx.insert(pendingAnswers).values(row);
        for (const listener of listeners) listener(dueAt);
        return;
      }
      pending.rows.push(row);
      if (dueAt <= clock()) pending.now.push(outgoing(department, row, decision));
      else pending.later.push(dueAt);
    },

    /** Calls `listener` with the due time of each committed answer that is not sent at once. */
    onAnswer(listener: (dueAt: Date) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Publishes the answers that are due; several replicas may run this at once. */
    async sendDue(now: Date): Promise<{ due: number; failed: number; error?: string }> {
      if (systems.size === 0) return { due: 0, failed: 0 };
      return db.transaction(async (tx) => {
        const due = await tx
          .select()
          .from(pendingAnswers)
          .where(
            and(
              lte(pendingAnswers.dueAt, now),
              inArray(pendingAnswers.department, [...systems.keys()]),
              // Those being published after their commit are not sent twice from here.
              ...(sending.size > 0 ? [notInArray(pendingAnswers.messageId, [...sending])] : []),
            ),
          )
          .orderBy(asc(pendingAnswers.dueAt))
          .limit(100)
          .for('update', { skipLocked: true });
        const results = await Promise.allSettled(due.map(publishRow));
        const sent = due.filter((_, i) => results[i]?.status === 'fulfilled').map((r) => r.id);
        if (sent.length > 0) await tx.delete(pendingAnswers).where(anyOf(pendingAnswers.id, sent));
        const failed = results.filter((r) => r.status === 'rejected');
        return {
          due: due.length,
          failed: failed.length,
          ...(failed[0] && { error: String(failed[0].reason) }),
        };
      });
    },

    /** Waits for the answers being published after their commit. */
    stop: () => publisher.stop(),
  };
}

export type AnswerDesk = ReturnType<typeof createAnswerDesk>;
