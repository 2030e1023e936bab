import { connect, type Socket } from 'node:net';
import { createTestDatabase, eventually, type TestDatabase } from '@onego/testing';
import { sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { afterCommit, type Database, insertAtCommit, withCommitHooks } from '../src/index.ts';
import { preparing } from '../src/preparing.ts';

// A transaction sends its BEGIN with its first statement and its COMMIT with its inserts at
// commit (postgres.js is patched for the first), and still fails as a whole, whichever of its
// statements fails, leaving its connection usable.

const things = pgTable('things', { key: text('key').primaryKey(), note: text('note') });

let database: TestDatabase;
let client: postgres.Sql;
let db: Database;
let writes = 0;

beforeAll(async () => {
  database = await createTestDatabase('pipelined_tx');
  const url = new URL(database.url);
  // One connection, whose socket counts the writes the client makes to it.
  // (postgres.js takes a connected socket from `socket`; its types do not declare the option)
  const options = {
    max: 1,
    onnotice: () => {},
    socket: () =>
      new Promise<Socket>((resolve) => {
        const socket = connect(Number(url.port || 5432), url.hostname, () => resolve(socket));
        const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
        socket.write = ((...args: unknown[]) => {
          writes += 1;
          return write(...args);
        }) as typeof socket.write;
      }),
  };
  client = postgres(database.url, options as postgres.Options<Record<string, never>>);
  db = withCommitHooks(drizzle({ client: preparing(client) }));
  await client`create table things (key text primary key, note text)`;
});
afterAll(async () => {
  await client.end({ timeout: 5 });
  await database.drop();
});
beforeEach(async () => {
  await client`truncate things`;
});

const keys = async () =>
  (await client<{ key: string }[]>`select key from things order by key`).map((r) => r.key);

/** A read, then a row inserted with the COMMIT. */
const readThenInsert = (key: string) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select ${key}::text as k`);
    await insertAtCommit(tx, things, { key }, { withCommit: true });
    return key;
  });

describe('a transaction in fewer round trips', () => {
  it('sends BEGIN with its first statement and COMMIT with its inserts at commit', async () => {
    // Given the statements already prepared on the connection
    await readThenInsert('warm');
    // When a transaction reads, then inserts a row at commit
    writes = 0;
    const committed: string[] = [];
    await db.transaction(async (tx) => {
      await tx.execute(sql`select ${'one'}::text as k`);
      await insertAtCommit(tx, things, { key: 'one' }, { withCommit: true });
      afterCommit(tx, () => committed.push('one'));
    });
    // Then it took two writes (begin and read; insert and commit), not four, and it committed
    expect(writes).toBe(2);
    expect(committed).toEqual(['one']);
    expect(await keys()).toEqual(['one', 'warm']);
    // And one with an isolation level sends it (SET TRANSACTION) with its BEGIN, and runs at it
    writes = 0;
    const isolation = await db.transaction(
      async (tx) => {
        const [row] = await tx.execute<{ level: string }>(
          sql`select current_setting('transaction_isolation') as level`,
        );
        await insertAtCommit(tx, things, { key: 'two' }, { withCommit: true });
        return row?.level;
      },
      { isolationLevel: 'serializable' },
    );
    expect(isolation).toBe('serializable');
    expect(writes).toBe(3);
    expect(await keys()).toEqual(['one', 'two', 'warm']);
  });

  it('keeps statements of several kilobytes in the same writes (a large event with its COMMIT)', async () => {
    // Given a transaction that reads with a 3 KB parameter, then inserts a 6 KB row at commit
    const large = (key: string) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select length(${'r'.repeat(3000)}::text) as k`);
        await insertAtCommit(tx, things, { key, note: 'n'.repeat(6000) }, { withCommit: true });
      });
    // and its statements already prepared on the connection
    await large('warm');
    // When it runs
    writes = 0;
    await large('large');
    // Then it took two writes, not one more for each statement past a kilobyte
    expect(writes).toBe(2);
    const [row] = await client<
      { length: number }[]
    >`select length(note) as length from things where key = 'large'`;
    expect(row?.length).toBe(6000);
  });

  it('throws the error of an insert at commit that fails, commits nothing and keeps the connection', async () => {
    // Given a row already stored
    await readThenInsert('taken');
    // When a transaction updates it and then inserts the same key with its COMMIT
    const failing = db.transaction(async (tx) => {
      await tx.update(things).set({ note: 'changed' }).where(sql`key = 'taken'`);
      await insertAtCommit(tx, things, { key: 'taken' }, { withCommit: true });
    });
    // Then it fails with the unique violation, and its update is not there
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    const [row] = await client`select note from things where key = 'taken'`;
    expect(row?.note).toBeNull();
    // And the one connection serves the next transaction
    expect(await readThenInsert('next')).toBe('next');
    expect(await keys()).toEqual(['next', 'taken']);
  });

  it('fails when a statement failed even though the callback caught its error', async () => {
    // Given a callback that swallows a failing statement's error and goes on
    const swallowing = db.transaction(async (tx) => {
      await insertAtCommit(tx, things, { key: 'lost' }, { withCommit: true });
      await tx.execute(sql`select 1 / 0`).catch(() => undefined);
    });
    // Then the transaction fails with that error, and nothing is stored
    await expect(swallowing).rejects.toThrow(/division by zero/);
    expect(await keys()).toEqual([]);
    expect(await readThenInsert('after')).toBe('after');
  });

  it('rolls back when the callback throws, and only the savepoint when a nested transaction does', async () => {
    // Given a callback that throws after writing
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(things).values({ key: 'thrown' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // And one whose nested transaction throws after writing, caught by the outer
    await db.transaction(async (tx) => {
      await tx.insert(things).values({ key: 'outer' });
      await tx
        .transaction(async (nested) => {
          await nested.insert(things).values({ key: 'nested' });
          throw new Error('nested only');
        })
        .catch(() => undefined);
    });
    // Then only the outer transaction's row is stored
    expect(await keys()).toEqual(['outer']);
  });

  it('begins behind a full pipeline, and leaves no transaction open on the pool’s connection', async () => {
    // Given the one connection with 100 statements pipelined on it (postgres.js pipelines 100)
    const [{ pid } = { pid: 0 }] = await client<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const pipelined = Array.from({ length: 100 }, () => client`select pg_sleep(0.001)`.execute());
    // When a transaction begins behind them
    const committed = db.transaction(async (tx) => {
      await insertAtCommit(tx, things, { key: 'behind' }, { withCommit: true });
      return 'committed';
    });
    // Then it commits (unpatched, its BEGIN skipped the connection's reservation: the transaction
    // waited forever, and the pool went on using a connection with a transaction open on it)
    const outcome = await Promise.race([
      committed,
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
    ]);
    expect(outcome).toBe('committed');
    await Promise.all(pipelined);
    expect(await keys()).toEqual(['behind']);
    // And the connection is back in the pool outside any transaction
    const other = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await other`select state from pg_stat_activity where pid = ${pid}`;
      expect(row?.state).toBe('idle');
    } finally {
      await other.end({ timeout: 5 });
    }
  });

  it('fails when its connection is lost, and a later transaction runs on a new connection', async () => {
    // Given a transaction whose backend is terminated while it runs
    const other = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const lost = db.transaction(async (tx) => {
        const [row] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        await other`select pg_terminate_backend(${row?.pid ?? 0})`;
        await insertAtCommit(tx, things, { key: 'never' }, { withCommit: true });
      });
      // Then it fails
      await expect(lost).rejects.toThrow();
    } finally {
      await other.end({ timeout: 5 });
    }
    // And once the pool has seen the connection go (its first use after may still meet the
    // backend's farewell), transactions run again on a new one
    await eventually(async () => (await readThenInsert('reconnected').catch(() => undefined)) ?? undefined);
    expect(await keys()).toEqual(['reconnected']);
  });
});
