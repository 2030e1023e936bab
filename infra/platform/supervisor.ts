import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  environmentFor,
  type PlatformSettings,
  SERVICE_NAMES,
  type ServiceName,
  serviceDir,
} from './services.ts';

// Runs each service as its own process (as in production: separate processes talking over
// NATS and HTTP), waits until each is ready, restarts one that dies, and stops them all in
// order on request: the gateway first, so no new work arrives while the others finish.

export interface SupervisorOptions {
  settings: PlatformSettings;
  /** Where each service's full log goes (one file per service). */
  logDir: string;
  /** Print a one-line summary of each log line to this stream (the start command's terminal). */
  echo?: NodeJS.WritableStream;
  restartOnExit?: boolean;
  readyTimeoutMs?: number;
}

interface Managed {
  name: ServiceName;
  child?: ChildProcess;
  log: WriteStream;
  restarts: number;
  stopping: boolean;
  /** Variables for this start only (the fault-injection suite's failpoints). */
  env?: Record<string, string>;
  /** The last lines it printed, summarised: quoted when it fails to start. */
  recent: string[];
}

const RECENT_LINES = 8;

/**
 * V8's heap limits for every service (the Dockerfile sets the same). A small young generation:
 * V8 otherwise grows it at start-up (importing drizzle-orm alone leaves a 139 MB heap with 5 MB
 * in use), and each service sat at 390-440 MB resident; measured by `pnpm bench`, the same CPU
 * and latency at 10 applications/s for about half the memory. A 384 MB old generation: V8 lets
 * the heap grow further past its live data the larger this limit is; with its default (about
 * 2 GB here) applications grew from 200 to 263 MB over a 150 s run at 5/s with 38 MB live after
 * a full collection, and with 384 stayed at 167 MB (every service under 200 MB) for a few
 * percent more collection time.
 */
export const SERVICE_NODE_OPTIONS = '--max-semi-space-size=4 --max-old-space-size=384';

/**
 * A service's NODE_OPTIONS: the platform's first, then any it was given, since of two values of
 * one option there the later wins (given on the command line instead, the platform's would
 * override whatever an operator or the bench set).
 */
export const serviceNodeOptions = (given?: string) =>
  given?.trim() ? `${SERVICE_NODE_OPTIONS} ${given.trim()}` : SERVICE_NODE_OPTIONS;

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

function summarise(name: string, line: string) {
  try {
    const entry = JSON.parse(line) as {
      level?: number;
      msg?: string;
      err?: { message?: string };
      error?: string;
    };
    const detail = entry.err?.message ?? entry.error;
    return `[${name}] ${LEVELS[entry.level ?? 30] ?? 'info'} ${entry.msg ?? ''}${detail ? `: ${detail}` : ''}`;
  } catch {
    return `[${name}] ${line}`;
  }
}

async function waitUntilReady(m: Managed, port: number, host: string, deadline: number) {
  while (Date.now() < deadline) {
    const process = m.child;
    // A process killed by a signal has no exit code, only its signal.
    if (process && (process.exitCode !== null || process.signalCode !== null)) {
      const how = process.signalCode ?? `with code ${process.exitCode}`;
      const last = m.recent;
      throw new Error(
        `${m.name} exited ${how} while starting; see its log${last.length ? `; it last said:\n${last.join('\n')}` : ''}`,
      );
    }
    const ok = await fetch(`http://${host}:${port}/ready`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${m.name} was not ready on port ${port} in time; see its log`);
}

export async function startSupervisor(options: SupervisorOptions) {
  const { settings } = options;
  mkdirSync(options.logDir, { recursive: true });
  const managed = new Map<ServiceName, Managed>(
    SERVICE_NAMES.map((name) => [
      name,
      {
        name,
        log: createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' }),
        restarts: 0,
        stopping: false,
        recent: [],
      },
    ]),
  );

  function launch(m: Managed) {
    const env: NodeJS.ProcessEnv = { ...process.env, ...environmentFor(m.name, settings), ...m.env };
    env.NODE_OPTIONS = serviceNodeOptions(env.NODE_OPTIONS);
    const child = spawn(process.execPath, ['--import', '@onego/telemetry/register', 'src/main.ts'], {
      cwd: serviceDir(m.name),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    m.child = child;
    m.recent = [];
    for (const stream of [child.stdout, child.stderr]) {
      stream.pipe(m.log, { end: false });
      createInterface({ input: stream }).on('line', (line) => {
        const summary = summarise(m.name, line);
        m.recent.push(summary);
        if (m.recent.length > RECENT_LINES) m.recent.shift();
        options.echo?.write(`${summary}\n`);
      });
    }
    child.on('exit', (code, signal) => {
      if (m.stopping || !options.restartOnExit) return;
      m.restarts += 1;
      const delay = Math.min(10_000, 500 * 2 ** Math.min(m.restarts, 5));
      options.echo?.write(`[supervisor] ${m.name} exited (${signal ?? code}); restarting in ${delay} ms\n`);
      setTimeout(() => {
        if (!m.stopping) launch(m);
      }, delay).unref();
    });
  }

  async function stopOne(m: Managed) {
    m.stopping = true;
    const child = m.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    m.log.end();
  }

  async function stop() {
    // Every service is stopping from now on: one that exits first (Ctrl-C reaches the whole
    // process group) must not be restarted.
    for (const m of managed.values()) m.stopping = true;
    const gateway = managed.get('gateway');
    if (gateway) await stopOne(gateway);
    await Promise.all([...managed.values()].filter((m) => m.name !== 'gateway').map(stopOne));
  }

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  try {
    const backends = [...managed.values()].filter((m) => m.name !== 'gateway');
    for (const m of backends) launch(m);
    await Promise.all(
      backends.map((m) => waitUntilReady(m, settings.ports[m.name], settings.host, deadline)),
    );
    const gateway = managed.get('gateway') as Managed;
    launch(gateway);
    await waitUntilReady(gateway, settings.ports.gateway, settings.host, deadline);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    stop,
    /** The process of one service, for tests that stop or kill it. */
    processOf: (name: ServiceName) => managed.get(name)?.child,
    /** Sends a signal to one service (SIGKILL, SIGSTOP, SIGCONT: fault injection); false if it is not running. */
    signal(name: ServiceName, signal: NodeJS.Signals) {
      const child = managed.get(name)?.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return false;
      return child.kill(signal);
    },
    /**
     * Stops one service (if it still runs) and starts it again, with `env` added for this start
     * only (a later restart without it drops it); resolves once it is ready.
     */
    async restart(name: ServiceName, env?: Record<string, string>) {
      const m = managed.get(name) as Managed;
      await stopOne(m);
      m.stopping = false;
      m.env = env;
      m.log = createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' });
      launch(m);
      await waitUntilReady(m, settings.ports[name], settings.host, Date.now() + 60_000);
    },
  };
}

export type Supervisor = Awaited<ReturnType<typeof startSupervisor>>;
