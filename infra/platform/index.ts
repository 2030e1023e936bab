import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { type NatsUser, renderNatsConfig } from '../nats/config.ts';
import { type NatsServer, startNatsServer } from '../nats/server.ts';
import { prepareNats, preparePostgres } from './prepare.ts';
import { type PlatformSettings, publicOriginOf, SERVICE_NAMES, type ServiceName } from './services.ts';
import { type Supervisor, startSupervisor } from './supervisor.ts';

export { freePort, freePorts } from './ports.ts';
export { type PlatformSettings, publicOriginOf, SERVICE_NAMES, type ServiceName } from './services.ts';
export { SERVICE_NODE_OPTIONS, type Supervisor, serviceNodeOptions } from './supervisor.ts';

export interface Platform {
  settings: PlatformSettings;
  publicOrigin: string;
  /** The services' supervisor (a new one after `restartServices`). */
  readonly supervisor: Supervisor;
  /** The platform's own nats-server (with `ownNats`), for tests that kill and restart it. */
  nats?: OwnNats;
  /**
   * Stops every service, runs `whileStopped` (e.g. wipe the JetStream store), then starts them
   * all again; the nats-server and Postgres are left to the caller.
   */
  restartServices(whileStopped?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export interface OwnNats {
  /** Where its configuration, JetStream store (`jetstream/`) and log are. */
  dir: string;
  /** Sends the signal (default SIGKILL) and waits for the server to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port, configuration and store; resolves once it answers. */
  start(): Promise<void>;
  /** How the current server process ended (its signal or exit code), or null while it runs. */
  exit(): string | null;
}

/**
 * Prepares Postgres and NATS, then starts every service and waits until each is ready. With
 * `ownNats`, the platform runs a nats-server of its own on that port, configured as infra/nats
 * says (one user per service and per department system, with these passwords), storing under
 * the work folder; every service and simulated department connects with its own credentials.
 */
export async function startPlatform(options: {
  settings: PlatformSettings;
  workDir: string;
  echo?: NodeJS.WritableStream;
  restartOnExit?: boolean;
  ownNats?: { port: number; passwords: Record<NatsUser, string> };
}): Promise<Platform> {
  const { workDir } = options;
  let settings = options.settings;
  await preparePostgres(settings.databaseUrl);
  let own: NatsServer | undefined;
  let startOwn: (() => Promise<NatsServer>) | undefined;
  if (options.ownNats) {
    const { port, passwords } = options.ownNats;
    startOwn = () =>
      startNatsServer({
        config: renderNatsConfig({ passwords, namespace: settings.natsNamespace }),
        port,
        dir: join(workDir, 'nats'),
        probe: { user: 'department-adapters', password: passwords['department-adapters'] },
      });
    own = await startOwn();
    settings = { ...settings, natsUrl: own.url, natsPasswords: passwords };
  }
  const auth = settings.natsPasswords && {
    user: 'department-adapters',
    pass: settings.natsPasswords['department-adapters'],
  };
  let nats: ChildProcess | undefined;
  try {
    nats =
      own?.process ??
      (await prepareNats(settings.natsUrl, settings.natsNamespace, join(workDir, 'nats'), auth));
  } catch (error) {
    await own?.stop();
    throw error;
  }
  const supervise = () =>
    startSupervisor({
      settings,
      logDir: join(workDir, 'logs'),
      ...(options.echo && { echo: options.echo }),
      restartOnExit: options.restartOnExit ?? true,
    });
  let supervisor: Supervisor;
  try {
    supervisor = await supervise();
  } catch (error) {
    nats?.kill('SIGTERM');
    throw error;
  }
  const ownNats: OwnNats | undefined = startOwn && {
    dir: join(workDir, 'nats'),
    async kill(signal = 'SIGKILL') {
      const child = nats;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
    async start() {
      own = await (startOwn as () => Promise<NatsServer>)();
      nats = own.process;
    },
    exit() {
      if (!nats || (nats.exitCode === null && nats.signalCode === null)) return null;
      return nats.signalCode ?? `exit code ${nats.exitCode}`;
    },
  };
  return {
    settings,
    publicOrigin: publicOriginOf(settings),
    get supervisor() {
      return supervisor;
    },
    ...(ownNats && { nats: ownNats }),
    async restartServices(whileStopped) {
      await supervisor.stop();
      await whileStopped?.();
      supervisor = await supervise();
    },
    async stop() {
      await supervisor.stop();
      const server = nats;
      if (server && server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export const defaultPorts = (gateway: number): Record<ServiceName, number> =>
  Object.fromEntries(
    SERVICE_NAMES.map((name, i) => [name, name === 'gateway' ? gateway : gateway + i + 1]),
  ) as Record<ServiceName, number>;
