import { citizenIdsIn } from '@onego/codes';
import type postgres from 'postgres';

// Reads every text, JSON and array column of a schema as text, and says where personal
// identifiers appear in the clear: any valid GB 11643 ID number, and any of `exact` (phones, the
// numbers a test registered). Sealed values (base64url) and keyed hashes (hex) do not match.

const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY'];

export async function plainIdentifiersIn(
  sql: postgres.Sql,
  schema: string,
  options: { exact?: string[] } = {},
): Promise<string[]> {
  const columns = await sql<{ table: string; column: string }[]>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = ${schema} and data_type in ${sql(TEXT_TYPES)}`;
  const found = new Set<string>();
  for (const { table, column } of columns) {
    const rows = await sql<{ value: string }[]>`
      select ${sql(column)}::text as value from ${sql(schema)}.${sql(table)} where ${sql(column)} is not null`;
    for (const { value } of rows) {
      const ids = citizenIdsIn(value);
      const named = (options.exact ?? []).filter((v) => value.includes(v));
      for (const hit of [...ids, ...named]) found.add(`${table}.${column}: ${hit}`);
    }
  }
  return [...found];
}
