import { Column, is, SQL, sql, Table } from 'drizzle-orm';
import { alias, PgColumn, PgText, pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

// drizzle-orm is patched (patches/drizzle-orm@0.45.4.patch) to remember, per prototype, whether
// an object is a given kind of entity: the answers must be the same as drizzle's own walk.

const things = pgTable('things', { name: text('name') });

describe("drizzle's entity check, remembered per prototype", () => {
  it('answers for subclasses, unrelated classes and non-entities as drizzle does', () => {
    // Given a column, a table, an alias of it (a proxy), a query fragment and a plain object
    const column = things.name;
    const aliased = alias(things, 't');
    const fragment = sql`select 1`;
    // When each is asked about twice (the second answer comes from memory)
    for (const _ of [1, 2]) {
      // Then a column is a PgText, a PgColumn and a Column, but not a table or a query fragment
      expect([is(column, PgText), is(column, PgColumn), is(column, Column)]).toEqual([true, true, true]);
      expect([is(column, Table), is(column, SQL)]).toEqual([false, false]);
      // And tables (aliases too) are tables only, fragments fragments only
      expect([is(things, Table), is(aliased, Table), is(things, Column)]).toEqual([true, true, false]);
      expect([is(fragment, SQL), is(fragment, Table)]).toEqual([true, false]);
      // And plain values and objects are no entity
      expect([is({}, SQL), is('text', SQL), is(null, SQL)]).toEqual([false, false, false]);
    }
  });

  it('still refuses to answer for a class that is not a drizzle entity', () => {
    class Stranger {}
    expect(() => is({}, Stranger as never)).toThrow(/doesn't look like a Drizzle entity/);
  });
});
