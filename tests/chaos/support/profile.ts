// How hard and how long the fault-injection suite pushes. `short` runs in CI with the default
// test run (about three minutes on two cores); `long` is `pnpm test:chaos` (several minutes).
// Every random choice derives from the seed, so a run can be repeated exactly as it went.

export interface Profile {
  name: 'short' | 'long';
  seed: number;
  /** Newborn applications submitted per second through the gateway, during every scenario. */
  ratePerSecond: number;
  /** Load before the first fault and after the last one: traffic outside fault windows. */
  calmMs: number;
  /** After a fault ends, requests are still counted as inside its window for this long. */
  graceMs: number;
  /** Every accepted application must reach a final state this long after the last fault. */
  settleBoundMs: number;
  ackWaitMs: number;
  reconcileAfterMs: number;
  postgresDownMs: number;
  natsDownMs: number;
  /** Random kills: how many, and the gap between two. */
  randomKills: number;
  killGapMs: [number, number];
  /** Wait past JetStream's duplicate window (120 s) and publish a duplicate with its original msgID. */
  waitPastDuplicateWindow: boolean;
  /** Every (service, failpoint) pair in turn, rather than two rounds of a few at once. */
  everyFailpoint: boolean;
}

const seed = Number(process.env.CHAOS_SEED ?? 20261122);

const short: Profile = {
  name: 'short',
  seed,
  ratePerSecond: 1.5,
  calmMs: 4000,
  graceMs: 6000,
  settleBoundMs: 90_000,
  ackWaitMs: 3000,
  reconcileAfterMs: 12_000,
  postgresDownMs: 8000,
  natsDownMs: 3000,
  randomKills: 2,
  killGapMs: [4000, 7000],
  waitPastDuplicateWindow: false,
  everyFailpoint: false,
};

const long: Profile = {
  ...short,
  name: 'long',
  ratePerSecond: 2,
  calmMs: 8000,
  settleBoundMs: 180_000,
  ackWaitMs: 5000,
  reconcileAfterMs: 20_000,
  postgresDownMs: 30_000,
  natsDownMs: 10_000,
  randomKills: 8,
  killGapMs: [20_000, 40_000],
  waitPastDuplicateWindow: true,
  everyFailpoint: true,
};

export const profile: Profile = process.env.CHAOS_PROFILE === 'long' ? long : short;

/** A scenario's own seed: the run's seed and the scenario's name, so one can be rerun alone. */
export function scenarioSeed(base: number, name: string) {
  let hash = base >>> 0;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}
