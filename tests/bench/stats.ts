import type { Syscalls } from './resources.ts';

// The benchmark's arithmetic, kept free of I/O so it can be unit-tested: percentiles, the
// open-loop send schedule, ratios to the machine's ceilings, and the find-the-peak search.

export interface Distribution {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * The p-th percentile of ascending `sorted` values by the nearest-rank method: the smallest
 * value with at least p% of the values at or below it. Nearest-rank never invents a value
 * that was not measured (no interpolation), which keeps p99 and max honest on small samples.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile ${p} is outside 0..100`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/**
 * A run's latency samples, in ms: end to end (from the scheduled send), on the platform (from
 * submitted_at) and at intake (sent to 202) for the applications sent after `warmUpEndsAt`; end
 * to end apart for those sent before it: a platform just started on a new database is slow on
 * its first applications (creating keys and status lists, opening connections, compiling its
 * code). Completion times are every completed application's.
 */
export function latencySamples(
  accepted: readonly { dueAt: number; sentAt: number; answeredAt: number; id?: string }[],
  outcomes: ReadonlyMap<string, { submittedAt: number; completedAt: number | null }>,
  warmUpEndsAt: number,
) {
  const samples = {
    endToEnd: [] as number[],
    platform: [] as number[],
    intake: [] as number[],
    warmUpEndToEnd: [] as number[],
    completionTimes: [] as number[],
  };
  for (const s of accepted) {
    const warmUp = s.dueAt < warmUpEndsAt;
    if (!warmUp) samples.intake.push(s.answeredAt - s.sentAt);
    const row = s.id ? outcomes.get(s.id) : undefined;
    if (!row || row.completedAt === null) continue;
    samples.completionTimes.push(row.completedAt);
    if (warmUp) {
      samples.warmUpEndToEnd.push(row.completedAt - s.dueAt);
      continue;
    }
    samples.endToEnd.push(row.completedAt - s.dueAt);
    samples.platform.push(row.completedAt - row.submittedAt);
  }
  return samples;
}

/** count, min, p50/p95/p99, max and mean of the values (in their own unit); null when none. */
export function summarise(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    count: sorted.length,
    min: sorted[0] as number,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
    mean: sum / sorted.length,
  };
}

/**
 * When each request of an open-loop run is due, in milliseconds from the start: evenly spaced
 * at `rate` per second for `durationS` seconds. Open loop means the schedule never waits for
 * answers, so a slow platform meets the load it was offered instead of quietly slowing the
 * client down (coordinated omission); latencies are measured from these due times.
 */
export function sendSchedule(rate: number, durationS: number): number[] {
  if (!(rate > 0) || !(durationS > 0)) throw new Error('rate and duration must be positive');
  const count = Math.floor(rate * durationS + 1e-9);
  const interval = 1000 / rate;
  return Array.from({ length: count }, (_, i) => i * interval);
}

/** value / ceiling, or null when either is unknown or the ceiling is not positive. */
export function ratio(value: number | null | undefined, ceiling: number | null | undefined): number | null {
  if (value === null || value === undefined || ceiling === null || ceiling === undefined) return null;
  if (!Number.isFinite(value) || !Number.isFinite(ceiling) || ceiling <= 0) return null;
  return value / ceiling;
}

/** An amount per completed application, or null when nothing completed. */
export const perApplication = (amount: number, completed: number) =>
  completed > 0 ? amount / completed : null;

/** How the platform's figures compare with what the same machine and libraries can do raw. */
export interface CeilingRatios {
  /** Postgres commits the platform needed per second, as a share of the raw commit ceiling. */
  postgresCommits: number | null;
  /** JetStream messages the platform stored per second, as a share of the raw publish ceiling. */
  jetstreamPublish: number | null;
  /** Deliveries the platform consumed per second, as a share of the raw pull-consume ceiling. */
  jetstreamConsume: number | null;
  /**
   * Applications per second, as a share of what a naive design would reach on this machine:
   * the measured "transaction + publish" hop rate divided by the hops (messages) per application.
   */
  naiveDesign: number | null;
}

export interface Ceilings {
  jetstreamPublishPerS: number | null;
  jetstreamConsumePerS: number | null;
  postgresCommitsPerS: number | null;
  transactionAndPublishPerS: number | null;
}

export function ceilingRatios(
  platform: {
    applicationsPerS: number;
    transactionsPerApp: number | null;
    messagesPerApp: number | null;
    deliveriesPerApp: number | null;
  },
  ceilings: Ceilings,
): CeilingRatios {
  const rate = (per: number | null) => (per === null ? null : platform.applicationsPerS * per);
  const naiveAppsPerS =
    ceilings.transactionAndPublishPerS !== null && platform.messagesPerApp
      ? ceilings.transactionAndPublishPerS / platform.messagesPerApp
      : null;
  return {
    postgresCommits: ratio(rate(platform.transactionsPerApp), ceilings.postgresCommitsPerS),
    jetstreamPublish: ratio(rate(platform.messagesPerApp), ceilings.jetstreamPublishPerS),
    jetstreamConsume: ratio(rate(platform.deliveriesPerApp), ceilings.jetstreamConsumePerS),
    naiveDesign: ratio(platform.applicationsPerS, naiveAppsPerS),
  };
}

/** What one step of the peak search measured. */
export interface PeakStep {
  rate: number;
  sustained: boolean;
}

export interface PeakSearch {
  startRate: number;
  /** Each step offers this many times the last sustained rate, until one is not sustained. */
  factor: number;
  maxRate: number;
  /** Once a step fails, bisect between the best sustained and the failed rate this many times. */
  refinements: number;
}

/**
 * The next rate to offer in a find-the-peak search, or null when the search is over. Rates go
 * up geometrically from `startRate` while every step is sustained; after the first failure the
 * gap between the highest sustained and the lowest failed rate is bisected `refinements` times
 * (skipped when the gap is under 5%, below the noise of a 2-core machine).
 */
export function nextPeakRate(steps: readonly PeakStep[], search: PeakSearch): number | null {
  if (steps.length === 0) return search.startRate;
  const best = highestSustained(steps);
  const failed = steps.filter((s) => !s.sustained).map((s) => s.rate);
  if (failed.length === 0) {
    const last = steps[steps.length - 1] as PeakStep;
    if (last.rate >= search.maxRate) return null;
    return Math.min(search.maxRate, roundRate(last.rate * search.factor));
  }
  const lowestFailed = Math.min(...failed);
  const bisections = steps.length - 1 - steps.findIndex((s) => !s.sustained);
  if (bisections >= search.refinements) return null;
  const floor = best ?? 0;
  if (floor > 0 && (lowestFailed - floor) / floor < 0.05) return null;
  const middle = roundRate((floor + lowestFailed) / 2);
  return middle > floor && middle < lowestFailed ? middle : null;
}

/** The highest rate a step sustained, or null when none did. */
export function highestSustained(steps: readonly PeakStep[]): number | null {
  const rates = steps.filter((s) => s.sustained).map((s) => s.rate);
  return rates.length > 0 ? Math.max(...rates) : null;
}

/** Rates are offered in whole requests per second (tenths below 10/s), so reports read cleanly. */
export const roundRate = (rate: number) => (rate < 10 ? Math.round(rate * 10) / 10 : Math.round(rate));

export interface SustainCriteria {
  /** The share of sends that must be accepted (HTTP 202). */
  minAccepted: number;
  /** The share of accepted applications that must complete before the drain timeout. */
  minCompleted: number;
  /** Completions per second inside the steady window, as a share of the offered rate. */
  minCompletionRate: number;
  /** Submission-to-completion p99 must not exceed this. */
  maxP99Ms: number;
}

export interface StepOutcome {
  offeredRate: number;
  sent: number;
  accepted: number;
  completed: number;
  steadyCompletionsPerS: number;
  p99Ms: number | null;
}

/** Whether a step kept up with the load it was offered, and if not, every reason why not. */
export function judgeStep(
  step: StepOutcome,
  criteria: SustainCriteria,
): { sustained: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (share(step.accepted, step.sent) < criteria.minAccepted)
    reasons.push(`only ${pct(share(step.accepted, step.sent))} of submissions accepted`);
  if (share(step.completed, step.accepted) < criteria.minCompleted)
    reasons.push(`only ${pct(share(step.completed, step.accepted))} of accepted applications completed`);
  if (share(step.steadyCompletionsPerS, step.offeredRate) < criteria.minCompletionRate)
    reasons.push(
      `completions ${step.steadyCompletionsPerS.toFixed(1)}/s fell behind the offered ${step.offeredRate}/s`,
    );
  if (step.p99Ms === null || step.p99Ms > criteria.maxP99Ms)
    reasons.push(
      `p99 ${step.p99Ms === null ? 'unknown' : `${Math.round(step.p99Ms)} ms`} > ${criteria.maxP99Ms} ms`,
    );
  return { sustained: reasons.length === 0, reasons };
}

/**
 * Completions per second inside a steady window of a run: the completion times (ms) that fall
 * in [from, to), divided by the window's length. The window skips the ramp-up at the start, so
 * a platform that keeps up shows the offered rate and one that falls behind shows less.
 */
export function windowRate(completionTimes: readonly number[], from: number, to: number): number {
  if (!(to > from)) return 0;
  const inside = completionTimes.filter((t) => t >= from && t < to).length;
  return inside / ((to - from) / 1000);
}

/**
 * The rate at which completions came: (n - 1) intervals over the time from the first to the
 * last. While the platform keeps up this is the offered rate; when it falls behind, its
 * capacity. Unlike "completed / (last completion - first send)" it does not count the latency
 * of the first application against the rate, which would understate short runs.
 */
export function completionRate(times: readonly number[]): number {
  if (times.length < 2) return 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  return last > first ? (times.length - 1) / ((last - first) / 1000) : 0;
}

/**
 * A run's series after its warm-up: the first quarter counts as warm-up, so its second quarter
 * and its last are compared. Null with fewer than 8 samples, too few to tell growth from noise.
 */
export function afterWarmup<T>(series: readonly T[]): { second: T[]; last: T[] } | null {
  if (series.length < 8) return null;
  const quarter = Math.floor(series.length / 4);
  return { second: series.slice(quarter, 2 * quarter), last: series.slice(series.length - quarter) };
}

/**
 * How much a series grew after warm-up (e.g. resident memory while pools, caches and the heap
 * settle): the mean of its last quarter over the mean of its second, minus one (see afterWarmup).
 */
export function growth(series: readonly number[]): number | null {
  const quarters = afterWarmup(series);
  if (!quarters) return null;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = mean(quarters.second);
  const last = mean(quarters.last);
  return first > 0 ? last / first - 1 : null;
}

/** The mean of each tenth of a series (fewer parts for a shorter one): its shape over a run. */
export function byTenth(series: readonly number[]): number[] {
  const parts = Math.min(10, series.length);
  return Array.from({ length: parts }, (_, i) => {
    const part = series.slice(
      Math.floor((i * series.length) / parts),
      Math.floor(((i + 1) * series.length) / parts),
    );
    return part.reduce((a, b) => a + b, 0) / part.length;
  });
}

/** The bench's own processes' names: they drive and watch the platform, and are not part of its cost. */
export const LOAD_PROCESS = 'load process';
export const BENCH_PROCESS = 'bench process';
const BENCH_PROCESSES = new Set([LOAD_PROCESS, BENCH_PROCESS]);

/**
 * CPU per application (ms) across the platform's processes and Postgres' backends, and whether
 * the machine was saturated (busy for at least 90% of its cores). Saturated, the figure is the
 * share of the machine the platform got divided by the rate, not what an application costs:
 * changes then show in latency and backlog, and their CPU must be compared at a lower rate.
 */
export function cpuPerApplication(
  cpuCores: Record<string, number>,
  perSecond: number,
  machine: { busyCores: number; cores: number },
): { ms: number | null; cores: number; saturated: boolean } {
  const cores = Object.entries(cpuCores)
    .filter(([name]) => !BENCH_PROCESSES.has(name))
    .reduce((sum, [, c]) => sum + c, 0);
  return {
    ms: perSecond > 0 ? (1000 * cores) / perSecond : null,
    cores,
    saturated: machine.busyCores >= 0.9 * machine.cores,
  };
}

/**
 * System calls per application across the platform's processes and Postgres' backends (the
 * bench's own left out), and per process: what batching and pipelining cut, counted rather than
 * timed, so a busy machine does not blur it. Null where a process's calls could not be read.
 */
export function syscallsPerApplication(
  processes: Record<string, { syscalls: Syscalls | null }>,
  wallSeconds: number,
  perSecond: number,
) {
  const applications = perSecond * wallSeconds;
  const per = (calls: Syscalls | null) =>
    calls && applications > 0
      ? { reads: calls.reads / applications, writes: calls.writes / applications }
      : null;
  const platform = Object.entries(processes).filter(([name]) => !BENCH_PROCESSES.has(name));
  const readable = platform.every(([, p]) => p.syscalls);
  return {
    total: readable
      ? per({
          reads: platform.reduce((sum, [, p]) => sum + (p.syscalls?.reads ?? 0), 0),
          writes: platform.reduce((sum, [, p]) => sum + (p.syscalls?.writes ?? 0), 0),
        })
      : null,
    byProcess: Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, per(p.syscalls)])),
  };
}
