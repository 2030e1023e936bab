import { type OpenTestDatabase, openTestDatabase } from '@onego/testing';
import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgSchema, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, insertStatement } from '../src/index.ts';

// insertRows writes what drizzle's insert would, without drizzle building the statement: the
// same rows through both must read back the same.

const schema = pgSchema('rows_test');
const columns = {
  id: uuid('id').primaryKey(),
  seq: serial('seq'),
  name: text('name').notNull(),
  count: integer('count').notNull().default(7),
  flag: boolean('flag'),
  details: jsonb('details').$type<Record<string, unknown>>(),
  tags: text('tags').array(),
  at: timestamp('at', { withTimezone: true }),
  day: date('day'),
  made: timestamp('made', { withTimezone: true }).notNull().defaultNow(),
};
const fast = schema.table('fast', columns);
const drizzled = schema.table('drizzled', columns);
const stamped = schema.table('stamped', {
  id: uuid('id').primaryKey(),
  note: text('note').$defaultFn(() => 'from defaultFn'),
});

let handle: OpenTestDatabase;

beforeAll(async () => {
  handle = await openTestDatabase('insert_rows', { max: 2 });
  await handle.sql.unsafe(`
    create schema rows_test;
    create table rows_test.fast (id uuid primary key, seq serial, name text not null,
      count integer not null default 7, flag boolean, details jsonb, tags text[],
      at timestamptz, day date, made timestamptz not null default now());
    create table rows_test.drizzled (like rows_test.fast including all);
    create table rows_test.stamped (id uuid primary key, note text);`);
});
afterAll(async () => {
  await handle.close();
});

const rows = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'all set',
    count: 3,
    flag: true,
    details: { nested: { list: [1, 'two', null] }, quote: 'it\'s "quoted"', unicode: '王小明' },
    tags: ['a', 'b,c', 'd"e', ''],
    at: new Date('2026-12-06T04:00:00.123Z'),
    day: '2026-12-31',
  },
  { id: '00000000-0000-4000-8000-000000000002', name: 'defaults and nulls', flag: null, details: null },
  { id: '00000000-0000-4000-8000-000000000003', name: 'empty', tags: [], details: {} },
];

describe('inserting rows without drizzle building the statement', () => {
  it('stores the same rows as drizzle, defaults and nulls included', async () => {
    // Given the statement is one insertRows writes itself
    expect(insertStatement(fast, rows)?.text).toMatch(
      /^insert into "rows_test"."fast" \("id", "seq", "name"/,
    );
    // When the rows go into one table through insertRows and into its twin through drizzle
    await handle.db.transaction(async (tx) => {
      await insertRows(tx, fast, rows);
      await tx.insert(drizzled).values(rows);
    });
    // Then both read back the same, apart from when each row was made and its number (the twins
    // share one sequence)
    const read = async (table: string) =>
      (await handle.sql.unsafe(`select * from rows_test.${table} order by id`)).map(
        ({ made, seq: _, ...rest }) => ({
          ...rest,
          madeRecently: Date.now() - new Date(made as string).getTime() < 60_000,
        }),
      );
    const fastRows = await read('fast');
    expect(fastRows).toEqual(await read('drizzled'));
    expect(fastRows[0]).toMatchObject({ count: 3, tags: ['a', 'b,c', 'd"e', ''], day: '2026-12-31' });
    expect(fastRows[1]).toMatchObject({
      count: 7,
      flag: null,
      details: null,
      tags: null,
      madeRecently: true,
    });
  });

  it('leaves to drizzle the rows drizzle fills in itself', async () => {
    // Given a column with a $defaultFn, and a value given as SQL
    expect(insertStatement(stamped, [{ id: '00000000-0000-4000-8000-00000000000a' }])).toBeUndefined();
    expect(
      insertStatement(fast, [{ id: '00000000-0000-4000-8000-00000000000b', name: sql`'made in sql'` }]),
    ).toBeUndefined();
    // When such rows are inserted
    await handle.db.transaction(async (tx) => {
      await insertRows(tx, stamped, [{ id: '00000000-0000-4000-8000-00000000000a' }]);
      const inSql = { id: '00000000-0000-4000-8000-00000000000b', name: sql`'made in sql'` };
      await insertRows(tx, fast, [inSql as unknown as typeof fast.$inferInsert]);
    });
    // Then drizzle filled them in as it does
    expect((await handle.sql`select note from rows_test.stamped`)[0]).toEqual({ note: 'from defaultFn' });
    const [made] =
      await handle.sql`select name from rows_test.fast where id = '00000000-0000-4000-8000-00000000000b'`;
    expect(made).toEqual({ name: 'made in sql' });
  });

  it('writes any number of rows with one statement text, values of every kind intact', async () => {
    // Given rows that give the same columns (a nullable column without a default left out of one),
    // with values that need quoting inside an array literal
    const awkward = [
      {
        id: '00000000-0000-4000-8000-000000000101',
        name: 'NULL',
        count: 1,
        flag: false,
        details: { path: 'C:\\dir\\"file"', braces: '{a,b}', empty: '' },
        tags: ['{x}', 'back\\slash', 'quote"d', 'NULL', ''],
        at: new Date('2026-12-06T20:00:00.000Z'),
        day: '2026-12-06',
      },
      {
        id: '00000000-0000-4000-8000-000000000102',
        name: '',
        count: 2,
        flag: null,
        details: null,
        tags: null,
        at: null,
        day: null,
      },
      {
        id: '00000000-0000-4000-8000-000000000103',
        name: '王小明, "小明"\\n',
        count: 3,
        flag: true,
        details: { list: [1, 'two', { three: null }] },
        tags: [],
        day: '2026-01-01',
      },
    ];
    // (a few rows go as a values list; past eight, as arrays)
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...(awkward[i % awkward.length] as (typeof awkward)[number]),
        id: `00000000-0000-4000-8000-${String(101 + i).padStart(12, '0')}`,
      }));
    expect(insertStatement(fast, many(3))?.text).toMatch(/ values \(/);
    const nine = insertStatement(fast, many(9));
    const thirty = insertStatement(fast, many(30));
    expect(nine?.text).toMatch(/ from unnest\(\$1::uuid\[\], /);
    expect(thirty?.text).toBe(nine?.text);
    expect(thirty?.params).toHaveLength(nine?.params.length ?? -1);
    // When they go in through insertRows and through drizzle
    await handle.db.transaction(async (tx) => {
      await insertRows(tx, fast, many(30));
      await tx.insert(drizzled).values(many(30));
    });
    // Then both tables read back the same rows, the string 'NULL' a string and the null a null
    const read = async (table: string) =>
      (
        await handle.sql.unsafe(
          `select id, name, count, flag, details, tags, at, day from rows_test.${table} where id::text like '%000000001__' order by id`,
        )
      ).map((row) => ({ ...row }));
    const fastRows = await read('fast');
    expect(fastRows).toEqual(await read('drizzled'));
    expect(fastRows).toHaveLength(30);
    expect(fastRows.slice(0, 3).map((r) => r.name)).toEqual(['NULL', '', '王小明, "小明"\\n']);
    expect(fastRows[0]?.tags).toEqual(['{x}', 'back\\slash', 'quote"d', 'NULL', '']);
    expect(fastRows[1]).toMatchObject({ flag: null, details: null, tags: null, at: null, day: null });
    expect(fastRows[2]?.at).toBeNull();
  });

  it('skips the rows already there and returns those it inserted, as drizzle maps them', async () => {
    // Given a row already stored
    const first = { id: '00000000-0000-4000-8000-000000000201', name: 'first', count: 1 };
    const second = { id: '00000000-0000-4000-8000-000000000202', name: 'second', count: 2 };
    await handle.db.transaction((tx) => insertRows(tx, fast, [first]));
    // When it comes again with a new one, on conflict do nothing, returning id and made
    const returned = await handle.db.transaction((tx) =>
      insertRows(tx, fast, [first, second], {
        onConflictDoNothing: true,
        returning: { id: fast.id, made: fast.made },
      }),
    );
    // Then only the new row was inserted, and its timestamp comes back as a Date
    expect(returned).toHaveLength(1);
    expect(returned[0]?.id).toBe(second.id);
    expect(returned[0]?.made).toBeInstanceOf(Date);
    const [{ count }] = (await handle.sql`
      select count(*)::int as count from rows_test.fast where id in (${first.id}, ${second.id})`) as unknown as [
      { count: number },
    ];
    expect(count).toBe(2);
  });
});
