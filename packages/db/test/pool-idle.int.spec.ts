import { createTestDatabase, type TestDatabase } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/index.ts';

// A pool keeps the connections its load needs, not every one a burst ever opened: it takes the
// connection idle the shortest time (postgres.js is patched for it), so the others stay idle
// and close after the idle timeout. Taking them in turn kept every one busy enough to stay
// open, and a service held its peak number of connections, and Postgres its backends, for good.

let database: TestDatabase;
let pool: DatabaseHandle;
let observer: DatabaseHandle;
const applicationName = `pool-idle-${process.pid}`;

beforeAll(async () => {
  database = await createTestDatabase('pool_idle');
  pool = openDatabase(database.url, { max: 4, idleTimeoutS: 1, applicationName });
  observer = openDatabase(database.url, { max: 1 });
});
afterAll(async () => {
  await pool?.close();
  await observer?.close();
  await database?.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pool's connections, as Postgres sees them. */
async function connectionsOpen() {
  const [row] = await observer.sql<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity where application_name = ${applicationName}`;
  return row?.n ?? 0;
}

describe('the connection pool', () => {
  it('closes the connections a burst opened once the load is light again', async () => {
    // Given a burst of four queries at once, which opens all four connections
    await Promise.all(Array.from({ length: 4 }, () => pool.sql`select pg_sleep(0.2)`));
    expect(await connectionsOpen()).toBe(4);
    // When one query at a time follows every 100 ms for 3 s, three times the idle timeout
    for (let i = 0; i < 30; i += 1) {
      await pool.sql`select 1`;
      await pause(100);
    }
    // Then the pool keeps the one connection the load needs, and the others have closed
    expect(await connectionsOpen()).toBe(1);
  });
});
