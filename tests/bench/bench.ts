// `pnpm bench` (issue 8): the platform as it really runs, measured from outside. Starts the
// services as processes on a fresh database and NATS namespace, measures the machine's own
// ceilings, then drives newborn applications through the gateway from a separate load process
// (fixed rates, a find-the-peak search, an intake burst), optionally with synthetic history
// stored first, and writes reports/bench-<timestamp>.json and .md. `pnpm bench --help`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { type Baseline, measureBaseline, scratchStreamName } from './baseline.ts';
import { type CampaignResults, idleTransactionRate, runCampaign } from './campaign.ts';
import { type BenchOptions, HELP, parseBenchArgs } from './cli.ts';
import { type LoadProcess, startLoadProcess } from './load-client.ts';
import { describeMachine } from './machine.ts';
import type { Session } from './phases.ts';
import { adminUrl, freeConnections, startBenchPlatform } from './platform.ts';
import { readServiceProfiles } from './profile.ts';
import { type BenchResult, evaluate, ratiosOf, writeReports } from './report.ts';
import { startVacuuming, type Vacuuming } from './vacuum.ts';

const argv = process.argv.slice(2);
let options: BenchOptions;
try {
  const parsed = parseBenchArgs(argv, process.env);
  if (parsed === 'help') {
    console.log(HELP);
    process.exit(0);
  }
  options = parsed;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nSee: pnpm bench --help`);
  process.exit(2);
}

const quote = (arg: string) => (/^[\w.,:/=@+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);
const command = ['pnpm bench', ...argv.map(quote)].join(' ');
const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, '-').replace('Z', '');
const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = resolve(root, options.out);
const cpuProfDir = options.cpuProf ? resolve(outDir, `bench-${stamp}-cpu`) : null;
/** Where the services' logs are copied when the platform stops. */
const logsDir = resolve(outDir, `bench-${stamp}-logs`);
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Connections the platform needs under load, plus the bench's own. */
const PLATFORM_CONNECTIONS = 45;

async function main() {
  const needed = PLATFORM_CONNECTIONS + (options.baseline ? options.postgresLoops : 0);
  const free = await freeConnections(options.databaseUrl);
  if (free < needed) {
    const why = `Postgres has ${free} free connections; the bench needs about ${needed} (other work is using the server)`;
    if (!options.force) throw new Error(`${why}. Wait for it to finish, lower --pg-loops, or pass --force.`);
    log(`warning: ${why}; going on (--force)`);
  }
  log(
    `starting the platform (${options.natsUrl ? `NATS at ${options.natsUrl}` : 'with a nats-server of its own'})…`,
  );
  const platformStart = Date.now();
  const bench = await startBenchPlatform({
    databaseUrl: options.databaseUrl,
    natsUrl: options.natsUrl,
    cpuProfDir,
    extraEnv: options.extraEnv,
    departmentTransport: options.departmentTransport,
  });
  const startSeconds = (Date.now() - platformStart) / 1000;
  log(`platform up in ${startSeconds.toFixed(1)} s at ${bench.origin} (database ${bench.databaseName})`);
  const admin = postgres(adminUrl(bench.databaseUrl), { max: 2, onnotice: () => {} });
  const sql = postgres(bench.databaseUrl, { max: 2, onnotice: () => {} });
  const departmentsSql = postgres(bench.departmentsDatabaseUrl, { max: 1, onnotice: () => {} });
  const nats = await bench.connectObserver('onego-bench-observer');
  let load: LoadProcess | undefined;
  let vacuuming: Vacuuming | undefined;
  let departmentsVacuuming: Vacuuming | undefined;
  // One stop however many ask (a signal and the run's own end): each caller waits for all of it.
  let stopping: Promise<void> | undefined;
  const stopAll = () => {
    stopping ??= stopEverything();
    return stopping;
  };
  const stopEverything = async () => {
    await vacuuming?.stop().catch(() => undefined);
    await departmentsVacuuming?.stop().catch(() => undefined);
    await load?.stop().catch(() => undefined);
    await nats.close().catch(() => undefined);
    await sql.end({ timeout: 2 }).catch(() => undefined);
    await departmentsSql.end({ timeout: 2 }).catch(() => undefined);
    await admin.end({ timeout: 2 }).catch(() => undefined);
    log(
      options.keep
        ? `stopping the platform (keeping ${bench.databaseName}, ${bench.departmentsDatabaseName} and ${bench.workDir})…`
        : 'stopping the platform…',
    );
    await bench.stop({ keep: options.keep, logsTo: logsDir });
  };
  // However the bench is stopped, the services it started and its database go with it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void stopAll().finally(() => process.exit(130));
    });
  }
  // A closed pipe on stdout (`pnpm bench | head`) must not kill the bench before it cleans up.
  process.stdout.on('error', () => undefined);

  const machine = await describeMachine(admin);
  const results: CampaignResults = { phases: [], peak: null, skipped: [] };
  let baseline: Baseline | null = null;
  let session: Session | undefined;
  let failure: unknown = null;
  /** When the first measured run began and when the services stopped (--cpu-prof's window). */
  let measuredFrom: number | null = null;
  let stoppedAt = Date.now();
  try {
    if (options.baseline) {
      baseline = await measureBaseline({
        nats,
        namespace: bench.namespace,
        databaseUrl: bench.databaseUrl,
        messages: options.baselineMessages,
        seconds: options.baselineSeconds,
        loops: options.postgresLoops,
        log,
      });
      log(
        `baseline: publish ${Math.round(baseline.jetstreamPublishPerS)}/s, consume ${Math.round(baseline.jetstreamConsumePerS)}/s, ` +
          `commit ${Math.round(baseline.postgresCommitsPerS)}/s, commit+publish ${Math.round(baseline.transactionAndPublishPerS)}/s`,
      );
    }
    load = startLoadProcess();
    const ready = await load.prepare(bench.origin, options.citizens);
    log(`load process ready: ${ready.citizens} parents signed in (${ready.signInMs} ms)`);
    const scratch = scratchStreamName(bench.namespace);
    session = {
      bench,
      load,
      sql,
      admin,
      nats,
      sampleMs: options.sampleMs,
      ownQueries: { count: 0, departments: 0 },
      idleTransactionsPerS: null,
      postgresPids: { backends: [], departments: [], background: [] },
      excludeStream: (name) => name === scratch,
      log,
    };
    if (options.vacuum && machine.postgresSettings.autovacuum !== 'on') {
      const own = session.ownQueries;
      vacuuming = startVacuuming(sql, 60_000, (transactions) => {
        own.count += transactions;
      });
      departmentsVacuuming = startVacuuming(departmentsSql, 60_000, (transactions) => {
        own.departments += transactions;
      });
      log(
        "the server's autovacuum is off: the bench vacuums the bench database (and the departments') as autovacuum would, every minute",
      );
    }
    // Let the sign-ins' statistics settle, then see what the idle platform commits on its own.
    await sleep(2000);
    session.idleTransactionsPerS = await idleTransactionRate(session, 10);
    log(`idle platform: ${session.idleTransactionsPerS.toFixed(1)} transactions/s`);
    measuredFrom = Date.now();
    await runCampaign(session, options, results);
  } catch (error) {
    // What was measured before the failure is still worth its report.
    failure = error;
    log(`failed: ${message(error)}`);
  } finally {
    await stopAll();
    stoppedAt = Date.now();
  }

  const result: BenchResult = {
    command,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    options,
    platform: {
      databaseName: bench.databaseName,
      departmentsDatabaseName: bench.departmentsDatabaseName,
      namespace: bench.namespace,
      ownNatsServer: bench.natsPid !== null,
      startSeconds,
    },
    baseline,
    idleTransactionsPerS: session?.idleTransactionsPerS ?? null,
    vacuum:
      machine.postgresSettings.autovacuum === 'on'
        ? { by: 'server' }
        : vacuuming
          ? { by: 'bench', rounds: vacuuming.rounds, tables: vacuuming.tables }
          : { by: 'nobody' },
    phases: results.phases,
    peak: results.peak,
    skipped: results.skipped,
    ratios: ratiosOf(results.phases, baseline),
    targets: evaluate(results.phases),
    // From the first measured run to the services' exit (their stop takes a second or two more).
    profiles:
      cpuProfDir && measuredFrom !== null ? readServiceProfiles(cpuProfDir, stoppedAt - measuredFrom) : null,
    error:
      failure === null
        ? null
        : failure instanceof Error
          ? (failure.stack ?? failure.message)
          : String(failure),
  };
  const written = writeReports(outDir, stamp, result);
  console.log('');
  for (const t of result.targets) console.log(`  ${t.verdict.padEnd(12)} ${t.target}: ${t.measured}`);
  console.log('');
  console.log(`Summary: ${written.md}`);
  console.log(`Data:    ${written.json}`);
  console.log(`Logs:    ${logsDir}`);
  if (failure !== null) throw failure;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
