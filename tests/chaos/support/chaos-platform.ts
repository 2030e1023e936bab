import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNamespace } from '@onego/contracts';
import { natsPasswords } from '@onego/infra/nats';
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
import { type PrivatePostgres, startPrivatePostgres } from './private-postgres.ts';
import type { Profile } from './profile.ts';

// The platform as the start command runs it (every service its own process, its own
// nats-server with a user per service), on a PostgreSQL cluster of its own: every piece can be
// killed, paused, stopped or wiped without touching what other test runs use. The suite
// watches through SQL and a NATS connection of its own (as the applications service's user,
// which may publish platform events and read stream and consumer state).

export interface ChaosPlatform {
  platform: Platform;
  postgres: PrivatePostgres;
  origin: string;
  simulatorsUrl: string;
  sql: postgres.Sql;
  nats: Nats;
  namespace: ReturnType<typeof createNamespace>;
  workDir: string;
  /** Restarts one service, with extra variables (failpoints) for this start only. */
  restart(name: ServiceName, env?: Record<string, string>): Promise<void>;
  stop(options: { keepLogs: boolean }): Promise<void>;
}

/** Settings that keep the suite's own traffic from being refused, and its waits short. */
function environment(profile: Profile): Partial<Record<ServiceName, Record<string, string>>> {
  const everyone = { ONEGO_CONSUMER_ACK_WAIT_MS: String(profile.ackWaitMs) };
  const own: Partial<Record<ServiceName, Record<string, string>>> = {
    identity: { ACCESS_TOKEN_TTL_SECONDS: '3600', RATE_LIMIT_PER_MINUTE: '100000' },
    gateway: { RATE_LIMIT_PER_MINUTE: '60000' },
    certificates: { VERIFY_RATE_LIMIT_PER_MINUTE: '60000' },
    applications: {
      RECONCILE_AFTER_MS: String(profile.reconcileAfterMs),
      RECONCILE_INTERVAL_MS: '2000',
    },
    // A department that stops answering (its simulator killed) opens the breaker; a short
    // cool-down keeps the suite's settling time in check. Correctness does not depend on it.
    'department-adapters': { DEPARTMENT_BREAKER_COOLDOWN_MS: '5000', DEPARTMENT_HTTP_RETRY_MAX_MS: '10000' },
  };
  return Object.fromEntries(SERVICE_NAMES.map((name) => [name, { ...everyone, ...own[name] }]));
}

export async function startChaosPlatform(profile: Profile): Promise<ChaosPlatform> {
  const pg = await startPrivatePostgres();
  const workDir = mkdtempSync(join(tmpdir(), 'onego-chaos-'));
  const passwords = natsPasswords();
  let platform: Platform;
  try {
    platform = await startPlatform({
      settings: {
        databaseUrl: pg.url,
        natsUrl: 'nats://127.0.0.1:4222',
        natsNamespace: '',
        ports: await freePorts(),
        host: '127.0.0.1',
        logLevel: 'warn',
        extraEnv: environment(profile),
      },
      workDir,
      restartOnExit: false,
      ownNats: { port: await freePort(), passwords },
    });
  } catch (error) {
    await pg.remove();
    throw new Error(`${String(error)} (logs in ${workDir}/logs)`);
  }
  const nats = await connectNats({
    url: platform.settings.natsUrl,
    name: 'chaos-observer',
    user: 'applications',
    pass: passwords.applications,
    inboxPrefix: '_INBOX_applications',
  });
  const sql = postgres(pg.url, { max: 4, onnotice: () => {}, connect_timeout: 5 });
  return {
    platform,
    postgres: pg,
    origin: platform.publicOrigin,
    simulatorsUrl: `http://127.0.0.1:${platform.settings.ports['department-simulators']}`,
    sql,
    nats,
    namespace: createNamespace(''),
    workDir,
    restart: (name, env) => platform.supervisor.restart(name, env),
    async stop({ keepLogs }) {
      await nats.close().catch(() => undefined);
      await sql.end({ timeout: 2 }).catch(() => undefined);
      await platform.stop();
      await pg.remove();
      if (!keepLogs) rmSync(workDir, { recursive: true, force: true });
    },
  };
}
