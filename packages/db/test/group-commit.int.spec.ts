import { type OpenTestDatabase, openTestDatabase } from '@onego/testing';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  afterCommit,
  createGroupCommit,
  insertAtCommit,
  isUniqueViolation,
  type Transaction,
} from '../src/index.ts';

// Submissions arriving together share transactions (one commit and one insert per table for the
// lot); one that cannot commit fails alone.

const things = pgTable('things', { key: text('key').primaryKey(), txid: integer('txid').notNull() });

let handle: OpenTestDatabase;

beforeAll(async () => {
  handle = await openTestDatabase('group_commit', { max: 4 });
  await handle.sql`create table things (key text primary key, txid integer not null)`;
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await handle.sql`truncate things`;
});

/** Stores `key` at the transaction's commit and answers with the transaction's id. */
const storing = (key: string) => async (tx: Transaction) => {
  const [row] = await tx.execute<{ txid: string }>(sql`select txid_current()::text as txid`);
  const txid = Number(row?.txid);
  await insertAtCommit(tx, things, { key, txid });
  return txid;
};

describe('group commit', () => {
  it('runs work that arrives while the transactions are busy in one shared transaction', async () => {
    // Given one transaction at a time
    const commits = createGroupCommit(handle.db, { concurrency: 1, maxBatch: 64 });
    // When ten pieces of work arrive at once
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    const txids = await Promise.all(keys.map((key) => commits.run(storing(key))));
    // Then the first has a transaction of its own and the other nine share the next one
    expect(new Set(txids).size).toBe(2);
    expect(txids.slice(1).every((t) => t === txids[1])).toBe(true);
    // And every row is stored, with the transaction each piece of work was told
    const rows = await handle.sql<{ key: string; txid: number }[]>`select key, txid from things order by key`;
    expect(rows.map((r) => [r.key, r.txid])).toEqual(keys.map((key, i) => [key, txids[i]]).sort());
    expect(commits.pending).toBe(0);
    expect(commits.inFlight).toBe(0);
  });

  it('gives each piece of work its own transaction at once when nothing is busy', async () => {
    // Given room for two transactions
    const commits = createGroupCommit(handle.db, { concurrency: 2, maxBatch: 64 });
    // When work arrives one piece after another
    const txids: number[] = [];
    for (const key of ['a', 'b', 'c']) txids.push(await commits.run(storing(key)));
    // Then each piece had a transaction of its own
    expect(new Set(txids).size).toBe(3);
  });

  it('takes no more than the largest batch into one transaction', async () => {
    // Given batches of at most three, one transaction at a time
    const commits = createGroupCommit(handle.db, { concurrency: 1, maxBatch: 3 });
    // When seven pieces of work arrive at once
    const txids = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => commits.run(storing(k))));
    // Then they are committed alone, then three, then three
    const sizes = [...new Set(txids)].map((t) => txids.filter((x) => x === t).length);
    expect(sizes).toEqual([1, 3, 3]);
  });

  it('fails only the piece of work that cannot commit, and commits the others of its transaction', async () => {
    // Given a key already stored, and one transaction at a time
    await handle.sql`insert into things (key, txid) values ('taken', 0)`;
    const commits = createGroupCommit(handle.db, { concurrency: 1, maxBatch: 64 });
    const published: string[] = [];
    const publishing = (key: string) => async (tx: Transaction) => {
      afterCommit(tx, () => published.push(key));
      return storing(key)(tx);
    };
    // When work arrives together, one piece of it storing the taken key
    const outcomes = await Promise.allSettled(
      ['first', 'x', 'taken', 'y'].map((key) => commits.run(publishing(key))),
    );
    // Then that piece fails with the unique violation, and every other piece commits
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const failure = outcomes[2] as PromiseRejectedResult;
    expect(isUniqueViolation(failure.reason, 'things_pkey')).toBe(true);
    const rows = await handle.sql<{ key: string }[]>`select key from things order by key`;
    expect(rows.map((r) => r.key)).toEqual(['first', 'taken', 'x', 'y']);
    // And only what committed ran its after-commit work, once each
    expect(published.sort()).toEqual(['first', 'x', 'y']);
  });

  it('runs each piece of work of a shared transaction again alone when it loses a race for locks', async () => {
    // Given one transaction at a time, and work that counts its runs, one piece of which is
    // chosen as a deadlock's victim the first time it runs
    const commits = createGroupCommit(handle.db, { concurrency: 1, maxBatch: 64 });
    const runs = new Map<string, number>();
    const counted = (key: string) => async (tx: Transaction) => {
      const run = (runs.get(key) ?? 0) + 1;
      runs.set(key, run);
      if (key === 'victim' && run === 1)
        throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return storing(key)(tx);
    };
    // When it shares a transaction with others
    const outcomes = await Promise.allSettled(
      ['alone', 'a', 'victim', 'b'].map((k) => commits.run(counted(k))),
    );
    // Then every piece commits: those of the shared transaction each run again in one of its own
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(Object.fromEntries(runs)).toEqual({ alone: 1, a: 2, victim: 2, b: 1 });
    const txids = outcomes.map((o) => (o as PromiseFulfilledResult<number>).value);
    expect(new Set(txids).size).toBe(4);
    const rows = await handle.sql<{ key: string }[]>`select key from things order by key`;
    expect(rows.map((r) => r.key)).toEqual(['a', 'alone', 'b', 'victim']);
  });

  it('fails every piece of work of a transaction at once when the database connection is lost', async () => {
    // Given one transaction at a time, and work that counts its runs
    const commits = createGroupCommit(handle.db, { concurrency: 1, maxBatch: 64 });
    const runs = new Map<string, number>();
    const counted =
      (key: string, lost = false) =>
      async (tx: Transaction) => {
        runs.set(key, (runs.get(key) ?? 0) + 1);
        if (lost) throw Object.assign(new Error('connection closed'), { code: 'CONNECTION_CLOSED' });
        return storing(key)(tx);
      };
    // When a piece of work in a shared transaction meets a lost connection
    const outcomes = await Promise.allSettled([
      commits.run(counted('alone')),
      commits.run(counted('a')),
      commits.run(counted('lost', true)),
      commits.run(counted('b')),
    ]);
    // Then the first (alone in its transaction) commits, and the shared transaction's work all
    // fails with that error, none of it run again (the piece after the lost one never started)
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(Object.fromEntries(runs)).toEqual({ alone: 1, a: 1, lost: 1 });
    const rows = await handle.sql<{ key: string }[]>`select key from things order by key`;
    expect(rows.map((r) => r.key)).toEqual(['alone']);
  });
});
