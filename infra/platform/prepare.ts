import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from '@nats-io/transport-node';
import { createNamespace } from '@onego/contracts';
import { ensureDatabase } from '@onego/db';
import { connectNats, ensureStreams } from '@onego/messaging';
import postgres from 'postgres';

// Before the services start: the database exists and answers, NATS answers with JetStream, and
// the streams exist. (Each service applies its own migrations when it starts.)

export async function preparePostgres(databaseUrl: string) {
  try {
    await ensureDatabase(databaseUrl);
    const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
    await sql`select 1`.finally(() => sql.end({ timeout: 1 }));
  } catch (error) {
    const where = new URL(databaseUrl);
    throw new Error(
      `PostgreSQL is not usable at ${where.host}${where.pathname} (${String(error)}). Start it, or set DATABASE_URL.`,
    );
  }
}

export interface NatsAuth {
  user: string;
  pass: string;
}

const natsAnswers = (url: string, auth?: NatsAuth) =>
  connect({ servers: url, timeout: 2000, ...auth }).then(
    async (nc) => {
      const jetstream = Boolean(nc.info?.jetstream);
      await nc.close();
      return { up: true, jetstream };
    },
    () => ({ up: false, jetstream: false }),
  );

/**
 * Makes sure NATS with JetStream answers at `url` (as `auth`, a platform service's user, when the
 * server requires credentials). When nothing listens there, the URL is on loopback and no
 * credentials are in use, starts a nats-server (from the machine's packages) storing under
 * `storeDir`; it is returned so the caller stops it with the platform.
 */
export async function prepareNats(
  url: string,
  namespace: string,
  storeDir: string,
  auth?: NatsAuth,
): Promise<ChildProcess | undefined> {
  let started: ChildProcess | undefined;
  let state = await natsAnswers(url, auth);
  const { hostname, port } = new URL(url);
  if (!state.up && !auth && (hostname === '127.0.0.1' || hostname === 'localhost')) {
    mkdirSync(storeDir, { recursive: true });
    started = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', port || '4222', '-sd', storeDir], {
      stdio: 'ignore',
    });
    started.on('error', () => {});
    for (let i = 0; i < 50 && !state.up; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await natsAnswers(url);
    }
  }
  if (!state.up) throw new Error(`NATS is not reachable at ${url}. Start nats-server -js, or set NATS_URL.`);
  if (!state.jetstream) throw new Error(`NATS at ${url} runs without JetStream; start it with -js.`);
  const nats = await connectNats({
    url,
    name: 'onego-prepare',
    ...(auth && { ...auth, inboxPrefix: `_INBOX_${auth.user}` }),
  });
  try {
    await ensureStreams(nats.jsm, createNamespace(namespace).streams());
  } finally {
    await nats.close();
  }
  return started;
}
