import type { Nats } from '@onego/messaging';
import type postgres from 'postgres';

// Work counters read before and after a run, whose difference per completed application says
// how much Postgres and NATS work one application costs. Postgres' counters are read from a
// connection to another database, so reading them adds no transaction to the bench database.

/** What the departments' systems (the simulators, on a database of their own) did, apart. */
export interface DepartmentCounters {
  xactCommit: number;
  rowsWritten: number;
  /** Deliveries to the departments' own consumers (their requests, from the adapters). */
  deliveries: number;
}

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
  /** Deliveries to the platform's consumers of those streams, redeliveries included. */
  deliveries: number;
  departments: DepartmentCounters;
  /** Streams that are not the platform's own (the baseline's scratch stream) are left out. */
  streams: Record<string, { messages: number; lastSeq: number }>;
}

/** Where the departments' systems keep their work, and which consumers are theirs. */
export interface DepartmentSystems {
  databaseName: string;
  isConsumer(name: string): boolean;
}

const noDepartments: DepartmentSystems = { databaseName: '', isConsumer: () => false };

export async function readCounters(
  admin: postgres.Sql,
  databaseName: string,
  nats: Nats,
  namespace: string,
  exclude: (stream: string) => boolean,
  departments: DepartmentSystems = noDepartments,
): Promise<Counters> {
  // Backends report their statistics at most once a second; wait so a run's last commits count.
  await admin`select pg_stat_clear_snapshot()`;
  const rows = await admin<
    {
      datname: string;
      xact_commit: string;
      xact_rollback: string;
      rows_written: string;
      wal_bytes: string;
    }[]
  >`
    select datname, xact_commit, xact_rollback, tup_inserted + tup_updated + tup_deleted as rows_written,
           pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint as wal_bytes
    from pg_stat_database where datname in (${databaseName}, ${departments.databaseName})`;
  const db = rows.find((r) => r.datname === databaseName);
  const theirs = rows.find((r) => r.datname === departments.databaseName);
  const prefix = `${namespace.toUpperCase()}_`;
  const streams: Counters['streams'] = {};
  let messagesStored = 0;
  let deliveries = 0;
  let departmentDeliveries = 0;
  for await (const info of nats.jsm.streams.list()) {
    const name = info.config.name;
    if (!name.startsWith(prefix) || exclude(name)) continue;
    streams[name] = { messages: info.state.messages, lastSeq: info.state.last_seq };
    messagesStored += info.state.last_seq;
    for await (const consumer of nats.jsm.consumers.list(name)) {
      if (departments.isConsumer(consumer.name)) departmentDeliveries += consumer.delivered.consumer_seq;
      else deliveries += consumer.delivered.consumer_seq;
    }
  }
  return {
    at: Date.now(),
    xactCommit: Number(db?.xact_commit ?? 0),
    xactRollback: Number(db?.xact_rollback ?? 0),
    rowsWritten: Number(db?.rows_written ?? 0),
    walBytes: Number(db?.wal_bytes ?? theirs?.wal_bytes ?? 0),
    messagesStored,
    deliveries,
    departments: {
      xactCommit: Number(theirs?.xact_commit ?? 0),
      rowsWritten: Number(theirs?.rows_written ?? 0),
      deliveries: departmentDeliveries,
    },
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
    departments: {
      xactCommit: after.departments.xactCommit - before.departments.xactCommit,
      rowsWritten: after.departments.rowsWritten - before.departments.rowsWritten,
      deliveries: after.departments.deliveries - before.departments.deliveries,
    },
    perStream: Object.fromEntries(
      Object.entries(after.streams).map(([name, s]) => [
        name,
        s.lastSeq - (before.streams[name]?.lastSeq ?? 0),
      ]),
    ),
  };
}

export type CounterDelta = ReturnType<typeof counterDelta>;

/** Rows a table had inserted, updated (HOT updates among them: no index touched) and deleted. */
export interface TableWrites {
  inserted: number;
  updated: number;
  hotUpdated: number;
  deleted: number;
}

/**
 * Each table's writes so far, by `schema.table`, read on a connection to the database itself
 * (pg_stat_user_tables shows only the database one is connected to).
 */
export async function readTableWrites(sql: postgres.Sql): Promise<Record<string, TableWrites>> {
  const rows = await sql<{ name: string; ins: string; upd: string; hot: string; del: string }[]>`
    select schemaname || '.' || relname as name, n_tup_ins as ins, n_tup_upd as upd,
           n_tup_hot_upd as hot, n_tup_del as del
    from pg_stat_user_tables`;
  return Object.fromEntries(
    rows.map((r) => [
      r.name,
      { inserted: Number(r.ins), updated: Number(r.upd), hotUpdated: Number(r.hot), deleted: Number(r.del) },
    ]),
  );
}

/** What each table wrote between two readings, per completed application, the most first. */
export function tableWritesPerApplication(
  before: Record<string, TableWrites>,
  after: Record<string, TableWrites>,
  completed: number,
) {
  if (completed <= 0) return [];
  const per = (a: number, b: number | undefined) => (a - (b ?? 0)) / completed;
  return Object.entries(after)
    .map(([table, w]) => {
      const was = before[table];
      const row = {
        table,
        inserted: per(w.inserted, was?.inserted),
        updated: per(w.updated, was?.updated),
        hotUpdated: per(w.hotUpdated, was?.hotUpdated),
        deleted: per(w.deleted, was?.deleted),
      };
      return { ...row, total: row.inserted + row.updated + row.deleted };
    })
    .filter((row) => row.total > 0)
    .sort((a, b) => b.total - a.total);
}

export type TableWritesPerApplication = ReturnType<typeof tableWritesPerApplication>;
