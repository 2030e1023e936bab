import type { Nats } from '@onego/messaging';
import type postgres from 'postgres';

// Work counters read before and after a run, whose difference per completed application says
// how much Postgres and NATS work one application costs. Postgres' counters are read from a
// connection to another database, so reading them adds no transaction to the bench database.

export interface Counters {
  at: number;
  /** Committed and rolled-back transactions in the bench database (pg_stat_database). */
  xactCommit: number;
  xactRollback: number;
  /** Rows inserted, updated and deleted in the bench database (pg_stat_database). */
  rowsWritten: number;
  /**
   * Write-ahead log written by the whole server (pg_current_wal_lsn, in bytes): each row written
   * and each index entry it maintains. Server-wide: other databases' writes count too.
   */
  walBytes: number;
  /** Messages ever stored in the namespace's streams (the sum of their last sequence numbers). */
  messagesStored: number;
  /** Deliveries to every consumer of those streams, redeliveries included. */
  deliveries: number;
  /** Streams that are not the platform's own (the baseline's scratch stream) are left out. */
  streams: Record<string, { messages: number; lastSeq: number }>;
}

export async function readCounters(
  admin: postgres.Sql,
  databaseName: string,
  nats: Nats,
  namespace: string,
  exclude: (stream: string) => boolean,
): Promise<Counters> {
  // Backends report their statistics at most once a second; wait so a run's last commits count.
  await admin`select pg_stat_clear_snapshot()`;
  const [db] = await admin<
    { xact_commit: string; xact_rollback: string; rows_written: string; wal_bytes: string }[]
  >`
    select xact_commit, xact_rollback, tup_inserted + tup_updated + tup_deleted as rows_written,
           pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint as wal_bytes
    from pg_stat_database where datname = ${databaseName}`;
  const prefix = `${namespace.toUpperCase()}_`;
  const streams: Counters['streams'] = {};
  let messagesStored = 0;
  let deliveries = 0;
  for await (const info of nats.jsm.streams.list()) {
    const name = info.config.name;
    if (!name.startsWith(prefix) || exclude(name)) continue;
    streams[name] = { messages: info.state.messages, lastSeq: info.state.last_seq };
    messagesStored += info.state.last_seq;
    for await (const consumer of nats.jsm.consumers.list(name)) deliveries += consumer.delivered.consumer_seq;
  }
  return {
    at: Date.now(),
    xactCommit: Number(db?.xact_commit ?? 0),
    xactRollback: Number(db?.xact_rollback ?? 0),
    rowsWritten: Number(db?.rows_written ?? 0),
    walBytes: Number(db?.wal_bytes ?? 0),
    messagesStored,
    deliveries,
    streams,
  };
}

export function counterDelta(before: Counters, after: Counters) {
  return {
    xactCommit: after.xactCommit - before.xactCommit,
    xactRollback: after.xactRollback - before.xactRollback,
    rowsWritten: after.rowsWritten - before.rowsWritten,
    walBytes: after.walBytes - before.walBytes,
    messagesStored: after.messagesStored - before.messagesStored,
    deliveries: after.deliveries - before.deliveries,
    perStream: Object.fromEntries(
      Object.entries(after.streams).map(([name, s]) => [
        name,
        s.lastSeq - (before.streams[name]?.lastSeq ?? 0),
      ]),
    ),
  };
}

export type CounterDelta = ReturnType<typeof counterDelta>;
