import type { JetStreamClient } from '@nats-io/jetstream';
import type { Vault } from '@onego/vault';
import type postgres from 'postgres';
import { failpoint } from './failpoints.ts';
import { backoffMs, type Logger, sleep } from './logger.ts';
import { outboxAad, outboxChannel } from './outbox.ts';
import { publishTraced } from './publish.ts';
import { contextFromHeaders } from './trace.ts';

// The relay publishes committed outbox rows to JetStream with msgID = event id, so a row
// published twice (a crash between publish and marking it sent) is dropped by JetStream's
// duplicate window and, beyond it, by the consumers' inbox. Rows are claimed with
// FOR UPDATE SKIP LOCKED, so several replicas can relay the same outbox without contention.

export interface RelayOptions {
  sql: postgres.Sql;
  schema: string;
  js: JetStreamClient;
  vault: Vault;
  logger: Logger;
  batchSize?: number;
  /** How long to sleep when idle if no notification arrives (a safety net for lost NOTIFYs). */
  idleMs?: number;
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
  const timeout = options.publishTimeoutMs ?? 5000;
  const stopping = new AbortController();
  let wake: (() => void) | undefined;
  let failures = 0;

  async function relayBatch(): Promise<{ claimed: number; failed: number }> {
    return sql.begin(async (tx) => {
      const rows = await tx<Row[]>`
        select id, subject, payload, headers from ${tx(schema)}.outbox
        where published_at is null order by seq limit ${batchSize} for update skip locked`;
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
        await tx`update ${tx(schema)}.outbox set published_at = now(), attempts = attempts + 1
                 where id = any(${tx.array(sent)}::uuid[])`;
      }
      if (errors.length > 0) {
        await tx`update ${tx(schema)}.outbox o set attempts = o.attempts + 1, last_error = e.error
                 from (select unnest(${tx.array(errors.map((e) => e.id))}::uuid[]) as id,
                              unnest(${tx.array(errors.map((e) => e.error))}::text[]) as error) e
                 where o.id = e.id`;
        logger.warn(
          { schema, failed: errors.length, error: errors[0]?.error },
          'outbox publish failed; will retry',
        );
      }
      return { claimed: rows.length, failed: errors.length };
    });
  }

  async function waitForWork(ms: number) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
      stopping.signal.addEventListener('abort', () => wake?.(), { once: true });
    });
    wake = undefined;
  }

  const listening = sql
    .listen(outboxChannel(schema), () => wake?.())
    .catch((error) => {
      logger.warn({ schema, error: String(error) }, 'outbox LISTEN failed; relying on polling');
      return undefined;
    });

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const { claimed, failed } = await relayBatch();
        failures = failed > 0 ? failures + 1 : 0;
        if (failed > 0) await sleep(backoffMs(failures, 250, 10_000), stopping.signal);
        else if (claimed < batchSize) await waitForWork(idleMs);
      } catch (error) {
        failures += 1;
        logger.warn({ schema, error: String(error) }, 'outbox relay cannot reach the database; will retry');
        await sleep(backoffMs(failures, 250, 10_000), stopping.signal);
      }
    }
  })();

  return {
    /** Stops after the batch in flight; rows not yet published stay for the next start. */
    async stop() {
      stopping.abort();
      await loop;
      await (await listening)?.unlisten().catch(() => {});
    },
  };
}
