import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { ensureDatabase } from '@onego/db';
import postgres from 'postgres';
import type { Scratch } from './published-openapi.ts';

// A throw-away database and NATS namespace for building the services' apps outside a test run
// (the tests use @onego/testing's, which need vitest). Postgres and NATS as the tests find them.

export async function withScratch<T>(run: (scratch: Scratch) => Promise<T>): Promise<T> {
  const suffix = randomBytes(4).toString('hex');
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `onego_openapi_${suffix}`;
  base.pathname = `/${name}`;
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const natsNamespace = `openapi${suffix}`;
  await ensureDatabase(base.toString());
  try {
    return await run({ databaseUrl: base.toString(), natsUrl, natsNamespace });
  } finally {
    const admin = new URL(base);
    admin.pathname = '/postgres';
    const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
    await sql`drop database if exists ${sql(name)} with (force)`.finally(() => sql.end({ timeout: 5 }));
    const nc = await connect({ servers: natsUrl });
    const jsm = await jetstreamManager(nc);
    for await (const stream of jsm.streams.names()) {
      if (stream.startsWith(`${natsNamespace.toUpperCase()}_`)) await jsm.streams.delete(stream);
    }
    await nc.close();
  }
}
