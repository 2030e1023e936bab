import type { DataOf, Envelope, MessageContract, Namespace } from '@onego/contracts';
import { afterCommit, insertAtCommit, perTransaction, type Transaction } from '@onego/db';
import type { Vault } from '@onego/vault';
import type { Context } from '@opentelemetry/api';
import { createEvent, type EventOptions } from './events.ts';
import type { MessagingTables } from './tables.ts';
import { activeContext, currentTraceHeaders } from './trace.ts';

export interface Outbox {
  /** Adds an event to the outbox inside the caller's transaction: it is published only if that commits. */
  enqueue<C extends MessageContract>(
    tx: Transaction,
    contract: C,
    data: DataOf<C>,
    options?: Omit<EventOptions, 'source'>,
  ): Promise<string>;
  /**
   * Adds an already-built envelope without checking it against a contract. Only for producers
   * that must be able to send what they built themselves, right or wrong: the simulated
   * department systems, which can be told to misbehave. Services use `enqueue`.
   */
  enqueueEnvelope(tx: Transaction, subject: string, envelope: Envelope): Promise<string>;
}

/** An event whose transaction committed, as the publisher sends it straight away. */
export interface CommittedEvent {
  id: string;
  subject: string;
  /** The CloudEvent's JSON (the row holds it sealed). */
  payload: string;
  /** The trace the event was made in: its `publish` span is a child of it. */
  parent: Context;
}

/** Who sends committed events: at once after commit, or (`kick`) by sweeping the outbox table soon. */
export interface OutboxPublisher {
  committed(events: CommittedEvent[]): void;
  kick(): void;
}

/** Where an outbox row's sealed payload belongs (its associated data). */
export const outboxAad = (id: string) => `outbox.payload:${id}`;

// Within a transaction from `openDatabase`, the events are gathered and written in one insert
// at the end of the transaction, then handed to the publisher once it has committed: JetStream
// gets them within milliseconds and the relay only sweeps up after a crash. In any other
// transaction (a savepoint, a test's own pool) each event is inserted at once and the publisher
// is asked to sweep the table soon instead.

export function createOutbox(options: {
  tables: MessagingTables;
  namespace: Namespace;
  source: string;
  vault: Vault;
  publisher?: OutboxPublisher;
}): Outbox {
  const { tables, vault, publisher } = options;
  // The events a tracked transaction enqueued, handed to the publisher once it has committed.
  const committed = perTransaction((tx: Transaction) => {
    const events: CommittedEvent[] = [];
    return publisher && afterCommit(tx, () => publisher.committed(events)) ? events : undefined;
  });

  async function enqueueEnvelope(tx: Transaction, subject: string, envelope: Envelope) {
    const payload = JSON.stringify(envelope);
    const row = {
      id: envelope.id,
      subject,
      type: envelope.type,
      payload: vault.seal(payload, outboxAad(envelope.id)),
      headers: currentTraceHeaders(),
    };
    // With the COMMIT: nothing in the transaction refers to an event it enqueues. The event and
    // its unsent mark go in the same write, one insert each for all the transaction's events.
    await insertAtCommit(tx, tables.outbox, row, { withCommit: true });
    await insertAtCommit(tx, tables.outboxUnsent, { id: envelope.id }, { withCommit: true });
    const events = committed(tx);
    if (events) events.push({ id: envelope.id, subject, payload, parent: activeContext() });
    else publisher?.kick();
    return envelope.id;
  }
  return {
    enqueueEnvelope,
    enqueue(tx, contract, data, eventOptions = {}) {
      const event = createEvent(contract, data, { ...eventOptions, source: options.source });
      return enqueueEnvelope(tx, options.namespace.subject(contract, data), event);
    },
  };
}
