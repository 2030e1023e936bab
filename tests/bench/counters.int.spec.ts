import { departmentDurables, isDepartmentDurable } from '@onego/contracts';
import { connectNats, type Nats } from '@onego/messaging';
import {
  createTestDatabase,
  createTestNamespace,
  eventually,
  infrastructure,
  type TestDatabase,
  type TestNamespace,
} from '@onego/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterDelta, readCounters, readTableWrites, tableWritesPerApplication } from './counters.ts';

let database: TestDatabase;
let departments: TestDatabase;
let namespace: TestNamespace;
let name: string;
let sql: postgres.Sql;
let departmentsSql: postgres.Sql;
let admin: postgres.Sql;
let nats: Nats;
beforeAll(async () => {
  database = await createTestDatabase('bench-counters');
  name = new URL(database.url).pathname.slice(1);
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
  departments = await createTestDatabase('bench-counters-departments');
  departmentsSql = postgres(departments.url, { max: 1, onnotice: () => {} });
  namespace = createTestNamespace();
  admin = postgres(infrastructure().databaseUrl, { max: 1 });
  nats = await connectNats({ url: infrastructure().natsUrl, name: 'bench-counters-test' });
});
afterAll(async () => {
  await nats?.close();
  await admin?.end();
  await sql?.end();
  await departmentsSql?.end();
  await database?.drop();
  await departments?.drop();
  await namespace?.cleanup();
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

  it('say which table wrote what, per application, the most first', async () => {
    // Given two tables and one that is left alone, and each table's writes as they stand
    await sql`create table events (id int primary key, sent boolean not null default false)`;
    await sql`create table marks (id int primary key)`;
    await sql`create table untouched (id int primary key)`;
    await sql`select pg_stat_force_next_flush()`;
    const before = await readTableWrites(sql);

    // When 10 applications' worth of work writes 30 events, marks 20 of them sent and keeps
    // 10 marks, one of them deleted again
    await sql`insert into events select g from generate_series(1, 30) g`;
    await sql`update events set sent = true where id <= 20`;
    await sql`insert into marks select g from generate_series(1, 10) g`;
    await sql`delete from marks where id = 1`;
    await sql`select pg_stat_force_next_flush()`;

    // Then per application: events 3 inserted and 2 updated, marks 1 inserted and 0.1 deleted,
    // the busier table first, and the untouched one not listed
    const tables = await eventually(async () => {
      const rows = tableWritesPerApplication(before, await readTableWrites(sql), 10);
      return rows.length === 2 && rows.every((r) => r.total >= (r.table === 'public.events' ? 5 : 1.1))
        ? rows
        : undefined;
    }, 15_000);
    expect(tables.map((t) => t.table)).toEqual(['public.events', 'public.marks']);
    expect(tables[0]).toMatchObject({ inserted: 3, updated: 2, deleted: 0, total: 5 });
    expect(tables[0]?.hotUpdated).toBeLessThanOrEqual(2);
    expect(tables[1]).toMatchObject({ inserted: 1, updated: 0, deleted: 0.1 });
    expect(tables[1]?.total).toBeCloseTo(1.1);
  });

  it("count the departments' systems' work apart from the platform's", async () => {
    // Given a departments' database, a stream of the namespace read by a platform consumer and
    // by a department system's consumer, and the counters as they stand
    const counted = () =>
      readCounters(admin, name, nats, namespace.prefix, () => false, {
        databaseName: new URL(departments.url).pathname.slice(1),
        isConsumer: isDepartmentDurable,
      });
    const stream = `${namespace.prefix.toUpperCase()}_CASES`;
    const durables = ['adapter-health-answers', departmentDurables('health').requests];
    await nats.jsm.streams.add({ name: stream, subjects: [`${namespace.prefix}.cases.>`] });
    for (const durable of durables) await nats.jsm.consumers.add(stream, { durable_name: durable });
    await departmentsSql`create table cases (id int primary key)`;
    await departmentsSql`select pg_stat_force_next_flush()`;
    const before = await counted();

    // When three messages are published and both consumers take them, and the departments'
    // database writes four rows
    for (const n of [1, 2, 3]) await nats.js.publish(`${namespace.prefix}.cases.${n}`, String(n));
    for (const durable of durables) {
      const consumer = await nats.js.consumers.get(stream, durable);
      let taken = 0;
      while (taken < 3) {
        for await (const msg of await consumer.fetch({ max_messages: 3 - taken, expires: 2000 })) {
          msg.ack();
          taken += 1;
        }
      }
    }
    await departmentsSql`insert into cases select g from generate_series(1, 4) g`;
    await departmentsSql`select pg_stat_force_next_flush()`;

    // Then the platform's deliveries and the departments' are three each, the three messages
    // count once, and the four rows are the departments' and not the bench database's
    const delta = await eventually(async () => {
      const d = counterDelta(before, await counted());
      return d.departments.rowsWritten >= 4 ? d : undefined;
    }, 15_000);
    expect(delta.deliveries).toBe(3);
    expect(delta.departments.deliveries).toBe(3);
    expect(delta.messagesStored).toBe(3);
    expect(delta.departments.rowsWritten).toBe(4);
    expect(delta.departments.xactCommit).toBeGreaterThanOrEqual(2);
    expect(delta.rowsWritten).toBe(0);
  });
});
