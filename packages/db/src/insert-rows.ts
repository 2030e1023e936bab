import { getTableColumns, is, SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import { arrayLiteral, valueTypeOf } from './arrays.ts';
import type { Transaction } from './database.ts';

// A multi-row insert written straight to the transaction's postgres.js connection. Drizzle
// builds a statement chunk by chunk, several objects and type checks per value: 14-35 µs a row of
// fifteen columns, for the rows every batch writes (outbox, timeline, items, dispatches). The
// values here are mapped as drizzle maps them (each column's own mapping to the driver), in a
// fraction of that time. Rows drizzle would fill in itself (a column's $defaultFn or $onUpdateFn,
// or a value that is SQL) go through drizzle.
//
// Past a few rows, the statement has one shape whatever the number of rows: each column's values
// travel as one array parameter and `unnest` turns them back into rows. A `values ($1, ...),
// ($16, ...)` list has a text of its own for every row count, and postgres.js prepares each text
// it has not seen on that connection (a Parse and Describe round trip) and keeps it for the
// connection's life, as Postgres keeps its plan: with batches of 1 to 64 submissions most of
// intake's inserts were first-time prepares, and Postgres' backends held 390 MB of them. Up to
// VALUES_MAX rows a values list is still written: those few shapes are soon prepared, and for a
// row or two Postgres reads separate parameters for less than it unpacks arrays (0.23 against
// 0.25 ms a one-row transaction, measured). A values list is also written when the rows leave a
// column with a default out in some rows only, or when a column's type is not one the arrays
// below carry.

const VALUES_MAX = 8;

interface Planned {
  key: string;
  column: PgColumn;
  /** The column's quoted name. */
  name: string;
  /** The type of the array parameter that carries the column's values, if one can. */
  carrier?: string;
  /** The cast back to the column's type, for an array column (carried as array literals). */
  cast?: string;
}

interface Plan {
  table: string;
  columns: Planned[];
  /** `insert into ... values ` with every column, for the values-list statement. */
  head: string;
  /** Unnest statements made so far, by the columns they carry. */
  shapes: Map<string, string>;
}

const plans = new WeakMap<PgTable, Plan>();

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

// Each of these column types takes its values, as drizzle maps them (strings, numbers and
// booleans), from an array of its own SQL type. Array columns go as their array literals (drizzle
// maps an array to one) in a text[] and are cast back row by row.
const SCALARS = new Set([
  'PgText',
  'PgUUID',
  'PgInteger',
  'PgBigInt53',
  'PgBoolean',
  'PgDateString',
  'PgJsonb',
  'PgTimestamp',
  'PgTimestampString',
  'PgSerial',
  'PgBigSerial53',
]);
const ARRAYS = /^(text|uuid|integer|bigint)\[\]$/;

function carrierOf(column: PgColumn): Pick<Planned, 'carrier' | 'cast'> {
  const type = valueTypeOf(column);
  if (SCALARS.has(column.columnType)) return { carrier: `${type}[]` };
  if (column.columnType === 'PgArray' && ARRAYS.test(type)) return { carrier: 'text[]', cast: type };
  return {};
}

function planOf(table: PgTable): Plan {
  let plan = plans.get(table);
  if (plan) return plan;
  const config = getTableConfig(table);
  // Keyed as drizzle keys them (the property name in the table's definition), in its order.
  const columns = (Object.entries(getTableColumns(table)) as [string, PgColumn][]).filter(
    // Generated columns are left out, as drizzle leaves them out (its method is internal).
    ([, column]) => !(column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert(),
  );
  const name = config.schema ? `${quoted(config.schema)}.${quoted(config.name)}` : quoted(config.name);
  plan = {
    table: name,
    head: `insert into ${name} (${columns.map(([, c]) => quoted(c.name)).join(', ')}) values `,
    columns: columns.map(([key, column]) => ({
      key,
      column,
      name: quoted(column.name),
      ...carrierOf(column),
    })),
    shapes: new Map(),
  };
  plans.set(table, plan);
  return plan;
}

/** The postgres.js transaction under a drizzle transaction (drizzle's postgres-js session holds it). */
export function connectionOf(tx: Transaction): postgres.TransactionSql | undefined {
  const session = (tx as unknown as { _: { session?: { client?: postgres.TransactionSql } } })._.session;
  return session?.client;
}

/** The statement as a prepared postgres.js query on `connection`, not started until awaited or executed. */
export const queryOf = (
  connection: postgres.TransactionSql,
  statement: { text: string; params: unknown[] },
) =>
  connection.unsafe(statement.text, statement.params as postgres.ParameterOrJSON<never>[], { prepare: true });

export interface InsertOptions {
  /** `on conflict do nothing`: rows that would violate a unique constraint are skipped. */
  onConflictDoNothing?: boolean;
  /** Columns to return of each row inserted, by the key each is returned under. */
  returning?: Record<string, PgColumn>;
}

function tail(options: InsertOptions | undefined): string {
  if (!options) return '';
  let out = options.onConflictDoNothing ? ' on conflict do nothing' : '';
  if (options.returning) {
    const returned = Object.entries(options.returning).map(
      ([key, c]) => `${quoted(c.name)} as ${quoted(key)}`,
    );
    out += ` returning ${returned.join(', ')}`;
  }
  return out;
}

/** A value as the driver takes it, or undefined when the row needs drizzle (see above). */
function driverValue(column: PgColumn, value: unknown): unknown {
  if (value !== null && is(value, SQL)) return undefined;
  const mapped = value === null ? null : column.mapToDriverValue(value);
  if (mapped !== null && is(mapped, SQL)) return undefined;
  return mapped;
}

/**
 * The unnest statement: one array parameter per column given in any row. Undefined when a column
 * with a default is left out of some rows only, or a given column's type has no carrier here.
 */
function unnestStatement(
  plan: Plan,
  rows: readonly Record<string, unknown>[],
  options: InsertOptions | undefined,
): { text: string; params: unknown[] } | 'drizzle' | undefined {
  const given: Planned[] = [];
  for (const planned of plan.columns) {
    let some = false;
    let all = true;
    for (const row of rows) {
      if (row[planned.key] === undefined) all = false;
      else some = true;
    }
    const { column } = planned;
    if (!all && (column.defaultFn !== undefined || column.onUpdateFn !== undefined)) return 'drizzle';
    if (!some) continue;
    // Left out, a column takes its default; a null only stands for that when there is none.
    if (!all && column.hasDefault) return undefined;
    if (!planned.carrier) return undefined;
    given.push(planned);
  }
  if (given.length === 0) return undefined;
  const params: unknown[] = [];
  for (const { key, column } of given) {
    const values: unknown[] = [];
    for (const row of rows) {
      const mapped = driverValue(column, row[key] ?? null);
      if (mapped === undefined) return 'drizzle';
      values.push(mapped);
    }
    params.push(arrayLiteral(values));
  }
  const shape = given.map((c) => c.key).join(',') + tail(options);
  let text = plan.shapes.get(shape);
  if (!text) {
    const names = given.map((c) => c.name).join(', ');
    const selected = given.map((c) => (c.cast ? `u.${c.name}::${c.cast}` : `u.${c.name}`)).join(', ');
    const carried = given.map((c, i) => `$${i + 1}::${c.carrier}`).join(', ');
    text = `insert into ${plan.table} (${names}) select ${selected} from unnest(${carried}) as u(${names})${tail(options)}`;
    plan.shapes.set(shape, text);
  }
  return { text, params };
}

/** The values-list statement, with `default` where a row leaves a column out. */
function valuesStatement(
  plan: Plan,
  rows: readonly Record<string, unknown>[],
  options: InsertOptions | undefined,
): { text: string; params: unknown[] } | undefined {
  const params: unknown[] = [];
  const groups: string[] = [];
  for (const row of rows) {
    const parts: string[] = [];
    for (const { key, column } of plan.columns) {
      const value = row[key];
      if (value === undefined) {
        if (column.defaultFn !== undefined || column.onUpdateFn !== undefined) return undefined;
        parts.push('default');
        continue;
      }
      const mapped = driverValue(column, value);
      if (mapped === undefined) return undefined;
      params.push(mapped);
      parts.push(`$${params.length}`);
    }
    groups.push(`(${parts.join(', ')})`);
  }
  return { text: plan.head + groups.join(', ') + tail(options), params };
}

/** The statement and its parameters, or undefined when a row needs drizzle (see above). */
export function insertStatement(
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  options?: InsertOptions,
): { text: string; params: unknown[] } | undefined {
  const plan = planOf(table);
  if (rows.length <= VALUES_MAX) return valuesStatement(plan, rows, options);
  const unnest = unnestStatement(plan, rows, options);
  if (unnest === 'drizzle') return undefined;
  return unnest ?? valuesStatement(plan, rows, options);
}

/**
 * Inserts `rows` into `table` in one statement on the transaction's connection; returns the
 * `returning` columns of the rows inserted (none without it).
 */
export async function insertRows<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: readonly T['$inferInsert'][],
  options?: InsertOptions,
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const statement = insertStatement(table, rows as readonly Record<string, unknown>[], options);
  const connection = connectionOf(tx);
  if (!statement || !connection) {
    let query = tx.insert(table).values(rows as T['$inferInsert'][]);
    if (options?.onConflictDoNothing) query = query.onConflictDoNothing() as unknown as typeof query;
    if (options?.returning) return (await query.returning(options.returning)) as Record<string, unknown>[];
    await query;
    return [];
  }
  const result = await queryOf(connection, statement);
  if (!options?.returning) return [];
  // Read back as drizzle would: each column's own mapping from the driver.
  const returning = Object.entries(options.returning);
  return result.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of returning) {
      const value = row[key];
      out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return out;
  });
}
