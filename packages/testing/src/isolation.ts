import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { applyMigrations, type DatabaseHandle, ensureDatabase, openDatabase } from '@onego/db';
import postgres from 'postgres';
import { inject } from 'vitest';

// Every test file gets its own database and its own NATS namespace (subjects and stream names
// prefixed), so files run in parallel against one Postgres and one NATS without seeing each other.

export const infrastructure = () => inject('infra');

const suffix = () => randomBytes(4).toString('hex');

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const base = new URL(infrastructure().databaseUrl);
  const name = `onego_${label.replace(/[^a-z0-9]/g, '_').slice(0, 20)}_${suffix()}`;
  base.pathname = `/${name}`;
  const url = base.toString();
  await ensureDatabase(url);
  return {
    url,
    async drop() {
      const admin = new URL(url);
      admin.pathname = '/postgres';
      const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
      try {
        await sql`drop database if exists ${sql(name)} with (force)`;
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

export interface OpenTestDatabase extends DatabaseHandle {
  url: string;
  /** Closes the pool, then drops the database. */
  close(): Promise<void>;
}

/**
 * A fresh database for a test file, migrated when given a service's migrations, with a pool
 * open on it (`max` connections, 4 unless set).
 */
export async function openTestDatabase(
  label: string,
  options: { migrations?: { schema: string; folder: URL }; max?: number } = {},
): Promise<OpenTestDatabase> {
  const database = await createTestDatabase(label);
  const { migrations } = options;
  if (migrations) {
    await applyMigrations(database.url, {
      schema: migrations.schema,
      folder: fileURLToPath(migrations.folder),
    });
  }
  const handle = openDatabase(database.url, { max: options.max ?? 4 });
  return {
    url: database.url,
    db: handle.db,
    sql: handle.sql,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}

export interface TestNamespace {
  prefix: string;
  natsUrl: string;
  /** Deletes the namespace's streams (and with them their consumers). */
  cleanup(): Promise<void>;
}

export function createTestNamespace(): TestNamespace {
  const prefix = `t${suffix()}`;
  const natsUrl = infrastructure().natsUrl;
  return {
    prefix,
    natsUrl,
    async cleanup() {
      const nc = await connect({ servers: natsUrl });
      try {
        const jsm = await jetstreamManager(nc);
        const streamPrefix = `${prefix.toUpperCase()}_`;
        for await (const name of jsm.streams.names()) {
          if (name.startsWith(streamPrefix)) await jsm.streams.delete(name);
        }
      } finally {
        await nc.close();
      }
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
