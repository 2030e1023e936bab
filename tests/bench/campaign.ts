import type { ServiceName } from '@onego/infra/platform';
import type { BenchOptions } from './cli.ts';
import { type PhaseResult, runPhase, type Session, sessionCounters } from './phases.ts';
import { preloadApplications } from './preload.ts';
import { highestSustained, nextPeakRate, type PeakStep, type SustainCriteria } from './stats.ts';

// Which runs a bench invocation makes, in order: for each data level (after storing the
// synthetic history for it), the fixed rates and then the peak search, and last the intake
// measurement (last because it leaves a backlog behind it).

export interface PeakOutcome {
  highestSustainedRate: number | null;
  steps: { rate: number; sustained: boolean; reasons: string[] }[];
}

/** Where the campaign puts what it measured as it goes, so a failure keeps what came before. */
export interface CampaignResults {
  phases: PhaseResult[];
  peak: PeakOutcome | null;
  /** Runs left out, and why. */
  skipped: string[];
}

/** The services that only act on what intake published: paused while intake alone is measured. */
const DOWNSTREAM_OF_INTAKE = ['department-adapters', 'department-simulators', 'certificates'] as const;

function pauseServices(session: Session, names: readonly ServiceName[]) {
  const { supervisor } = session.bench.platform;
  for (const name of names) supervisor.signal(name, 'SIGSTOP');
  session.log(`intake alone: ${names.join(', ')} paused`);
  return {
    resume() {
      for (const name of names) supervisor.signal(name, 'SIGCONT');
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A run is sustained when nearly everything is accepted and completes, promptly and on pace. */
export const sustainCriteria = (options: BenchOptions): SustainCriteria => ({
  minAccepted: 0.99,
  minCompleted: 0.99,
  minCompletionRate: 0.9,
  maxP99Ms: options.peak.maxP99Ms,
});

/** Transactions per second the platform commits with nothing to do (its pollers), over `seconds`. */
export async function idleTransactionRate(session: Session, seconds: number) {
  const read = () => sessionCounters(session);
  const before = await read();
  await sleep(seconds * 1000);
  const after = await read();
  return (after.xactCommit - before.xactCommit) / ((after.at - before.at) / 1000);
}

const verdictOf = (p: PhaseResult) => p.sustained ?? { sustained: false, reasons: ['not judged'] };

async function peakSearch(
  session: Session,
  options: BenchOptions,
  level: { stored: number; suffix: string },
  seed: PeakStep[],
  into: PhaseResult[],
) {
  const history: PeakStep[] = [...seed].sort((a, b) => a.rate - b.rate);
  const steps: PeakOutcome['steps'] = [];
  const search = {
    startRate: options.peak.startRate,
    factor: options.peak.factor,
    maxRate: options.peak.maxRate,
    refinements: options.peak.refinements,
  };
  for (let rate = nextPeakRate(history, search); rate !== null; rate = nextPeakRate(history, search)) {
    const phase = await runPhase(session, {
      name: `peak ${rate}/s${level.suffix}`,
      kind: 'peak-step',
      preloaded: level.stored,
      rate,
      durationS: options.peak.stepS,
      warmupS: Math.min(options.warmupS, Math.floor(options.peak.stepS / 3)),
      drainTimeoutS: options.drainTimeoutS,
      criteria: sustainCriteria(options),
    });
    into.push(phase);
    const verdict = verdictOf(phase);
    history.push({ rate, sustained: verdict.sustained });
    steps.push({ rate, ...verdict });
  }
  return { steps, highestSustainedRate: highestSustained(history) };
}

export async function runCampaign(session: Session, options: BenchOptions, results: CampaignResults) {
  let stored = 0;
  const peak: PeakOutcome = { highestSustainedRate: null, steps: [] };
  for (const level of options.preload) {
    if (level > stored) {
      stored = await preloadApplications(session.sql, stored, level, session.log);
      await sleep(1100);
      // A backend reports its statistics at the end of a transaction a second after its last
      // report: this read makes the preload's count before the next run reads the counters.
      await session.sql`select 1`;
    }
    const suffix = options.preload.length > 1 ? ` @${level.toLocaleString('en')} stored` : '';
    const fixed: PhaseResult[] = [];
    if (options.mode !== 'peak') {
      for (const rate of [...options.rates].sort((a, b) => a - b)) {
        // In "all" mode the peak search takes over once a rate is not sustained: a higher fixed
        // rate would only pile up a backlog that takes minutes to drain, and measure nothing new.
        const failed = fixed.find((p) => !verdictOf(p).sustained);
        if (options.mode === 'all' && failed) {
          const why = `fixed ${rate}/s${suffix}: skipped, ${failed.offeredRate}/s was already not sustained (--mode fixed runs every rate)`;
          session.log(why);
          results.skipped.push(why);
          continue;
        }
        const phase = await runPhase(session, {
          name: `fixed ${rate}/s${suffix}`,
          kind: 'fixed',
          preloaded: stored,
          rate,
          durationS: options.durationS,
          warmupS: options.warmupS,
          drainTimeoutS: options.drainTimeoutS,
          criteria: sustainCriteria(options),
        });
        fixed.push(phase);
        results.phases.push(phase);
      }
    }
    if (options.mode !== 'fixed') {
      // In "all" mode the fixed runs are the search's first steps: no rate is measured twice.
      const seed = fixed.map((p) => ({ rate: p.offeredRate as number, ...verdictOf(p) }));
      results.peak = peak;
      const search = await peakSearch(session, options, { stored, suffix }, seed, results.phases);
      peak.steps.push(...seed, ...search.steps);
      peak.highestSustainedRate =
        Math.max(peak.highestSustainedRate ?? 0, search.highestSustainedRate ?? 0) || null;
    }
  }
  if (options.intakeS > 0) {
    // Intake alone: the services downstream of it are paused (SIGSTOP) meanwhile, so what is
    // measured is the submission accepted and committed with its outbox rows (and published),
    // not the orchestration of the submissions before it competing for the same two cores.
    const paused = pauseServices(session, DOWNSTREAM_OF_INTAKE);
    try {
      results.phases.push(
        await runPhase(session, {
          name: 'intake',
          kind: 'intake',
          preloaded: stored,
          concurrency: options.intakeConcurrency,
          durationS: options.intakeS,
          warmupS: 0,
          drainTimeoutS: 0,
        }),
      );
    } finally {
      paused.resume();
    }
  }
}
