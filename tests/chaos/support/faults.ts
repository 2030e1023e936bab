import { seededRandom } from '@onego/messaging';

// What a scenario did to the platform and when: each fault's window (from the moment it is
// injected until what it broke is back), so requests can be judged inside or outside them.

export interface Fault {
  kind: string;
  target: string;
  detail?: string;
  startedAt: number;
  endedAt: number;
}

export function createFaultLog() {
  const faults: Fault[] = [];
  return {
    faults,
    /** Runs `inject` then `recover`, recording the window from the first to the end of the second. */
    async window<T>(
      fault: { kind: string; target: string; detail?: string },
      inject: () => Promise<T>,
      recover: (injected: T) => Promise<void>,
    ) {
      const startedAt = Date.now();
      const record: Fault = { ...fault, startedAt, endedAt: startedAt };
      faults.push(record);
      try {
        const injected = await inject();
        await recover(injected);
      } finally {
        record.endedAt = Date.now();
      }
      return record;
    },
    lastEnd: () => Math.max(0, ...faults.map((f) => f.endedAt)),
  };
}

export type FaultLog = ReturnType<typeof createFaultLog>;

/** Seeded choices for a scenario. */
export function randomness(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    between: (low: number, high: number) => Math.round(low + next() * (high - low)),
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T,
  };
}

export type Randomness = ReturnType<typeof randomness>;

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
