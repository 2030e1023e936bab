import { SERVICE_NAMES } from '@onego/infra/platform';
import { signInNew } from '../support/citizens.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { createFuzzContext, submission } from './context.ts';
import { refusedLeaveNothing } from './database-phase.ts';
import { type FloodParties, oversizedBodies } from './flood-oversized.ts';
import { oneIdentityFlood } from './flood-rate.ts';
import { slowClients } from './flood-slow.ts';
import { fuzzOperations } from './fuzz-phase.ts';
import { SETTLE_MS, sampleMemory } from './memory.ts';
import { fetchOperations } from './openapi.ts';
import { type FuzzReport, writeReport } from './report.ts';
import { check, type ScenarioResult } from './scenario.ts';
import { createSender } from './send.ts';
import { minimise } from './shrink.ts';

// The whole campaign against a platform of its own: generated requests against every operation
// of the public API, the database check, then the floods. Writes the report and returns it.

export interface CampaignOptions {
  seed: number;
  requests: number;
  concurrency: number;
  /** ONEGO_HTTP_REQUEST_TIMEOUT_MS for every service; undefined: the services' default. */
  requestTimeoutMs?: number;
  floodRounds: number;
  slowConnections: number;
  log?: (line: string) => void;
}

/** @onego/http's default request timeout (createHttpApp), when the campaign does not set one. */
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

async function citizenWithApplication(origin: string, name: string) {
  const client = await signInNew(origin, name);
  const submitted = await client.post<{ id: string }>('/api/applications', submission());
  return { token: client.token as string, applicationId: submitted.body.id };
}

/** A platform for the campaign: with the request timeout it is told to use, if any. */
export function startCampaignPlatform(requestTimeoutMs?: number) {
  const extraEnv = requestTimeoutMs
    ? Object.fromEntries(
        SERVICE_NAMES.map((s) => [s, { ONEGO_HTTP_REQUEST_TIMEOUT_MS: String(requestTimeoutMs) }]),
      )
    : undefined;
  return startTestPlatform(extraEnv ? { extraEnv } : {});
}

export async function runCampaign(p: TestPlatform, options: CampaignOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const timeout = options.requestTimeoutMs;
  const sender = createSender(p.origin, options.concurrency);
  let memory: ReturnType<typeof sampleMemory> | undefined;
  try {
    const operations = await fetchOperations(p.origin);
    const context = await createFuzzContext(p.origin);
    memory = sampleMemory(p.platform.supervisor);
    log(`fuzzing ${operations.length} operations with ${options.requests} requests (seed ${options.seed})`);
    const fuzzStarted = Date.now();
    let warmedUp = false;
    let logged = 0;
    const outcome = await fuzzOperations({
      operations,
      context,
      sender,
      seed: options.seed,
      requests: options.requests,
      concurrency: options.concurrency,
      refusedSample: Math.min(1000, Math.ceil(options.requests / 5)),
      onProgress: (sent) => {
        if (!warmedUp && sent >= options.requests / 10) {
          warmedUp = true;
          memory?.warmedUp();
        }
        if (sent - logged >= Math.max(100, options.requests / 10)) {
          logged = sent;
          log(`  ${sent} sent`);
        }
      },
    });
    const fuzzMs = Date.now() - fuzzStarted;
    log(`fuzzed in ${fuzzMs} ms: ${outcome.violations.length} violations; minimising`);
    const minimised = await minimise({
      violations: outcome.violations,
      operations,
      context,
      sender,
      seed: options.seed,
      maxClasses: 12,
      timeLimitMs: options.requests >= 10_000 ? 60_000 : 15_000,
    });
    log(`minimised ${minimised.length} kinds of violation; database check`);
    const database = await refusedLeaveNothing({
      databaseUrl: p.databaseUrl,
      sender,
      refused: outcome.refused,
      concurrency: options.concurrency,
    });
    const parties: FloodParties = {
      origin: p.origin,
      flooder: await citizenWithApplication(p.origin, '洪水'),
      bystander: await citizenWithApplication(p.origin, '路人'),
    };
    const floods: ScenarioResult[] = [];
    for (const flood of [
      () => oversizedBodies(parties, options.floodRounds),
      () => oneIdentityFlood(parties, { gatewayPerMinute: 1200, signInPerMinute: 20 }),
      () =>
        slowClients(parties, {
          connections: options.slowConnections,
          requestTimeoutMs: timeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
        }),
    ]) {
      floods.push(await flood());
      log(`${floods.at(-1)?.name}: ${floods.at(-1)?.durationMs} ms`);
    }
    const memoryResults = await memory.settle();
    const count = (invariant: string) => outcome.violations.filter((v) => v.invariant === invariant).length;
    const fuzz: ScenarioResult = {
      name: 'generated requests against every operation',
      load: `${outcome.sent} requests over ${operations.length} operations, ${options.concurrency} at a time, 11 mutation kinds × 6 identities`,
      durationMs: fuzzMs,
      checks: [
        check('no 5xx', count('no-5xx') === 0, `${count('no-5xx')} answers with 5xx`),
        check('every request answered', count('answered') === 0, `${count('answered')} without an answer`),
        check(
          'every 4xx names the problem',
          count('4xx-names-the-problem') === 0,
          `${count('4xx-names-the-problem')} 4xx that do not`,
        ),
        check(
          'memory stays bounded (all services, whole campaign)',
          memoryResults.every((m) => m.bounded),
          memoryResults.map((m) => `${m.service} ${m.warmMb}→${m.peakMb}→${m.endMb} MB`).join(', ') +
            ` (warm-up → peak → lowest within ${SETTLE_MS / 1000} s of the last flood)`,
        ),
      ],
    };
    const scenarios = [fuzz, database, ...floods];
    const report: FuzzReport = {
      seed: options.seed,
      requests: options.requests,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      operations: operations.map((o) => o.key),
      scenarios,
      memory: memoryResults,
      byMutation: outcome.byMutation,
      byOperation: outcome.byOperation,
      violations: { total: outcome.violations.length, examples: outcome.violations.slice(0, 200) },
      minimised,
      passed: scenarios.every((s) => s.checks.every((c) => c.passed)),
    };
    const files = writeReport(report);
    log(`report: ${files.markdown}`);
    return report;
  } finally {
    memory?.stop();
    sender.close();
  }
}

/** The run's settings from the environment: FUZZ_SEED and FUZZ_REQUESTS override the defaults. */
export function campaignSettings(defaults: { requests: number }) {
  const number = (name: string, fallback: number) => {
    const text = process.env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number, got ${JSON.stringify(text)}`);
    return value;
  };
  return { seed: number('FUZZ_SEED', 20261122), requests: number('FUZZ_REQUESTS', defaults.requests) };
}
