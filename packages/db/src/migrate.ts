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
    await sql`select pg_advisory_lock(hashtext(${`onego.migrate.${options.schema}`}))`;
    // The journal lives outside the service's schema: its first migration creates that schema.
    await migrate(drizzle({ client: sql }), {
      migrationsFolder: options.folder,
      migrationsSchema: 'onego_migrations',
      migrationsTable: options.schema,
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
