import { connectNats, type Nats } from '@onego/messaging';
import { createTestDatabase, eventually, infrastructure, type TestDatabase } from '@onego/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterDelta, readCounters } from './counters.ts';

let database: TestDatabase;
let name: string;
let sql: postgres.Sql;
let admin: postgres.Sql;
let nats: Nats;
beforeAll(async () => {
  database = await createTestDatabase('bench-counters');
  name = new URL(database.url).pathname.slice(1);
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
  admin = postgres(infrastructure().databaseUrl, { max: 1 });
  nats = await connectNats({ url: infrastructure().natsUrl, name: 'bench-counters-test' });
});
afterAll(async () => {
  await nats?.close();
  await admin?.end();
  await sql?.end();
  await database?.drop();
});

// A namespace no stream has: the counters' NATS half then counts nothing.
const counters = () => readCounters(admin, name, nats, 'nothinghere', () => true);

describe("the bench's work counters", () => {
  it('count the rows a database wrote and the write-ahead log they took', async () => {
    // Given a table with an index, and the counters as they stand
    await sql`create table widgets (id int primary key, name text not null)`;
    await sql`create index widgets_name_idx on widgets (name)`;
    await sql`select pg_stat_force_next_flush()`;
    const before = await counters();

    // When 500 rows are inserted, 200 of them updated and 100 deleted
    await sql`insert into widgets select g, 'widget ' || g from generate_series(1, 500) g`;
    await sql`update widgets set name = name || ' renamed' where id <= 200`;
    await sql`delete from widgets where id > 400`;
    await sql`select pg_stat_force_next_flush()`;

    // Then once the backend has reported, the database wrote exactly 800 rows, and the server's
    // log grew by at least what 700 row changes and their index entries take
    const delta = await eventually(async () => {
      const d = counterDelta(before, await counters());
      return d.rowsWritten >= 800 ? d : undefined;
    }, 15_000);
    expect(delta.rowsWritten).toBe(800);
    expect(delta.walBytes).toBeGreaterThan(700 * 50);
    expect(delta.messagesStored).toBe(0);
  });
});
