import type { ChaosPlatform } from './chaos-platform.ts';
import { createFaultLog, type Fault, type FaultLog, pause, type Randomness, randomness } from './faults.ts';
import { checkInvariants, type InvariantResult, result } from './invariants/index.ts';
import { no500, nothingCrashed } from './liveness.ts';
import { type Citizens, type Load, startLoad } from './load.ts';
import { type Profile, scenarioSeed } from './profile.ts';
import { untilQuiet } from './quiet.ts';

// One scenario: a steady load starts, the platform runs calm for a while, the scenario injects
// its faults (each recorded with its window), the load runs calm again, stops, and once the
// platform is quiet the six invariants are checked, with any checks of the scenario's own.

export interface ScenarioContext {
  cp: ChaosPlatform;
  profile: Profile;
  random: Randomness;
  faults: FaultLog;
  load: Load;
  /** Checks particular to the scenario (e.g. "the duplicate had no effect"), reported beside the invariants. */
  checks: InvariantResult[];
  /** Dead letters set aside on purpose, as `<schema>:<id>`: invariant 4 does not count them. */
  explained: Set<string>;
  notes: string[];
  /** Checks to run once the platform is quiet, after the load stopped. */
  afterQuiet: (() => Promise<InvariantResult>)[];
}

export interface Scenario {
  name: string;
  title: string;
  inject(ctx: ScenarioContext): Promise<void>;
}

export interface ScenarioOutcome {
  name: string;
  title: string;
  seed: number;
  startedAt: string;
  durationMs: number;
  load: { ratePerSecond: number; requests: number; accepted: number; skippedClientSide: number };
  faults: (Fault & { durationMs: number })[];
  quietAfterLastFaultMs: number | null;
  invariants: InvariantResult[];
  checks: InvariantResult[];
  notes: string[];
  pass: boolean;
}

export async function runScenario(
  scenario: Scenario,
  shared: { cp: ChaosPlatform; profile: Profile; citizens: Citizens; explained: Set<string> },
): Promise<ScenarioOutcome> {
  const { cp, profile } = shared;
  const seed = scenarioSeed(profile.seed, scenario.name);
  const startedAt = Date.now();
  const random = randomness(seed);
  const faults = createFaultLog();
  const load = startLoad({
    origin: cp.origin,
    citizens: shared.citizens,
    ratePerSecond: profile.ratePerSecond,
    random,
  });
  const ctx: ScenarioContext = {
    cp,
    profile,
    random,
    faults,
    load,
    checks: [],
    explained: shared.explained,
    notes: [],
    afterQuiet: [],
  };
  await pause(profile.calmMs);
  try {
    await scenario.inject(ctx);
  } catch (error) {
    ctx.checks.push(result('inject', 'the faults were injected as planned', {}, [String(error)]));
  }
  const lastFaultEnd = faults.lastEnd() || Date.now();
  await pause(profile.graceMs + profile.calmMs);
  await load.stop();
  const endedAt = Date.now();

  const accepted = load.records.flatMap((r) => (r.applicationId ? [r.applicationId] : []));
  const created = await cp.sql<{ id: string }[]>`
    select id from applications.applications
    where submitted_at between ${new Date(startedAt)} and ${new Date(endedAt)}`;
  const unacknowledged = created.map((r) => r.id).filter((id) => !accepted.includes(id));
  const quiet = await untilQuiet(cp, [...accepted, ...unacknowledged], lastFaultEnd + profile.settleBoundMs);
  if (quiet.quietAt === null) {
    ctx.notes.push(
      `not quiet within the bound; still waiting: ${JSON.stringify(quiet.backlog)} ${quiet.error ?? ''}`,
    );
  }
  const invariants = await checkInvariants({
    cp,
    accepted,
    unacknowledged,
    owners: load.owners,
    records: load.records,
    faults: faults.faults,
    lastFaultEnd,
    graceMs: profile.graceMs,
    settleBoundMs: profile.settleBoundMs,
    explainedDeadLetters: shared.explained,
  });
  for (const check of ctx.afterQuiet) ctx.checks.push(await check());
  ctx.checks.push(no500(load.records), await nothingCrashed(cp));
  return {
    name: scenario.name,
    title: scenario.title,
    seed,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    load: {
      ratePerSecond: profile.ratePerSecond,
      requests: load.records.length,
      accepted: accepted.length,
      skippedClientSide: load.skipped(),
    },
    faults: faults.faults.map((f) => ({ ...f, durationMs: f.endedAt - f.startedAt })),
    quietAfterLastFaultMs: quiet.quietAt === null ? null : quiet.quietAt - lastFaultEnd,
    invariants,
    checks: ctx.checks,
    notes: ctx.notes,
    pass: [...invariants, ...ctx.checks].every((r) => r.pass),
  };
}
