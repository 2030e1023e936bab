import { inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

// Lists of values as one array parameter. Drizzle's inArray writes `in ($1, $2, ...)`, a
// statement text for every length of list, and postgres.js prepares each new text on each
// connection (a round trip) and keeps it, as Postgres keeps its plan; a batch of 1 to 32
// messages made up to 32 of them per statement. One array parameter keeps one text whatever
// the length. Up to IN_LIST_MAX values the list is still written out: those few texts are soon
// prepared, and Postgres reads a parameter or two for less than it unpacks an array.

const IN_LIST_MAX = 8;

/** Postgres' array literal of the values: each quoted, a null as NULL. */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    out += value === null ? 'NULL' : `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  }
  return `${out}}`;
}

const SERIALS: Record<string, string> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' };

/** The column's type as a value's type: a serial column holds integers. */
export const valueTypeOf = (column: PgColumn) => {
  const type = column.getSQLType();
  return SERIALS[type] ?? type;
};

/**
 * What `inArray(column, values)` selects; past IN_LIST_MAX values as `column = any($1::type[])`,
 * one statement text whatever the number. The values are mapped by the column, as drizzle maps them.
 */
export function anyOf(column: PgColumn, values: readonly unknown[]): SQL {
  if (values.length <= IN_LIST_MAX) return inArray(column, values as unknown[]);
  const literal = arrayLiteral(values.map((v) => (v === null ? null : column.mapToDriverValue(v))));
  return sql`${column} = any(${literal}::${sql.raw(valueTypeOf(column))}[])`;
}
