import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { withCommitHooks } from './commit-hooks.ts';
import { preparing } from './preparing.ts';

export type Database = PostgresJsDatabase<Record<string, never>>;

export interface DatabaseHandle {
  readonly db: Database;
  /** The underlying postgres.js client, for LISTEN/NOTIFY and hot paths. */
  readonly sql: postgres.Sql;
  close(): Promise<void>;
}

export function openDatabase(
  url: string,
  options: { max?: number; applicationName?: string; idleTimeoutS?: number } = {},
): DatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? poolMax(process.env.DATABASE_POOL_MAX),
    // A connection idle this long closes. The pool takes the one idle the shortest time
    // (postgres.js is patched for it), so those a burst opened close once it has passed.
    idle_timeout: options.idleTimeoutS ?? 30,
    connect_timeout: 10,
    // Seconds before a closed connection reconnects. postgres.js's default grows with every
    // failure of the pool (3^n / 100, up to 20 s), and queries wait for that reconnection
    // rather than failing: after a database outage, a request would hang for up to 20 s
    // instead of getting its 503 (found by tests/chaos, postgres-outage). Capped at 1 s.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'onego' },
  });
  return {
    db: withCommitHooks(drizzle({ client: preparing(sql) })),
    sql,
    close: () => sql.end({ timeout: 5 }),
  };
}

/** A Drizzle transaction on a service database: handlers write state and outbox rows with it. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** DATABASE_POOL_MAX: connections per pool, 10 unless set (a whole number from 1 to 100). */
export function poolMax(text: string | undefined) {
  if (text === undefined || text === '') return 10;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new Error(`DATABASE_POOL_MAX must be a whole number from 1 to 100; got ${JSON.stringify(text)}`);
  }
  return value;
}
