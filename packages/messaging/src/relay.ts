import type { JetStreamClient } from '@nats-io/jetstream';
import type { Vault } from '@onego/vault';
import type postgres from 'postgres';
import { failpoint } from './failpoints.ts';
import { backoffMs, createWaker, type Logger, sleep } from './logger.ts';
import { outboxAad } from './outbox.ts';
import { publishTraced } from './publish.ts';
import { contextFromHeaders } from './trace.ts';

// The relay publishes committed outbox rows that nobody has published: those whose process died
// between commit and publish, those whose publish failed, those written outside a tracked
// transaction (it is kicked then). It publishes with msgID = event id, so a row published twice
// (a crash between publish and marking it sent) is dropped by JetStream's duplicate window and,
// beyond it, by the consumers' inbox. What is unsent is the outbox_unsent table: its rows are
// claimed with FOR UPDATE SKIP LOCKED, so several replicas can relay the same outbox without
// contention, and deleted once their events are published.

/** How long after the grace a sweep asked for by `soon` comes: the rows are past it by then. */
const SOON_MARGIN_MS = 250;

export interface RelayOptions {
  sql: postgres.Sql;
  schema: string;
  js: JetStreamClient;
  vault: Vault;
  logger: Logger;
  batchSize?: number;
  /** How long to sleep between sweeps when there is nothing to send and no kick. */
  idleMs?: number;
  /**
   * Rows younger than this are left to the publisher that sends them after commit (it marks
   * them within milliseconds); the first sweep after start and a kicked sweep take every row.
   */
  graceMs?: number;
  publishTimeoutMs?: number;
}

interface Row {
  id: string;
  subject: string;
  payload: string;
  headers: Record<string, string>;
}

export function startOutboxRelay(options: RelayOptions) {
  const { sql, schema, js, logger } = options;
  const batchSize = options.batchSize ?? 256;
  const idleMs = options.idleMs ?? 1000;
  const graceMs = options.graceMs ?? 0;
  const timeout = options.publishTimeoutMs ?? 5000;
  const stopping = new AbortController();
  const waker = createWaker(stopping.signal);
  let kicked = true;
  let failures = 0;
  let soonTimer: NodeJS.Timeout | undefined;

  async function relayBatch(olderThanMs: number): Promise<{ claimed: number; failed: number }> {
    return sql.begin(async (tx) => {
      const rows = await tx<Row[]>`
        select o.id, o.subject, o.payload, o.headers
        from ${tx(schema)}.outbox_unsent u join ${tx(schema)}.outbox o on o.id = u.id
        where u.since <= now() - ${`${olderThanMs} milliseconds`}::interval
        order by o.seq limit ${batchSize} for update of u skip locked`;
      if (rows.length === 0) return { claimed: 0, failed: 0 };
      await failpoint('relay.before-publish');
      const results = await Promise.allSettled(
        rows.map((row) =>
          publishTraced(js, {
            subject: row.subject,
            payload: options.vault.open(row.payload, outboxAad(row.id)),
            msgID: row.id,
            parent: contextFromHeaders(row.headers),
            timeout,
          }),
        ),
      );
      await failpoint('relay.after-publish-before-mark');
      const sent = rows.filter((_, i) => results[i]?.status === 'fulfilled').map((r) => r.id);
      const errors = rows.flatMap((r, i) => {
        const result = results[i];
        return result?.status === 'rejected'
          ? [{ id: r.id, error: String(result.reason).slice(0, 500) }]
          : [];
      });
      if (sent.length > 0) {
        await tx`delete from ${tx(schema)}.outbox_unsent where id = any(${tx.array(sent)}::uuid[])`;
      }
      if (errors.length > 0) {
        await tx`update ${tx(schema)}.outbox_unsent u set attempts = u.attempts + 1, last_error = e.error
                 from (select unnest(${tx.array(errors.map((e) => e.id))}::uuid[]) as id,
                              unnest(${tx.array(errors.map((e) => e.error))}::text[]) as error) e
                 where u.id = e.id`;
        logger.warn(
          { schema, failed: errors.length, error: errors[0]?.error },
          'outbox publish failed; will retry',
        );
      }
      return { claimed: rows.length, failed: errors.length };
    });
  }

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const sweepAll: boolean = kicked;
        kicked = false;
        const { claimed, failed } = await relayBatch(sweepAll ? 0 : graceMs);
        failures = failed > 0 ? failures + 1 : 0;
        if (failed > 0) await sleep(backoffMs(failures, 250, 10_000), stopping.signal);
        else if (claimed < batchSize) await waker.wait(idleMs);
        // A full batch: more are waiting, sweep again at once (the whole table if this was a full sweep).
        else kicked ||= sweepAll;
      } catch (error) {
        failures += 1;
        logger.warn({ schema, error: String(error) }, 'outbox relay cannot reach the database; will retry');
        await sleep(backoffMs(failures, 250, 10_000), stopping.signal);
      }
    }
  })();

  return {
    /** Sweeps the whole outbox soon: rows were written that no publisher will send after commit. */
    kick() {
      kicked = true;
      waker.wake();
    },
    /**
     * Sweeps once the grace has passed: the publisher could not send some events (a failed
     * publish, too many in flight), which are then old enough to be taken.
     */
    soon() {
      if (soonTimer || stopping.signal.aborted) return;
      soonTimer = setTimeout(() => {
        soonTimer = undefined;
        waker.wake();
      }, graceMs + SOON_MARGIN_MS);
    },
    /** Stops after the batch in flight; rows not yet published stay for the next start. */
    async stop() {
      clearTimeout(soonTimer);
      stopping.abort();
      await loop;
    },
  };
}

export type Relay = ReturnType<typeof startOutboxRelay>;
