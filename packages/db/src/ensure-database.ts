import postgres from 'postgres';

/** Creates the database named in `url` when it does not exist yet (first start, test files). */
export async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`refusing to create database with name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as found from pg_database where datname = ${name}`;
    if (!row)
      await sql`create database ${sql(name)}`.catch((e: { code?: string }) => {
        // Created by a concurrent caller: already there, or a race on pg_database's unique index.
        if (e.code !== '42P04' && e.code !== '23505') throw e;
      });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
