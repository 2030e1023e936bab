import { getTableColumns, is, SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import type { Transaction } from './database.ts';

// A multi-row insert written straight to the transaction's postgres.js connection. Drizzle
// builds a statement chunk by chunk, several objects and type checks per value: 14-35 µs a row of
// fifteen columns, for the rows every batch writes (outbox, timeline, items, dispatches). The
// statement here is the one drizzle would send, with the same values given to postgres.js the same
// way (each column's own mapping to the driver), in a fraction of that. Rows drizzle would fill
// in itself (a column's $defaultFn or $onUpdateFn, or a value that is SQL) go through drizzle.

interface Plan {
  head: string;
  columns: { key: string; column: PgColumn }[];
}

const plans = new WeakMap<PgTable, Plan>();

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

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
    head: `insert into ${name} (${columns.map(([, c]) => quoted(c.name)).join(', ')}) values `,
    columns: columns.map(([key, column]) => ({ key, column })),
  };
  plans.set(table, plan);
  return plan;
}

/** The postgres.js transaction under a drizzle transaction (drizzle's postgres-js session holds it). */
function connectionOf(tx: Transaction): postgres.TransactionSql | undefined {
  const session = (tx as unknown as { _: { session?: { client?: postgres.TransactionSql } } })._.session;
  return session?.client;
}

/** The statement and its parameters, or undefined when a row needs drizzle (see above). */
export function insertStatement(
  table: PgTable,
  rows: readonly Record<string, unknown>[],
): { text: string; params: unknown[] } | undefined {
  const plan = planOf(table);
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
      if (value !== null && is(value, SQL)) return undefined;
      const mapped = value === null ? null : column.mapToDriverValue(value);
      if (mapped !== null && is(mapped, SQL)) return undefined;
      params.push(mapped);
      parts.push(`$${params.length}`);
    }
    groups.push(`(${parts.join(', ')})`);
  }
  return { text: plan.head + groups.join(', '), params };
}

/** Inserts `rows` into `table` in one statement on the transaction's connection. */
export async function insertRows<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return;
  const statement = insertStatement(table, rows as readonly Record<string, unknown>[]);
  const connection = connectionOf(tx);
  if (!statement || !connection) {
    await tx.insert(table).values(rows as T['$inferInsert'][]);
    return;
  }
  await connection.unsafe(statement.text, statement.params as postgres.ParameterOrJSON<never>[], {
    prepare: true,
  });
}
