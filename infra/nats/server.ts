import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';

// A nats-server of the platform's own, with its configuration (users and permissions), on a
// given port and store: what the start command runs when no NATS_URL is given (the machine's
// own nats-server, without authorisation, may already hold port 4222), and what the isolation
// tests run. Stopped with the platform.

export interface NatsServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const answers = (url: string, user: string, pass: string) =>
  connect({ servers: url, user, pass, timeout: 1000 }).then(
    async (nc) => {
      await nc.close();
      return true;
    },
    () => false,
  );

export async function startNatsServer(options: {
  /** The configuration text (see renderNatsConfig). */
  config: string;
  port: number;
  /** Where the configuration file, the JetStream store and the log go. */
  dir: string;
  /** Any user of the configuration, to tell when the server is up. */
  probe: { user: string; password: string };
  host?: string;
}): Promise<NatsServer> {
  const host = options.host ?? '127.0.0.1';
  mkdirSync(options.dir, { recursive: true });
  const configFile = join(options.dir, 'nats-server.conf');
  writeFileSync(configFile, options.config, { mode: 0o600 });
  const child = spawn(
    'nats-server',
    [
      '-c',
      configFile,
      '-a',
      host,
      '-p',
      String(options.port),
      '-sd',
      options.dir,
      '-l',
      join(options.dir, 'nats-server.log'),
    ],
    { stdio: 'ignore' },
  );
  const failed = new Promise<Error>((resolve) => {
    child.once('error', (error) =>
      resolve(new Error(`cannot start nats-server (${error.message}); install it (apt install nats-server)`)),
    );
    child.once('exit', (code) =>
      resolve(new Error(`nats-server exited with code ${code}; see ${options.dir}/nats-server.log`)),
    );
  });
  const url = `nats://${host}:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  // Probe for up to ten seconds: a refused connection comes back at once, so each probe is
  // followed by a pause (without it, a server slow to restore its streams is given up on early).
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const outcome = await Promise.race([answers(url, options.probe.user, options.probe.password), failed]);
    if (outcome instanceof Error) throw outcome;
    if (outcome === true) return { url, process: child, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`nats-server did not answer at ${url}; see ${options.dir}/nats-server.log`);
}
