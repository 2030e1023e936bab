import { createTestDatabase, eventually, type TestDatabase } from '@onego/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVacuuming } from './vacuum.ts';

let database: TestDatabase;
let sql: postgres.Sql;
beforeAll(async () => {
  database = await createTestDatabase('bench-vacuum');
  sql = postgres(database.url, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await database?.drop();
});

const statsOf = async (table: string) => {
  const [row] = await sql<{ dead: number; vacuumed: Date | null }[]>`
    select n_dead_tup::int as dead, last_vacuum as vacuumed from pg_stat_user_tables where relname = ${table}`;
  return row;
};

describe("the bench's stand-in for autovacuum", () => {
  it('vacuums a table with more dead rows than autovacuum allows and leaves a quiet one alone', async () => {
    // Given a table where half the rows were deleted, and one whose rows were only inserted and analysed
    await sql`create table churned (id int primary key, note text)`;
    await sql`insert into churned select g, 'x' from generate_series(1, 2000) g`;
    await sql`delete from churned where id % 2 = 0`;
    await sql`create table quiet (id int primary key)`;
    await sql`insert into quiet select g from generate_series(1, 2000) g`;
    await sql`analyze quiet`;
    await sql`select pg_stat_force_next_flush()`;
    await eventually(
      async () => ((await statsOf('churned'))?.dead ?? 0) > 900 || undefined,
      15_000,
      'dead rows counted',
    );

    // When the stand-in runs its rounds
    let transactions = 0;
    const vacuuming = startVacuuming(sql, 100, (n) => {
      transactions += n;
    });
    try {
      // Then the churned table is vacuumed, its dead rows gone, and the quiet one is not
      await eventually(
        async () => (await statsOf('churned'))?.vacuumed ?? undefined,
        15_000,
        'a vacuum of churned',
      );
      expect((await statsOf('churned'))?.dead).toBe(0);
      expect((await statsOf('quiet'))?.vacuumed).toBeNull();
    } finally {
      await vacuuming.stop();
    }
    // And, once its round is over (the vacuum shows in the statistics before the client has its
    // answer and counts it), the commits it made are handed back to be taken out of the
    // platform's counts
    expect(transactions).toBeGreaterThanOrEqual(5);
    expect(vacuuming.tables).toBeGreaterThanOrEqual(1);
  });
});
