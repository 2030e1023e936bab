import type { DataOf, Envelope, MessageContract, Namespace } from '@onego/contracts';
import type { Transaction } from '@onego/db';
import type { Vault } from '@onego/vault';
import { sql } from 'drizzle-orm';
import { createEvent, type EventOptions } from './events.ts';
import type { MessagingTables } from './tables.ts';
import { currentTraceHeaders } from './trace.ts';

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
  readonly channel: string;
}

export const outboxChannel = (schema: string) => `onego_outbox_${schema}`;
/** Where an outbox row's sealed payload belongs (its associated data). */
export const outboxAad = (id: string) => `outbox.payload:${id}`;

export function createOutbox(options: {
  tables: MessagingTables;
  schema: string;
  namespace: Namespace;
  source: string;
  vault: Vault;
}): Outbox {
  const channel = outboxChannel(options.schema);
  async function enqueueEnvelope(tx: Transaction, subject: string, envelope: Envelope) {
    await tx.insert(options.tables.outbox).values({
      id: envelope.id,
      subject,
      type: envelope.type,
      payload: options.vault.seal(JSON.stringify(envelope), outboxAad(envelope.id)),
      headers: currentTraceHeaders(),
    });
    // Delivered at commit, and only if the transaction commits: wakes the relay at once.
    await tx.execute(sql`select pg_notify(${channel}, '')`);
    return envelope.id;
  }
  return {
    channel,
    enqueueEnvelope,
    enqueue(tx, contract, data, eventOptions = {}) {
      const event = createEvent(contract, data, { ...eventOptions, source: options.source });
      return enqueueEnvelope(tx, options.namespace.subject(contract, data), event);
    },
  };
}
