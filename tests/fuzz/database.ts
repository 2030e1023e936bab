import postgres from 'postgres';

// What the database holds, table by table: row count and a digest of the rows, so that a batch
// of refused requests can be shown to have left nothing behind (no row added, changed or removed).

export type Snapshot = Map<string, { rows: number; digest: string }>;

export function openSnapshots(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });

  async function snapshot(): Promise<Snapshot> {
    const tables = await sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'drizzle')
      order by 1, 2`;
    const result: Snapshot = new Map();
    for (const { schema, name } of tables) {
      const [row] = await sql<{ rows: string; digest: string | null }[]>`
        select count(*)::text as rows, md5(string_agg(md5(t::text), '' order by md5(t::text))) as digest
        from ${sql(schema)}.${sql(name)} t`;
      result.set(`${schema}.${name}`, { rows: Number(row?.rows ?? 0), digest: row?.digest ?? '' });
    }
    return result;
  }

  /** Waits until two snapshots a while apart agree: background work (relays, consumers) is done. */
  async function settled(quietMs = 1500, timeoutMs = 90_000): Promise<Snapshot> {
    const deadline = Date.now() + timeoutMs;
    let last = await snapshot();
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, quietMs));
      const next = await snapshot();
      if (differences(last, next).length === 0) return next;
      last = next;
    }
    throw new Error(
      `the database did not settle in ${timeoutMs} ms: ${differences(last, await snapshot()).join(', ')}`,
    );
  }

  return { snapshot, settled, close: () => sql.end({ timeout: 5 }) };
}

/** Tables whose rows differ between two snapshots, with the change in row count. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].flatMap((name) => {
    const a = before.get(name);
    const b = after.get(name);
    if (a?.digest === b?.digest && a?.rows === b?.rows) return [];
    const delta = (b?.rows ?? 0) - (a?.rows ?? 0);
    return [`${name} (${delta >= 0 ? '+' : ''}${delta} rows${delta === 0 ? ', changed' : ''})`];
  });
}
