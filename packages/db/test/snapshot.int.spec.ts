import { type OpenTestDatabase, openTestDatabase } from '@onego/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, readSnapshot, type Transaction } from '../src/index.ts';

// An application and its items read by two statements while another transaction commits a change
// to both between them: in one snapshot the two reads agree.

let handle: OpenTestDatabase;

beforeAll(async () => {
  handle = await openTestDatabase('snapshot', { max: 2 });
  await handle.sql.unsafe(
    'create table apps (id int primary key, status text); create table app_items (app int, status text)',
  );
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await handle.sql.unsafe(
    "truncate apps, app_items; insert into apps values (1, 'in-progress'); insert into app_items values (1, 'requested')",
  );
});

/** The application, then (after a rejection has committed meanwhile) its item. */
async function readAcrossARejection(db: Database | Transaction) {
  const app = await db.execute<{ status: string }>(sql`select status from apps where id = 1`);
  await handle.sql.begin(async (other) => {
    await other`update app_items set status = 'rejected' where app = 1`;
    await other`update apps set status = 'action-required' where id = 1`;
  });
  const item = await db.execute<{ status: string }>(sql`select status from app_items where app = 1`);
  return { app: app[0]?.status, item: item[0]?.status };
}

describe('reads in one snapshot', () => {
  it('agree with each other when a change to both commits between them', async () => {
    // Given an application in progress with its item requested
    // When it is read in a snapshot, its item after a rejection of both has committed
    const seen = await readSnapshot(handle.db, readAcrossARejection);
    // Then both are as they were when the snapshot began
    expect(seen).toEqual({ app: 'in-progress', item: 'requested' });
    // And the next snapshot sees the rejection in both
    expect(
      await readSnapshot(handle.db, async (tx) => ({
        app: (await tx.execute<{ status: string }>(sql`select status from apps`))[0]?.status,
        item: (await tx.execute<{ status: string }>(sql`select status from app_items`))[0]?.status,
      })),
    ).toEqual({ app: 'action-required', item: 'rejected' });
  });

  it('are needed: two plain statements straddle the commit', async () => {
    // Given the same application, read without a snapshot
    const seen = await readAcrossARejection(handle.db);
    // Then the item is rejected while the application still says in progress
    expect(seen).toEqual({ app: 'in-progress', item: 'rejected' });
  });

  it('cannot write', async () => {
    // When a snapshot's callback tries to change a row
    const write = readSnapshot(handle.db, (tx) => tx.execute(sql`update apps set status = 'x'`));
    // Then Postgres refuses it and nothing changes
    // (25006: read_only_sql_transaction)
    await expect(write).rejects.toMatchObject({ cause: { code: '25006' } });
    expect((await handle.sql`select status from apps`)[0]?.status).toBe('in-progress');
  });
});
