import { type OpenTestDatabase, openTestDatabase } from '@onego/testing';
import { inArray } from 'drizzle-orm';
import { bigserial, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOf, arrayLiteral } from '../src/index.ts';

// anyOf selects what drizzle's inArray selects, with one statement text for any number of values.

const schema = pgSchema('arrays_test');
const things = schema.table('things', {
  id: uuid('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }),
  name: text('name'),
});

const names = ['plain', 'with, comma', 'with "quotes"', 'back\\slash', '{braces}', 'NULL', '', '王小明'];
const ids = names.map((_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);

let handle: OpenTestDatabase;

beforeAll(async () => {
  handle = await openTestDatabase('arrays', { max: 1 });
  await handle.sql.unsafe(
    'create schema arrays_test; create table arrays_test.things (id uuid primary key, seq bigserial, name text)',
  );
  await handle.db
    .insert(things)
    .values([
      ...names.map((name, i) => ({ id: ids[i] as string, name })),
      { id: '00000000-0000-4000-8000-0000000000ff', name: null },
    ]);
});
afterAll(async () => {
  await handle.close();
});

describe('lists of values as one array parameter', () => {
  it('writes an array literal Postgres reads back value for value', async () => {
    // Given values that need quoting, and a null
    const values = [...names, null];
    // When Postgres reads their literal as text[]
    const [row] = await handle.sql`select array_to_json(${arrayLiteral(values)}::text[])::text as read`;
    // Then it reads the same values, the string 'NULL' a string and the null a null
    expect(JSON.parse(row?.read)).toEqual(values);
  });

  it('selects what inArray selects, whatever the values, with one statement text', async () => {
    for (const wanted of [names.slice(0, 1), names, ['absent'], [...names, 'absent', 'also absent']]) {
      // Given a list of names
      // When the rows are selected with anyOf and with inArray
      const byAny = await handle.db
        .select()
        .from(things)
        .where(anyOf(things.name, wanted))
        .orderBy(things.id);
      const byIn = await handle.db
        .select()
        .from(things)
        .where(inArray(things.name, wanted))
        .orderBy(things.id);
      // Then both find the same rows
      expect(byAny).toEqual(byIn);
    }
    const statement = (wanted: string[]) =>
      handle.db.select().from(things).where(anyOf(things.id, wanted)).toSQL().sql;
    const many = [...ids, ...ids.map((id) => id.replace('4000', '4001'))];
    expect(statement(many.slice(0, 9))).toBe(statement(many));
    expect(statement(many)).toContain('= any($1::uuid[])');
    expect(statement(ids.slice(0, 2))).toContain(' in ($1, $2)');
    expect(
      await handle.db
        .select()
        .from(things)
        .where(anyOf(things.id, ids.slice(1, 3))),
    ).toHaveLength(2);
  });
});
