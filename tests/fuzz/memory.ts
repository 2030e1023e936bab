import { readFileSync } from 'node:fs';
import { SERVICE_NAMES, type ServiceName, type Supervisor } from '@onego/infra/platform';

// The resident memory of every service process, sampled while the fuzzer runs. Bounded means:
// below a ceiling at all times, and not still growing after the warm-up (the last samples no
// higher than the warm-up level plus a margin for the heap settling).

/** Each service starts at 300-450 MB (Node, telemetry, the vault's scrypt): a leak shows as growth. */
export const RSS_CEILING_MB = 600;
/** Growth allowed after warm-up: V8 grows its heap in steps before it settles. */
const GROWTH_MARGIN_MB = 64;

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

export function sampleMemory(supervisor: Supervisor, intervalMs = 1000) {
  const series = new Map<ServiceName, number[]>(SERVICE_NAMES.map((s) => [s, []]));
  const warm = new Map<ServiceName, number>();
  function sample() {
    for (const service of SERVICE_NAMES) {
      const pid = supervisor.processOf(service)?.pid;
      const mb = pid ? rssOf(pid) : undefined;
      if (mb !== undefined) series.get(service)?.push(mb);
    }
  }
  sample();
  const timer = setInterval(sample, intervalMs).unref();
  return {
    /** The warm-up is over: later samples are compared with the level now. */
    warmedUp() {
      sample();
      for (const [service, values] of series) warm.set(service, values[values.length - 1] ?? 0);
    },
    stop(): MemoryResult[] {
      clearInterval(timer);
      sample();
      return [...series].map(([service, values]) => {
        const warmMb = warm.get(service) ?? values[0] ?? 0;
        const endMb = values[values.length - 1] ?? 0;
        const peakMb = Math.max(...values);
        return {
          service,
          startMb: values[0] ?? 0,
          warmMb,
          peakMb,
          endMb,
          samples: values.length,
          bounded: peakMb < RSS_CEILING_MB && endMb <= warmMb + Math.max(GROWTH_MARGIN_MB, warmMb / 2),
        };
      });
    },
  };
}
