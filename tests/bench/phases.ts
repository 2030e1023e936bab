import { isDepartmentDurable } from '@onego/contracts';
import type { Nats } from '@onego/messaging';
import type postgres from 'postgres';
import {
  CHUNK,
  outcomes,
  stageDurations,
  summariseStages,
  waitForBacklog,
  waitForCompletion,
} from './completion.ts';
import {
  type CounterDelta,
  counterDelta,
  readCounters,
  readTableWrites,
  type TableWritesPerApplication,
  tableWritesPerApplication,
} from './counters.ts';
import type { DoneReply, LoadProcess } from './load-client.ts';
import type { ActivityProfile } from './pg-activity.ts';
import { startActivitySampler } from './pg-activity.ts';
import type { BenchPlatform } from './platform.ts';
import { type ProcessUsage, startSampler } from './resources.ts';
import {
  BENCH_PROCESS,
  completionRate,
  type Distribution,
  judgeStep,
  LOAD_PROCESS,
  latencySamples,
  perApplication,
  type SustainCriteria,
  summarise,
  windowRate,
} from './stats.ts';

// One measured run ("phase"): a load shape, then the drain until the applications it started
// have completed, and everything measured over it. Fixed-rate runs, peak-search steps and the
// intake measurement are all phases; bench.ts decides which to run.

export interface Session {
  bench: BenchPlatform;
  load: LoadProcess;
  /** The bench database (its reads are counted, to be taken out of the transaction counts). */
  sql: postgres.Sql;
  /** The `postgres` database: statistics and activity, adding nothing to the bench database. */
  admin: postgres.Sql;
  nats: Nats;
  sampleMs: number;
  /** Statements the bench itself ran on the bench database (and on the departments') so far. */
  ownQueries: { count: number; departments: number };
  /** Transactions per second the idle platform commits on its own (pollers, sweepers). */
  idleTransactionsPerS: number | null;
  /**
   * Postgres backends of the bench database, of the departments' systems' database and the
   * shared background writers, refreshed.
   */
  postgresPids: { backends: number[]; departments: number[]; background: number[] };
  excludeStream: (name: string) => boolean;
  log: (line: string) => void;
}

export interface PhaseResult {
  name: string;
  kind: 'fixed' | 'peak-step' | 'intake';
  /** Synthetic applications stored before this phase. */
  preloaded: number;
  /** Applications of earlier runs still in progress when this one began (0 when it began clean). */
  backlogAtStart: number;
  offeredRate: number | null;
  concurrency: number | null;
  durationS: number;
  sent: number;
  accepted: number;
  /** Answers other than 202 by status (0: no answer). */
  refused: Record<string, number>;
  /** Up to three distinct answers per refusing status, to say why. */
  errors: Record<string, string[]>;
  skipped: number;
  completed: number;
  incomplete: number;
  maxLagMs: number;
  /** Accepted submissions per second during the sending window. */
  acceptedPerS: number;
  /** Completions per second from the first to the last completion (see stats.completionRate). */
  completedPerS: number;
  /** Completions per second in the sending window after the warm-up, shifted by the median latency. */
  steadyCompletionsPerS: number;
  /**
   * Latencies of the applications sent after the warm-up (the run's first `warmupS` seconds): on
   * the first ones, a platform just started on the bench's new database creates its signing
   * keys, status lists and data keys, opens its connections and compiles its code.
   */
  latencyMs: {
    /** From the scheduled send to the application's completed_at (the last certificate issued). */
    endToEnd: Distribution | null;
    /** From the platform's submitted_at to completed_at (without the HTTP round trip). */
    platform: Distribution | null;
    /** HTTP intake: request sent to 202 received. */
    intake: Distribution | null;
    /** "department:<name>" hops and "certificate" issuance, from the timeline. */
    stages: Record<string, Distribution | null>;
    /** End to end for the applications sent during the warm-up, left out of the figures above. */
    warmUp: { seconds: number; endToEnd: Distribution | null };
  };
  resources: { wallSeconds: number; machineBusyCores: number; processes: Record<string, ProcessUsage> };
  postgresActivity: ActivityProfile;
  work: {
    delta: CounterDelta;
    /** Transactions committed in the bench database, minus the bench's own reads. */
    transactions: number;
    transactionsPerApp: number | null;
    /** The same, less the idle platform's own rate over the phase's wall time (an estimate). */
    transactionsPerAppNetOfIdle: number | null;
    messagesPerApp: number | null;
    deliveriesPerApp: number | null;
    /** Rows inserted, updated and deleted in the bench database, and the server's WAL bytes. */
    rowsWrittenPerApp: number | null;
    walBytesPerApp: number | null;
    /** The departments' systems' own work (their database, their consumers), apart from the above. */
    departments: {
      transactionsPerApp: number | null;
      rowsWrittenPerApp: number | null;
      deliveriesPerApp: number | null;
    };
    /** The same rows by table (pg_stat_user_tables), the most first. */
    tables: TableWritesPerApplication;
    rollbacks: number;
  } | null;
  sustained?: { sustained: boolean; reasons: string[] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Backends report statistics when idle after at most 10 s (PGSTAT_IDLE_INTERVAL, Postgres 15). */
const STATS_SETTLE_MS = 11_000;

function processGroups(session: Session) {
  const { bench, load, postgresPids } = session;
  return () => {
    const groups: Record<string, number[]> = {};
    for (const [name, pid] of Object.entries(bench.pids())) groups[name] = [pid];
    if (bench.natsPid) groups['nats-server'] = [bench.natsPid];
    groups['postgres (bench backends)'] = postgresPids.backends;
    groups[DEPARTMENT_BACKENDS] = postgresPids.departments;
    groups['postgres (shared background)'] = postgresPids.background;
    groups[LOAD_PROCESS] = [load.pid];
    groups[BENCH_PROCESS] = [process.pid];
    return groups;
  };
}

/** The Postgres backends serving the department simulators (the departments' systems). */
export const DEPARTMENT_BACKENDS = "postgres (departments' backends)";

export async function refreshPostgresPids(session: Session) {
  const { databaseName, departmentsDatabaseName } = session.bench;
  const rows = await session.admin<{ pid: number; datname: string | null; backend_type: string }[]>`
    select pid, datname, backend_type from pg_stat_activity`;
  session.postgresPids.backends = rows.filter((r) => r.datname === databaseName).map((r) => r.pid);
  session.postgresPids.departments = rows
    .filter((r) => r.datname === departmentsDatabaseName)
    .map((r) => r.pid);
  session.postgresPids.background = rows
    .filter((r) => ['checkpointer', 'background writer', 'walwriter'].includes(r.backend_type))
    .map((r) => r.pid);
}

interface PhaseSpec {
  name: string;
  kind: PhaseResult['kind'];
  preloaded: number;
  rate?: number;
  concurrency?: number;
  durationS: number;
  warmupS: number;
  drainTimeoutS: number;
  criteria?: SustainCriteria;
}

/** Transactions committed in the bench database and messages in its streams, as of now. */
export const sessionCounters = (session: Session) =>
  readCounters(
    session.admin,
    session.bench.databaseName,
    session.nats,
    session.bench.namespace,
    session.excludeStream,
    { databaseName: session.bench.departmentsDatabaseName, isConsumer: isDepartmentDurable },
  );

export async function runPhase(session: Session, spec: PhaseSpec): Promise<PhaseResult> {
  const { sql, log } = session;
  const counters = () => sessionCounters(session);
  const counted = (statements: number) => {
    session.ownQueries.count += statements;
  };
  // A run that fell behind leaves a backlog: it would be measured as this run's work and slow
  // it down. Wait for it (as long as a drain), and say how much was left if it did not clear.
  const backlogAtStart = await waitForBacklog(sql, {
    timeoutMs: spec.drainTimeoutS * 1000,
    stallMs: 15_000,
    onQuery: counted,
  });
  if (backlogAtStart > 0) log(`${spec.name}: starting with ${backlogAtStart} applications still in progress`);
  // Read before the select below, which reports it: it lands before the counters, not in the run.
  const tablesBefore = await readTableWrites(sql);
  counted(1);
  await sleep(1100);
  await sql`select 1`; // reports the bench's own reads before the counters are read (see below)
  counted(1);
  await refreshPostgresPids(session);
  const ownBefore = session.ownQueries.count;
  const departmentsOwnBefore = session.ownQueries.departments;
  const before = await counters();
  const pidRefresher = setInterval(() => void refreshPostgresPids(session).catch(() => undefined), 5000);
  const sampler = startSampler(processGroups(session), session.sampleMs);
  const activity = startActivitySampler(session.admin, session.bench.databaseName);
  const what =
    spec.rate !== undefined ? `${spec.rate}/s open loop` : `${spec.concurrency} in flight, closed loop`;
  log(`${spec.name}: ${what} for ${spec.durationS} s…`);

  let reply: DoneReply;
  try {
    reply =
      spec.rate !== undefined
        ? await session.load.openLoop(spec.rate, spec.durationS)
        : await session.load.closedLoop(spec.concurrency ?? 1, spec.durationS);
  } catch (error) {
    clearInterval(pidRefresher);
    sampler.stop();
    await activity.stop();
    throw error;
  }
  const acceptedIds = reply.submissions.filter((s) => s.status === 202 && s.id).map((s) => s.id as string);
  const afterWarmUp = reply.submissions
    .filter((s) => s.status === 202 && s.id && s.dueAt >= warmUpEndsAt(spec, reply))
    .map((s) => s.id as string);
  const waitForAll = spec.kind !== 'intake';
  if (waitForAll) {
    log(`${spec.name}: ${acceptedIds.length} accepted; waiting for them to complete…`);
    await waitForCompletion(sql, acceptedIds, {
      timeoutMs: spec.drainTimeoutS * 1000,
      stallMs: 15_000,
      onQuery: counted,
    });
  }
  const drainedAt = Date.now();
  clearInterval(pidRefresher);
  const resources = sampler.stop();
  const postgresActivity = await activity.stop();

  // Read what happened while the backends' statistics settle.
  const statements = (ids: number) => Math.ceil(ids / CHUNK);
  const rows = waitForAll ? await outcomes(sql, acceptedIds) : [];
  const stages = waitForAll ? await stageDurations(sql, afterWarmUp) : {};
  counted(waitForAll ? statements(acceptedIds.length) + statements(afterWarmUp.length) : 0);

  let work: PhaseResult['work'] = null;
  if (waitForAll) {
    await sleep(Math.max(1100, STATS_SETTLE_MS - (Date.now() - drainedAt)));
    // A backend reports its statistics when a transaction ends a second or more after its last
    // report: this read makes the bench connection report its own reads before they are counted.
    await sql`select 1`;
    counted(1);
    const after = await counters();
    // Read after the counters: not one of this run's transactions, nor to be taken out of them.
    const tablesAfter = await readTableWrites(sql);
    const delta = counterDelta(before, after);
    const completedCount = rows.filter((r) => r.completedAt !== null).length;
    const transactions = delta.xactCommit - (session.ownQueries.count - ownBefore);
    const idle =
      session.idleTransactionsPerS === null
        ? null
        : (session.idleTransactionsPerS * (after.at - before.at)) / 1000;
    work = {
      delta,
      transactions,
      transactionsPerApp: perApplication(transactions, completedCount),
      transactionsPerAppNetOfIdle: idle === null ? null : perApplication(transactions - idle, completedCount),
      messagesPerApp: perApplication(delta.messagesStored, completedCount),
      deliveriesPerApp: perApplication(delta.deliveries, completedCount),
      rowsWrittenPerApp: perApplication(delta.rowsWritten, completedCount),
      walBytesPerApp: perApplication(delta.walBytes, completedCount),
      tables: tableWritesPerApplication(tablesBefore, tablesAfter, completedCount),
      departments: {
        transactionsPerApp: perApplication(
          delta.departments.xactCommit - (session.ownQueries.departments - departmentsOwnBefore),
          completedCount,
        ),
        rowsWrittenPerApp: perApplication(delta.departments.rowsWritten, completedCount),
        deliveriesPerApp: perApplication(delta.departments.deliveries, completedCount),
      },
      rollbacks: delta.xactRollback,
    };
  }

  const result = {
    ...summarisePhase(spec, reply, rows, stages, resources, postgresActivity, work),
    backlogAtStart,
  };
  log(describePhase(result));
  return result;
}

/** The end of the run's first `warmupS` seconds: applications scheduled before it are its warm-up. */
const warmUpEndsAt = (spec: PhaseSpec, reply: DoneReply) => reply.startedAt + spec.warmupS * 1000;

function summarisePhase(
  spec: PhaseSpec,
  reply: DoneReply,
  rows: Awaited<ReturnType<typeof outcomes>>,
  stages: Record<string, number[]>,
  resources: PhaseResult['resources'],
  postgresActivity: ActivityProfile,
  work: PhaseResult['work'],
): Omit<PhaseResult, 'backlogAtStart'> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const accepted = reply.submissions.filter((s) => s.status === 202);
  const refused: Record<string, number> = {};
  const errors: Record<string, string[]> = {};
  for (const s of reply.submissions) {
    if (s.status === 202) continue;
    refused[s.status] = (refused[s.status] ?? 0) + 1;
    const seen = errors[s.status] ?? [];
    if (seen.length < 3 && s.error && !seen.includes(s.error)) seen.push(s.error);
    errors[s.status] = seen;
  }
  const samples = latencySamples(accepted, byId, warmUpEndsAt(spec, reply));
  const { completionTimes } = samples;
  const completed = completionTimes.length;
  const sendingS = Math.max(0.001, (reply.endedAt - reply.startedAt) / 1000);
  const endToEndSummary = summarise(samples.endToEnd);
  // The sending window after the warm-up, shifted by the median latency: a platform that keeps
  // up completes at the offered rate in it, whatever its (constant) latency; one that falls
  // behind completes at its capacity, below the offered rate.
  const shift = endToEndSummary?.p50 ?? 0;
  const steadyCompletionsPerS = windowRate(
    completionTimes,
    reply.startedAt + spec.warmupS * 1000 + shift,
    reply.endedAt + shift,
  );
  const result: Omit<PhaseResult, 'backlogAtStart'> = {
    name: spec.name,
    kind: spec.kind,
    preloaded: spec.preloaded,
    offeredRate: spec.rate ?? null,
    concurrency: spec.concurrency ?? null,
    durationS: spec.durationS,
    sent: reply.submissions.length + reply.skipped,
    accepted: accepted.length,
    refused,
    errors,
    skipped: reply.skipped,
    completed,
    incomplete: accepted.length - completed,
    maxLagMs: reply.maxLagMs,
    acceptedPerS: accepted.filter((s) => s.answeredAt <= reply.endedAt).length / sendingS,
    completedPerS: completionRate(completionTimes),
    steadyCompletionsPerS,
    latencyMs: {
      endToEnd: endToEndSummary,
      platform: summarise(samples.platform),
      intake: summarise(samples.intake),
      stages: summariseStages(stages),
      warmUp: { seconds: spec.warmupS, endToEnd: summarise(samples.warmUpEndToEnd) },
    },
    resources,
    postgresActivity,
    work,
  };
  if (spec.criteria && spec.rate !== undefined) {
    result.sustained = judgeStep(
      {
        offeredRate: spec.rate,
        sent: result.sent,
        accepted: result.accepted,
        completed,
        steadyCompletionsPerS,
        p99Ms: endToEndSummary?.p99 ?? null,
      },
      spec.criteria,
    );
  }
  return result;
}

const describePhase = (p: PhaseResult) => {
  const ms = (x: number | undefined) => `${Math.round(x ?? Number.NaN)} ms`;
  if (p.kind === 'intake')
    return `${p.name}: ${p.accepted}/${p.sent} accepted, ${p.acceptedPerS.toFixed(0)}/s, p50 ${ms(p.latencyMs.intake?.p50)}, p99 ${ms(p.latencyMs.intake?.p99)}`;
  const verdict = p.sustained
    ? p.sustained.sustained
      ? ' — sustained'
      : ` — NOT sustained: ${p.sustained.reasons.join('; ')}`
    : '';
  return (
    `${p.name}: ${p.completed}/${p.accepted} completed, ${p.completedPerS.toFixed(1)}/s, ` +
    `p50 ${ms(p.latencyMs.endToEnd?.p50)}, p99 ${ms(p.latencyMs.endToEnd?.p99)}, ` +
    `${p.work?.transactionsPerApp?.toFixed(1) ?? 'n/a'} tx and ${p.work?.messagesPerApp?.toFixed(1) ?? 'n/a'} messages per application${verdict}`
  );
};
