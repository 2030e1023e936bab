import type postgres from 'postgres';

// A sampling profiler for Postgres, for want of pg_stat_statements (it needs
// shared_preload_libraries, a server restart): a few times a second, what every active backend
// of the bench database is doing (its query) and waiting for (its wait event, or CPU when none).
// The counts say where the database's time goes: commits waiting for the WAL flush
// (IO:WALSync, LWLock:WALWrite), row locks (Lock:transactionid, Lock:tuple), CPU, or the
// client (Client:ClientRead, and "idle in transaction": a transaction held open while the
// service's own code runs between its statements). Read over
// a connection to another database, so it adds nothing to the bench database's counters.

export interface ActivityProfile {
  samples: number;
  /** Mean number of backends of the bench database running a statement or inside a transaction. */
  meanActive: number;
  /** Share of backend samples per wait event ('CPU' when not waiting), largest first. */
  waits: { wait: string; share: number }[];
  /** Share of backend samples per statement (its first 140 characters), largest first. */
  statements: { statement: string; share: number }[];
}

export function startActivitySampler(admin: postgres.Sql, databaseName: string, intervalMs = 250) {
  const waits = new Map<string, number>();
  const statements = new Map<string, number>();
  let samples = 0;
  let seen = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const rows = await admin<{ wait: string; statement: string }[]>`
          select case when state = 'idle in transaction' then 'Client:idle in transaction'
                      else coalesce(wait_event_type || ':' || wait_event, 'CPU') end as wait,
                 left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as statement
          from pg_stat_activity
          where datname = ${databaseName} and state in ('active', 'idle in transaction')
            and backend_type = 'client backend'`;
        samples += 1;
        seen += rows.length;
        for (const r of rows) {
          waits.set(r.wait, (waits.get(r.wait) ?? 0) + 1);
          statements.set(r.statement, (statements.get(r.statement) ?? 0) + 1);
        }
      } catch {
        // a missed sample is no loss
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  const top = (counts: Map<string, number>, n: number) =>
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, count]) => ({ key, share: seen > 0 ? count / seen : 0 }));
  return {
    async stop(): Promise<ActivityProfile> {
      stopped = true;
      await loop;
      return {
        samples,
        meanActive: samples > 0 ? seen / samples : 0,
        waits: top(waits, 12).map(({ key, share }) => ({ wait: key, share })),
        statements: top(statements, 12).map(({ key, share }) => ({ statement: key, share })),
      };
    },
  };
}
