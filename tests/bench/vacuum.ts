import type postgres from 'postgres';

// Postgres servers run autovacuum; a CI server may turn it off (this project's machines do, in
// conf.d/90-ci.conf) to keep test runs short. Without it every update and delete leaves its dead
// row behind for good: over a long bench run the platform's busiest tables (items, outboxes,
// dispatches, pending answers) fill with dead rows, no update can be HOT, and Postgres' CPU per
// application climbs through the run (0.15 to 0.47 cores at 5 applications/s over 30 minutes).
// That measures the server's setting, not the platform, so when the server's autovacuum is off
// the bench does its work on the bench database with autovacuum's default policy: every
// `naptime`, each table with more dead rows than 50 + 20% of its live ones is vacuumed, and one
// with more changes since its last analysis than 50 + 10% is analysed.

export interface Vacuuming {
  /** Rounds run, and tables vacuumed or analysed in them, so far. */
  readonly rounds: number;
  readonly tables: number;
  stop(): Promise<void>;
}

interface Candidate {
  schema: string;
  table: string;
  vacuum: boolean;
}

/**
 * Vacuums and analyses the bench database's tables as autovacuum would, every `naptimeMs`.
 * `counted` is told the transactions each statement commits, for the bench to take them out of
 * the platform's transaction counts.
 */
export function startVacuuming(
  sql: postgres.Sql,
  naptimeMs: number,
  counted: (statements: number) => void,
): Vacuuming {
  const state = { rounds: 0, tables: 0, stopped: false };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function round() {
    const due = await sql<Candidate[]>`
      select schemaname as schema, relname as table,
             n_dead_tup > 50 + 0.2 * n_live_tup as vacuum
      from pg_stat_user_tables
      where n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup`;
    counted(1);
    for (const t of due) {
      if (state.stopped) return;
      const name = sql(`${t.schema}.${t.table}`);
      // Commits as counted by pg_stat_database: a VACUUM (ANALYZE) of one table four, an ANALYZE one.
      await (t.vacuum ? sql`vacuum (analyze) ${name}` : sql`analyze ${name}`);
      counted(t.vacuum ? 4 : 1);
      state.tables += 1;
    }
    state.rounds += 1;
  }

  const schedule = () => {
    timer = setTimeout(() => {
      running = round()
        .catch(() => undefined) // a table dropped meanwhile; the next round tries again
        .finally(() => {
          if (!state.stopped) schedule();
        });
    }, naptimeMs);
  };
  schedule();

  return {
    get rounds() {
      return state.rounds;
    },
    get tables() {
      return state.tables;
    },
    async stop() {
      state.stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
