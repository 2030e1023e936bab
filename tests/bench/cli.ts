import { parseArgs } from 'node:util';
import { SERVICES } from './targets.ts';

// `pnpm bench` arguments. The default run (no arguments) is meant to finish in about five
// minutes on the 2-core machine: the baseline, three fixed rates and a short peak search.

export type Mode = 'fixed' | 'peak' | 'all';

export interface BenchOptions {
  mode: Mode;
  rates: number[];
  durationS: number;
  warmupS: number;
  drainTimeoutS: number;
  peak: {
    startRate: number;
    factor: number;
    maxRate: number;
    stepS: number;
    refinements: number;
    maxP99Ms: number;
  };
  /** Synthetic completed applications stored before measuring; several levels are run in turn. */
  preload: number[];
  intakeS: number;
  intakeConcurrency: number;
  baseline: boolean;
  /** Vacuum the bench database as autovacuum would when the server's autovacuum is off. */
  vacuum: boolean;
  baselineMessages: number;
  baselineSeconds: number;
  postgresLoops: number;
  citizens: number;
  /** Use this nats-server (no credentials) instead of starting one of the platform's own. */
  natsUrl: string | null;
  /** Extra variables per service (`--env service:NAME=value`), for trying a setting. */
  extraEnv: Record<string, Record<string, string>>;
  departmentTransport: string | null;
  databaseUrl: string;
  cpuProf: boolean;
  sampleMs: number;
  keep: boolean;
  /** Start even when Postgres has too few free connections (another user's work may fail). */
  force: boolean;
  out: string;
}

export const HELP = `pnpm bench [options]: the OneGo benchmark (issue 8)

Starts the platform as separate processes on a fresh database and NATS namespace (with its own
nats-server and per-service users, as ./onego start runs it), the department simulators
approving at once, and drives single-child newborn applications through the public HTTP API
from a separate load process. Writes reports/bench-<timestamp>.json and .md, and keeps the
services' logs in reports/bench-<timestamp>-logs/.

Modes
  --mode all|fixed|peak     all (default): fixed rates, then a peak search; fixed; or peak only
  --rates 10,25,50          fixed mode: open-loop rates (applications/s), one run each
  --duration 40             seconds of load per fixed rate
  --warmup 5                seconds at the start of each run left out of the steady window and
                            of the latencies (the warm-up's own are reported apart)
  --drain-timeout 60        seconds to wait after sending for the last applications to complete

Peak search (open loop, rate stepped up until completions fall behind or p99 explodes)
  --peak-start 40           first rate offered
  --peak-factor 1.4         each step offers this many times the last sustained rate
  --peak-max 2000           never offer more than this
  --peak-step 15            seconds per step
  --peak-refine 2           bisections between the best sustained and the first failed rate
  --peak-p99-ms 5000        a step whose submission-to-completion p99 exceeds this is not sustained
                            (the default platform's floor is ~2 s: HTTP departments are polled each second)

Data growth
  --preload 0               synthetic completed applications stored before measuring; a list
                            (0,1000,10000,100000) runs the measurements at each level in turn.
                            10000000 works but takes a long time (inserts in batches of 50,000).

Intake
  --intake 10               seconds of closed-loop submissions as fast as accepted (0: skip)
  --intake-concurrency 64   submissions in flight during the intake measurement

Baseline (the machine's ceilings, same client libraries)
  --no-baseline             skip it
  --baseline-messages 20000 messages for the JetStream publish and consume ceilings
  --baseline-seconds 5      seconds for each Postgres ceiling
  --pg-loops 32             concurrent loops for the Postgres ceilings

Other
  --citizens 20             signed-in parents the load process submits as
  --nats-url URL            use this nats-server (no credentials, like the e2e tests) instead
  --env SERVICE:NAME=VALUE  an extra variable for one service, or every one with '*' (repeatable),
                            to try a setting, e.g. --env department-adapters:DEPARTMENT_HTTP_POLL_MS=50
                            or --env '*:NODE_OPTIONS=--max-semi-space-size=8'
  --department-transport T  DEPARTMENT_TRANSPORT for adapters and simulators (e.g. '*=nats')
  --database-url URL        where to create the bench database (default DATABASE_URL or local)
  --cpu-prof                run every service with --cpu-prof and summarise the hottest functions
  --sample-ms 1000          how often CPU, memory and open files are sampled
  --no-vacuum               when the server's autovacuum is off, leave it so (by default the bench
                            vacuums the bench database each minute with autovacuum's default policy)
  --keep                    keep the database, streams and logs afterwards
  --force                   start even if Postgres has fewer free connections than the bench needs
  --out reports             where the reports go
  -h, --help                this text

Examples
  pnpm bench
  pnpm bench --mode fixed --rates 10,25,50 --duration 60
  pnpm bench --mode peak --peak-start 50 --peak-step 30
  pnpm bench --mode fixed --rates 50 --duration 1800          (the memory-flatness target)
  pnpm bench --mode fixed --rates 50 --preload 0,1000,10000,100000
`;

const numbers = (text: string, name: string) =>
  text.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: "${part}" is not a number >= 0`);
    return value;
  });

function positive(text: string | undefined, name: string, fallback: number) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: "${text}" is not a number > 0`);
  return value;
}

function wholeOrZero(text: string | undefined, name: string, fallback: number) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name}: "${text}" is not a whole number >= 0`);
  return value;
}

/** The options, or `help` when asked for it. Throws with a message naming a bad argument. */
export function parseBenchArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      mode: { type: 'string' },
      rates: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'drain-timeout': { type: 'string' },
      'peak-start': { type: 'string' },
      'peak-factor': { type: 'string' },
      'peak-max': { type: 'string' },
      'peak-step': { type: 'string' },
      'peak-refine': { type: 'string' },
      'peak-p99-ms': { type: 'string' },
      preload: { type: 'string' },
      intake: { type: 'string' },
      'intake-concurrency': { type: 'string' },
      'no-baseline': { type: 'boolean' },
      'no-vacuum': { type: 'boolean' },
      'baseline-messages': { type: 'string' },
      'baseline-seconds': { type: 'string' },
      'pg-loops': { type: 'string' },
      citizens: { type: 'string' },
      'nats-url': { type: 'string' },
      env: { type: 'string', multiple: true },
      'department-transport': { type: 'string' },
      'database-url': { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      'sample-ms': { type: 'string' },
      keep: { type: 'boolean' },
      force: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const mode = (values.mode ?? 'all') as Mode;
  if (!['fixed', 'peak', 'all'].includes(mode))
    throw new Error(`--mode: "${values.mode}" is not fixed, peak or all`);
  const rates = numbers(values.rates ?? '10,25,50', 'rates');
  if (rates.some((r) => r <= 0)) throw new Error('--rates: every rate must be > 0');
  const durationS = positive(values.duration, 'duration', 40);
  const warmupS = wholeOrZero(values.warmup, 'warmup', 5);
  if (warmupS >= durationS) throw new Error('--warmup must be shorter than --duration');
  const preload = [...new Set(numbers(values.preload ?? '0', 'preload').map(Math.floor))].sort(
    (a, b) => a - b,
  );
  return {
    mode,
    rates,
    durationS,
    warmupS,
    drainTimeoutS: positive(values['drain-timeout'], 'drain-timeout', 60),
    peak: {
      startRate: positive(values['peak-start'], 'peak-start', 40),
      factor: positive(values['peak-factor'], 'peak-factor', 1.4),
      maxRate: positive(values['peak-max'], 'peak-max', 2000),
      stepS: positive(values['peak-step'], 'peak-step', 15),
      refinements: wholeOrZero(values['peak-refine'], 'peak-refine', 2),
      maxP99Ms: positive(values['peak-p99-ms'], 'peak-p99-ms', 5000),
    },
    preload,
    intakeS: wholeOrZero(values.intake, 'intake', 10),
    intakeConcurrency: positive(values['intake-concurrency'], 'intake-concurrency', 64),
    baseline: !values['no-baseline'],
    vacuum: !values['no-vacuum'],
    baselineMessages: positive(values['baseline-messages'], 'baseline-messages', 20_000),
    baselineSeconds: positive(values['baseline-seconds'], 'baseline-seconds', 5),
    postgresLoops: positive(values['pg-loops'], 'pg-loops', 32),
    citizens: positive(values.citizens, 'citizens', 20),
    natsUrl: values['nats-url'] ?? null,
    extraEnv: parseEnv(values.env ?? []),
    departmentTransport: values['department-transport'] ?? null,
    databaseUrl: values['database-url'] ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    cpuProf: Boolean(values['cpu-prof']),
    sampleMs: positive(values['sample-ms'], 'sample-ms', 1000),
    keep: Boolean(values.keep),
    force: Boolean(values.force),
    out: values.out ?? 'reports',
  };
}

/** `service:NAME=value` arguments, grouped by service ('*': every service). */
function parseEnv(entries: readonly string[]) {
  const out: Record<string, Record<string, string>> = {};
  for (const entry of entries) {
    const match = /^([a-z-]+|\*):([A-Z][A-Z0-9_]*)=(.*)$/s.exec(entry);
    if (!match) throw new Error(`--env: "${entry}" is not service:NAME=value`);
    const [, service, name, value] = match as unknown as [string, string, string, string];
    if (service !== '*' && !(SERVICES as readonly string[]).includes(service))
      throw new Error(`--env: "${service}" is not one of ${SERVICES.join(', ')}`);
    out[service] = { ...out[service], [name]: value };
  }
  return out;
}
