import type { JetStreamClient } from '@nats-io/jetstream';
import type postgres from 'postgres';
import { failpoint } from './failpoints.ts';
import type { Logger } from './logger.ts';
import type { CommittedEvent } from './outbox.ts';
import { publishTraced } from './publish.ts';

// Publishes each committed event the moment its transaction commits, from memory (no second
// read, no decryption), with msgID = event id, then settles them (deletes their unsent marks, or
// the rows that held them) in one statement per burst. A crash or a failed publish leaves rows
// unsettled: a sweeper (the outbox relay) sends them later, and JetStream's duplicate window
// (beyond it, the consumers' inbox) absorbs a second publication.

export interface PublisherOptions<E extends CommittedEvent> {
  /** Publishes one event (with msgID = its id). */
  send(event: E): Promise<unknown>;
  /** Records that these events were published; they are then no sweeper's business. */
  settle(ids: string[]): Promise<void>;
  /** Told of events not published (a failed publish, or too many in flight): the sweeper's now. */
  unsent?: (ids: string[]) => void;
  logger: Logger;
  /** What the log lines name. */
  what: string;
  /** Events in flight beyond which new ones are left to the sweeper (JetStream is not keeping up). */
  maxInFlight?: number;
  /**
   * How long settlements gather before one statement writes them (default 1 s): at a few events
   * a second, a statement (and a transaction) every 250 ms was most of a service's idle writes.
   * It must stay well under the sweeper's grace (5 s), or the sweeper sends events again.
   */
  settleDelayMs?: number;
}

export function createPublisher<E extends CommittedEvent>(options: PublisherOptions<E>) {
  const { logger, what } = options;
  const maxInFlight = options.maxInFlight ?? 5000;
  const settleDelayMs = options.settleDelayMs ?? 1000;
  const pending = new Set<Promise<void>>();
  let inFlight = 0;
  let sent: string[] = [];
  let settling: Promise<void> | undefined;
  let stopped = false;

  // Cuts the gathering short when the publisher stops, so stopping does not wait for it.
  let hurry: (() => void) | undefined;

  async function settle() {
    if (!stopped)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, settleDelayMs);
        hurry = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    hurry = undefined;
    while (sent.length > 0) {
      const ids = sent;
      sent = [];
      await failpoint('relay.after-publish-before-mark');
      try {
        await options.settle(ids);
      } catch (error) {
        // Unsettled rows are published again by the sweeper; JetStream drops the duplicates.
        logger.warn({ what, rows: ids.length, error: String(error) }, 'cannot record events as sent');
      }
    }
  }

  function scheduleSettle() {
    if (settling || sent.length === 0) return;
    settling = settle().finally(() => {
      settling = undefined;
      scheduleSettle();
    });
  }

  async function publish(events: E[]) {
    inFlight += events.length;
    try {
      await failpoint('relay.before-publish');
      const results = await Promise.allSettled(events.map((event) => options.send(event)));
      const failed = results.filter((r) => r.status === 'rejected');
      if (failed.length > 0) {
        logger.warn(
          { what, failed: failed.length, error: String(failed[0]?.reason) },
          'publish after commit failed; it will be swept up and sent again',
        );
      }
      sent.push(...events.filter((_, i) => results[i]?.status === 'fulfilled').map((e) => e.id));
      if (failed.length > 0)
        options.unsent?.(events.filter((_, i) => results[i]?.status === 'rejected').map((e) => e.id));
      scheduleSettle();
    } finally {
      inFlight -= events.length;
    }
  }

  return {
    /** Publishes events whose transaction has committed (none once stopped, or when overloaded). */
    committed(events: E[]) {
      if (events.length === 0) return;
      if (stopped || inFlight + events.length > maxInFlight) {
        options.unsent?.(events.map((e) => e.id));
        return;
      }
      const task = publish(events).finally(() => pending.delete(task));
      pending.add(task);
    },
    /** Waits for what is being published and settled; events committed afterwards are swept up. */
    async stop() {
      stopped = true;
      await Promise.allSettled(pending);
      hurry?.();
      await settling;
    },
  };
}

export type Publisher<E extends CommittedEvent = CommittedEvent> = ReturnType<typeof createPublisher<E>>;

/** The publisher of a service's outbox: sends on the service's connection, then deletes the events' unsent marks. */
export function createOutboxPublisher(options: {
  sql: postgres.Sql;
  schema: string;
  js: JetStreamClient;
  logger: Logger;
  publishTimeoutMs?: number;
  /** Told of events not published, which the relay is to send. */
  unsent?: (ids: string[]) => void;
}) {
  const { sql, schema, js } = options;
  const timeout = options.publishTimeoutMs ?? 5000;
  return createPublisher<CommittedEvent>({
    what: `${schema} outbox`,
    logger: options.logger,
    ...(options.unsent && { unsent: options.unsent }),
    send: (event) =>
      publishTraced(js, {
        subject: event.subject,
        payload: event.payload,
        msgID: event.id,
        parent: event.parent,
        timeout,
      }),
    async settle(ids) {
      await sql`delete from ${sql(schema)}.outbox_unsent where id = any(${sql.array(ids)}::uuid[])`;
    },
  });
}
