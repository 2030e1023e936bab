import type postgres from 'postgres';
import { backoffMs, type Logger, sleep } from './logger.ts';
import { STREAM_MAX_AGE_DAYS } from './nats.ts';

// The outbox and the inbox only need their rows for as long as a message can come back: an
// event is redelivered or re-published (recovery.ts) only while its stream still holds it, for
// STREAM_MAX_AGE_DAYS. Older published outbox rows and older inbox rows are deleted, a bounded
// batch at a time, so both tables stay the size of the last weeks' traffic instead of growing
// with every application ever made (at ten million applications, 320 million rows each, and
// every consumer's inbox insert and every relay sweep on an index that no longer fits in
// memory). Unpublished outbox rows are never deleted, whatever their age; dead letters are kept
// for an operator.

const DAY_MS = 24 * 3600 * 1000;

/**
 * How long published outbox rows and inbox rows are kept: 30 days, or ONEGO_MESSAGE_HISTORY_DAYS,
 * which must exceed the streams' retention by at least a day.
 */
export function messageHistoryMs(env: Record<string, string | undefined> = process.env) {
  const text = env.ONEGO_MESSAGE_HISTORY_DAYS;
  if (text === undefined || text === '') return 30 * DAY_MS;
  const days = Number(text);
  const least = STREAM_MAX_AGE_DAYS + 1;
  if (!Number.isInteger(days) || days < least || days > 3650) {
    throw new Error(
      `ONEGO_MESSAGE_HISTORY_DAYS: expected whole days from ${least} (the streams keep ${STREAM_MAX_AGE_DAYS}) to 3650, got "${text}"`,
    );
  }
  return days * DAY_MS;
}

export interface RetentionOptions {
  sql: postgres.Sql;
  schema: string;
  logger: Logger;
  /** Rows older than this go (see messageHistoryMs). */
  keepMs: number;
  /** Between sweeps (default an hour); the first comes after `firstAfterMs` (default a minute). */
  intervalMs?: number;
  firstAfterMs?: number;
  /** Rows deleted per statement: each is its own short transaction. */
  batchSize?: number;
}

export interface Pruned {
  outbox: number;
  inbox: number;
}

/** Deletes, batch after batch, published outbox rows and inbox rows older than `keepMs`. */
export async function pruneMessages(
  options: Pick<RetentionOptions, 'sql' | 'schema' | 'keepMs' | 'batchSize'>,
): Promise<Pruned> {
  const { sql, schema } = options;
  const batchSize = options.batchSize ?? 5000;
  const before = new Date(Date.now() - options.keepMs).toISOString();
  const pruned: Pruned = { outbox: 0, inbox: 0 };
  // Outbox rows are numbered in the order they were written: walk them from the oldest along
  // the key, a batch at a time, deleting the published ones that are old enough, and stop at
  // the first batch that reaches rows written after the cut-off (the rest are younger). An old
  // row not yet published is stepped over and stays.
  let after = 0;
  for (;;) {
    const [step] = await sql<{ deleted: number; last: string | null; reached: boolean | null }[]>`
      with batch as (
        select seq, id, created_at from ${sql(schema)}.outbox
        where seq > ${after} order by seq limit ${batchSize}
      ), gone as (
        delete from ${sql(schema)}.outbox o using batch b
        where o.seq = b.seq and b.created_at < ${before}::timestamptz
          and not exists (select from ${sql(schema)}.outbox_unsent u where u.id = b.id)
        returning o.seq
      )
      select (select count(*)::int from gone) as deleted, (select max(seq)::text from batch) as last,
             (select bool_or(created_at >= ${before}::timestamptz) from batch) as reached`;
    pruned.outbox += step?.deleted ?? 0;
    if (!step?.last || step.reached !== false) break;
    after = Number(step.last);
  }
  // The inbox by its index on processed_at (appended at its right end, so cheap to keep up).
  for (;;) {
    const { count } = await sql`
      delete from ${sql(schema)}.inbox where ctid = any(array(
        select ctid from ${sql(schema)}.inbox where processed_at < ${before}::timestamptz limit ${batchSize}))`;
    pruned.inbox += count;
    if (count < batchSize) break;
  }
  return pruned;
}

export function startMessageRetention(options: RetentionOptions) {
  const { logger, schema } = options;
  const intervalMs = options.intervalMs ?? 3600_000;
  const stopping = new AbortController();
  let failures = 0;
  const loop = (async () => {
    await sleep(options.firstAfterMs ?? 60_000, stopping.signal);
    while (!stopping.signal.aborted) {
      try {
        const pruned = await pruneMessages(options);
        failures = 0;
        if (pruned.outbox + pruned.inbox > 0) logger.info({ schema, ...pruned }, 'pruned message history');
        await sleep(intervalMs, stopping.signal);
      } catch (error) {
        failures += 1;
        logger.warn({ schema, error: String(error) }, 'cannot prune message history; will retry');
        await sleep(backoffMs(failures, 1000, intervalMs), stopping.signal);
      }
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
