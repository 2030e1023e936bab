import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/**
 * Applies a service's checked-in Drizzle migrations to its own Postgres schema. The migrator is
 * not safe to run concurrently (replicas starting together, parallel test files), so it runs
 * on one connection holding an advisory lock named after the schema.
 */
export async function applyMigrations(url: string, options: { schema: string; folder: string }) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // The journal lives outside the service's schema: its first migration creates that schema.
    // Services starting together would all create the journal's schema, and concurrent
    // `create schema if not exists` can fail on pg_namespace's unique index: created once,
    // under a lock every service shares.
    await sql`select pg_advisory_lock(hashtext('onego.migrate'))`;
    await sql`create schema if not exists onego_migrations`;
    await sql`select pg_advisory_unlock(hashtext('onego.migrate'))`;
    await sql`select pg_advisory_lock(hashtext(${`onego.migrate.${options.schema}`}))`;
    await migrate(drizzle({ client: sql }), {
      migrationsFolder: options.folder,
      migrationsSchema: 'onego_migrations',
      migrationsTable: options.schema,
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
