import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICE_NAMES, type ServiceName, type Supervisor } from '@onego/infra/platform';

// The resident memory of every service process, sampled while the fuzzer runs. Bounded means:
// below a ceiling at all times, and back within a margin of the warm-up level once the load has
// ended. A leak holds on to what it took; garbage (the refused bodies of the oversized flood,
// read and thrown away) is given back at the next collection, which may come some seconds after
// the last request, so the end level is the lowest one seen while the platform settles.

/**
 * Services start at 120-150 MB and peak under 200 in the campaign: the ceiling stops runaway growth,
 * and a slower leak shows as growth past the warm-up level (below).
 */
export const RSS_CEILING_MB = 600;
/** Growth allowed after warm-up: V8 grows its heap in steps before it settles. */
const GROWTH_MARGIN_MB = 64;
/** How long the platform may take to give garbage back once the load has ended. */
export const SETTLE_MS = 20_000;

/** The process's resident set in MB; undefined when it is gone (or /proc cannot be read). */
const rssOf = (pid: number) => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : undefined;
  } catch {
    return undefined;
  }
};

export interface MemoryResult {
  service: ServiceName;
  startMb: number;
  warmMb: number;
  peakMb: number;
  endMb: number;
  samples: number;
  bounded: boolean;
}

/**
 * One service's samples judged: `values` in MB in order, `warmAt` the index of the sample taken
 * when the warm-up ended, `settleFrom` the index of the first sample after the load ended. The end
 * level is the lowest sample from `settleFrom` on (the last sample when there is none).
 */
export function judgeMemory(
  service: ServiceName,
  values: readonly number[],
  warmAt: number | undefined,
  settleFrom: number,
): MemoryResult {
  const warmMb = values[warmAt ?? 0] ?? 0;
  const settled = values.slice(settleFrom);
  const endMb = settled.length > 0 ? Math.min(...settled) : (values.at(-1) ?? 0);
  const peakMb = values.length > 0 ? Math.max(...values) : 0;
  return {
    service,
    startMb: values[0] ?? 0,
    warmMb,
    peakMb,
    endMb,
    samples: values.length,
    bounded: peakMb < RSS_CEILING_MB && endMb <= warmMb + Math.max(GROWTH_MARGIN_MB, warmMb / 2),
  };
}

export function sampleMemory(supervisor: Supervisor, intervalMs = 1000) {
  const series = new Map<ServiceName, number[]>(SERVICE_NAMES.map((s) => [s, []]));
  const warmAt = new Map<ServiceName, number>();
  function sample() {
    for (const service of SERVICE_NAMES) {
      const pid = supervisor.processOf(service)?.pid;
      const mb = pid ? rssOf(pid) : undefined;
      if (mb !== undefined) series.get(service)?.push(mb);
    }
  }
  sample();
  const timer = setInterval(sample, intervalMs).unref();
  const stop = () => clearInterval(timer);
  return {
    /** The warm-up is over: later samples are compared with the level now. */
    warmedUp() {
      sample();
      for (const [service, values] of series) warmAt.set(service, values.length - 1);
    },
    /**
     * The load is over: sample until every service is back within its bound, or `withinMs` has
     * passed, and judge each one.
     */
    async settle(withinMs = SETTLE_MS): Promise<MemoryResult[]> {
      stop();
      const settleFrom = new Map([...series].map(([service, values]) => [service, values.length]));
      const judged = () =>
        [...series].map(([service, values]) =>
          judgeMemory(service, values, warmAt.get(service), settleFrom.get(service) ?? values.length),
        );
      const deadline = Date.now() + withinMs;
      for (;;) {
        sample();
        const results = judged();
        if (results.every((r) => r.bounded) || Date.now() >= deadline) return results;
        await sleep(intervalMs);
      }
    },
    stop,
  };
}
