import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEPARTMENTS } from '@onego/contracts';
import { ensureDatabase } from '@onego/db';
import { natsPasswords, renderNatsConfig, startNatsServer } from '@onego/infra/nats';
import {
  freePort,
  freePorts,
  type Platform,
  SERVICE_NAMES,
  type ServiceName,
  startPlatform,
} from '@onego/infra/platform';
import { connectNats, type Nats } from '@onego/messaging';
import postgres from 'postgres';

// The platform under test, started exactly as `./onego start` and the end-to-end tests start it
// (infra/platform: every service its own process, migrations applied at start), on a database
// and a NATS namespace of its own that are removed afterwards. By default it also gets a
// nats-server of its own with infra/nats's users (one per service and department system, as the
// start command runs it): its process is then the bench's alone to measure, and other work on
// the machine's shared nats-server does not mix into the counts. The one addition to that
// configuration is a `bench` user allowed everything, for the observer and the baseline.
//
// The department simulators stand in for the departments' own systems, which are not the
// platform's: they keep their cases in a database of their own here (as a department's system
// would), so that the bench database's transactions and rows are the platform's alone. Their
// work is still measured, apart (see counters.ts).

export interface BenchPlatform {
  platform: Platform;
  origin: string;
  databaseUrl: string;
  databaseName: string;
  /** The department simulators' database (the departments' systems, not the platform). */
  departmentsDatabaseUrl: string;
  departmentsDatabaseName: string;
  /** The NATS namespace prefix: subjects start with it, stream names with it in capitals. */
  namespace: string;
  natsUrl: string;
  /** The nats-server process when the bench runs its own (so its CPU and memory are measured). */
  natsPid: number | null;
  workDir: string;
  /** Connects to the platform's NATS as an observer allowed to manage streams (the bench user). */
  connectObserver(name: string): Promise<Nats>;
  /** Process ids of every service now (they change if a service is restarted). */
  pids(): Partial<Record<ServiceName, number>>;
  /**
   * Stops the services and copies their logs to `logsTo` (an odd run can then still be looked
   * into); unless `keep`, drops the database and removes the work directory.
   */
  stop(options: { keep: boolean; logsTo?: string }): Promise<void>;
}

const BENCH_USER = 'bench';

/**
 * The variables that make the platform a fair subject: departments answer at once, tokens
 * outlive a 30-minute run, and the per-address rate limits (meant for one person's browser)
 * let the single load process stand in for thousands of citizens. Every guarantee (outbox,
 * inbox, fsync, authentication, validation, encryption) stays as configured by default.
 */
function benchEnvironment(
  cpuProfDir: string | null,
  departmentsDatabaseUrl: string,
  extra: Record<string, Record<string, string>>,
): Partial<Record<ServiceName, Record<string, string>>> {
  const atOnce = Object.fromEntries(DEPARTMENTS.map((d) => [d, { mode: 'approve', delayMs: 0 }]));
  const own: Partial<Record<ServiceName, Record<string, string>>> = {
    identity: { ACCESS_TOKEN_TTL_SECONDS: '3600', RATE_LIMIT_PER_MINUTE: '100000' },
    gateway: { RATE_LIMIT_PER_MINUTE: '65535' },
    'department-simulators': {
      SIMULATOR_BEHAVIOUR: JSON.stringify(atOnce),
      DATABASE_URL: departmentsDatabaseUrl,
    },
  };
  return Object.fromEntries(
    SERVICE_NAMES.map((name) => {
      // --cpu-prof writes the profile when the process exits (the supervisor's SIGTERM); Node
      // options given with --env are added to it rather than replacing it.
      const nodeOptions = [
        cpuProfDir && `--cpu-prof --cpu-prof-dir=${join(cpuProfDir, name)}`,
        extra['*']?.NODE_OPTIONS,
        extra[name]?.NODE_OPTIONS,
      ].filter(Boolean);
      const env = { ...own[name], ...extra['*'], ...extra[name] };
      if (nodeOptions.length > 0) env.NODE_OPTIONS = nodeOptions.join(' ');
      return [name, env];
    }),
  );
}

/** infra/nats's configuration with one more user, the bench's, allowed every subject. */
function benchNatsConfig(namespace: string, password: string) {
  const config = renderNatsConfig({ passwords: natsPasswords(), namespace });
  const bench = `    {
      user: "${BENCH_USER}"
      password: "${password}"
    }`;
  const end = config.lastIndexOf('\n  ]\n}');
  if (end < 0) throw new Error('unexpected nats-server configuration layout');
  return `${config.slice(0, end)},\n${bench}${config.slice(end)}`;
}

function adminUrl(databaseUrl: string) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export async function startBenchPlatform(options: {
  databaseUrl: string;
  natsUrl: string | null;
  cpuProfDir: string | null;
  /** Extra variables per service, on top of the bench's (`--env`). */
  extraEnv: Record<string, Record<string, string>>;
  departmentTransport: string | null;
}): Promise<BenchPlatform> {
  const suffix = randomBytes(4).toString('hex');
  const databaseName = `onego_bench_${suffix}`;
  const database = new URL(options.databaseUrl);
  database.pathname = `/${databaseName}`;
  const databaseUrl = database.toString();
  const departmentsDatabaseName = `${databaseName}_departments`;
  database.pathname = `/${departmentsDatabaseName}`;
  const departmentsDatabaseUrl = database.toString();
  const namespace = `b${suffix}`;
  const workDir = mkdtempSync(join(tmpdir(), 'onego-bench-'));
  const benchPassword = randomBytes(12).toString('hex');

  const ownNats = options.natsUrl
    ? null
    : await startNatsServer({
        config: benchNatsConfig(namespace, benchPassword),
        port: await freePort(),
        dir: join(workDir, 'nats'),
        probe: { user: BENCH_USER, password: benchPassword },
      });
  const natsUrl = ownNats?.url ?? (options.natsUrl as string);
  const observerAuth = ownNats ? { user: BENCH_USER, pass: benchPassword } : {};

  let platform: Platform;
  try {
    await ensureDatabase(departmentsDatabaseUrl);
    platform = await startPlatform({
      settings: {
        databaseUrl,
        natsUrl,
        natsNamespace: namespace,
        ports: await freePorts(),
        host: '127.0.0.1',
        logLevel: 'warn',
        ...(ownNats && { natsPasswords: natsPasswords() }),
        extraEnv: benchEnvironment(options.cpuProfDir, departmentsDatabaseUrl, options.extraEnv),
        ...(options.departmentTransport !== null && { departmentTransport: options.departmentTransport }),
      },
      workDir,
      restartOnExit: false,
    });
  } catch (error) {
    await ownNats?.stop();
    await dropDatabase(databaseUrl, databaseName).catch(() => undefined);
    await dropDatabase(databaseUrl, departmentsDatabaseName).catch(() => undefined);
    throw new Error(`${String(error)} (logs in ${workDir}/logs)`);
  }

  const connectObserver = (name: string) => connectNats({ url: natsUrl, name, ...observerAuth });

  return {
    platform,
    origin: platform.publicOrigin,
    databaseUrl,
    databaseName,
    departmentsDatabaseUrl,
    departmentsDatabaseName,
    namespace,
    natsUrl,
    natsPid: ownNats?.process.pid ?? null,
    workDir,
    connectObserver,
    pids() {
      const pids: Partial<Record<ServiceName, number>> = {};
      for (const name of SERVICE_NAMES) {
        const pid = platform.supervisor.processOf(name)?.pid;
        if (pid !== undefined) pids[name] = pid;
      }
      return pids;
    },
    async stop({ keep, logsTo }) {
      await platform.stop();
      const logs = join(workDir, 'logs');
      if (logsTo && existsSync(logs)) cpSync(logs, logsTo, { recursive: true });
      if (!keep) {
        // Only a private nats-server takes its streams with it; on a shared one they are deleted.
        if (!ownNats) await deleteNamespaceStreams(connectObserver, namespace).catch(() => undefined);
        await dropDatabase(databaseUrl, databaseName).catch(() => undefined);
        await dropDatabase(databaseUrl, departmentsDatabaseName).catch(() => undefined);
      }
      await ownNats?.stop();
      if (!keep) rmSync(workDir, { recursive: true, force: true });
    },
  };
}

async function deleteNamespaceStreams(connect: (name: string) => Promise<Nats>, namespace: string) {
  const nats = await connect('onego-bench-cleanup');
  try {
    const prefix = `${namespace.toUpperCase()}_`;
    for await (const name of nats.jsm.streams.names()) {
      if (name.startsWith(prefix)) await nats.jsm.streams.delete(name);
    }
  } finally {
    await nats.close();
  }
}

async function dropDatabase(databaseUrl: string, name: string) {
  const sql = postgres(adminUrl(databaseUrl), { max: 1, onnotice: () => {} });
  try {
    await sql`drop database if exists ${sql(name)} with (force)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export { adminUrl };

/**
 * The platform holds about 40 Postgres connections under load (six pools and their listeners),
 * the bench a few, the baseline `loops` more for a while. Starting without them free would make
 * the bench fail half-way, or worse, make someone else's work on the same server fail.
 */
export async function freeConnections(databaseUrl: string) {
  const sql = postgres(adminUrl(databaseUrl), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ free: number }[]>`
      select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
             - (select count(*) from pg_stat_activity)::int as free`;
    return row?.free ?? 0;
  } finally {
    await sql.end({ timeout: 2 });
  }
}
