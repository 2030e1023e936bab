import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterWarmup, byTenth, type Distribution, growth, summarise } from './stats.ts';

// CPU, resident memory and open file descriptors of the processes under test, read from /proc
// (Linux): utime+stime from /proc/<pid>/stat, VmRSS from /proc/<pid>/status, and the entries of
// /proc/<pid>/fd. Nothing is installed into the processes themselves, so measuring them does
// not change what they do.

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK; 100 on Linux nearly always). */
export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime in seconds from the text of /proc/<pid>/stat. */
export function cpuSecondsFromStat(stat: string): number {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so utime (field 14) is rest[11] and stime (field 15) rest[12].
  return (Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS;
}

/** A kB field of /proc/<pid>/status (VmRSS, RssAnon, ...) in bytes, or null when absent. */
export function statusField(status: string, field: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** VmRSS in bytes from the text of /proc/<pid>/status, or null for a process without one. */
export const rssFromStatus = (status: string) => statusField(status, 'VmRSS');

export interface ProcessSample {
  cpuSeconds: number;
  rssBytes: number | null;
  /**
   * RssAnon: the process's own memory, without mapped files (the node binary's ~100 MB of code
   * counts in VmRSS) and shared memory (every Postgres backend maps the shared buffers).
   */
  anonBytes: number | null;
  openFiles: number;
}

export function sampleProcess(pid: number): ProcessSample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      cpuSeconds: cpuSecondsFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8')),
      rssBytes: rssFromStatus(status),
      anonBytes: statusField(status, 'RssAnon'),
      openFiles: readdirSync(`/proc/${pid}/fd`).length,
    };
  } catch {
    return null; // exited, or not ours to read
  }
}

/** The machine's busy and total CPU time (all cores) from /proc/stat, in clock ticks. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export interface ProcessUsage {
  pids: number[];
  /** Average cores busy over the run (1.0 = one core all the time). */
  cpuCores: number;
  cpuSeconds: number;
  rssMB: Distribution | null;
  /** RssAnon (see ProcessSample.anonBytes); for a group, the sum over its processes. */
  anonMB: Distribution | null;
  /** Resident memory over the run: the mean of each tenth of its samples (for the report's table). */
  rssMBByTenth: number[];
  /** Resident memory growth after warm-up: from the second to the last quarter (see stats.growth). */
  rssGrowth: number | null;
  openFilesStart: number | null;
  /** Open files a quarter of the way through, once pools and connections have warmed up. */
  openFilesAfterWarmup: number | null;
  openFilesEnd: number | null;
  openFilesMax: number | null;
  /**
   * The most open files in the second quarter (after warm-up) and the fewest in the last: a
   * leak keeps the count rising, so the fewest of the last quarter exceed the most of the
   * second; a connection opened for a moment near the end does not.
   */
  openFilesSecondQuarterMax: number | null;
  openFilesLastQuarterMin: number | null;
}

/**
 * Samples a changing set of named process groups (a service, the Postgres backends of the bench
 * database, ...) every `intervalMs` until stopped. CPU is the difference of each pid's
 * utime+stime between its first and last sample, so processes that come and go still count
 * for the time they were seen.
 */
export function startSampler(groups: () => Record<string, number[]>, intervalMs: number) {
  const firstCpu = new Map<string, Map<number, number>>();
  const lastCpu = new Map<string, Map<number, number>>();
  const rss = new Map<string, number[]>();
  const anon = new Map<string, number[]>();
  const files = new Map<string, number[]>();
  const seen = new Map<string, Set<number>>();
  const machineStart = machineCpu();
  const startedAt = Date.now();

  const sample = () => {
    for (const [name, pids] of Object.entries(groups())) {
      let rssSum = 0;
      let anonSum = 0;
      let fileSum = 0;
      let any = false;
      for (const pid of pids) {
        const s = sampleProcess(pid);
        if (!s) continue;
        any = true;
        if (!firstCpu.has(name)) firstCpu.set(name, new Map());
        if (!lastCpu.has(name)) lastCpu.set(name, new Map());
        if (!seen.has(name)) seen.set(name, new Set());
        const first = firstCpu.get(name) as Map<number, number>;
        if (!first.has(pid)) first.set(pid, s.cpuSeconds);
        (lastCpu.get(name) as Map<number, number>).set(pid, s.cpuSeconds);
        (seen.get(name) as Set<number>).add(pid);
        rssSum += s.rssBytes ?? 0;
        anonSum += s.anonBytes ?? 0;
        fileSum += s.openFiles;
      }
      if (!any) continue;
      if (!rss.has(name)) rss.set(name, []);
      if (!anon.has(name)) anon.set(name, []);
      if (!files.has(name)) files.set(name, []);
      rss.get(name)?.push(rssSum / 1024 / 1024);
      anon.get(name)?.push(anonSum / 1024 / 1024);
      files.get(name)?.push(fileSum);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);

  return {
    stop(): { wallSeconds: number; machineBusyCores: number; processes: Record<string, ProcessUsage> } {
      clearInterval(timer);
      sample();
      const wallSeconds = (Date.now() - startedAt) / 1000;
      const machineEnd = machineCpu();
      const machineBusyCores =
        (machineEnd.busy - machineStart.busy) / CLOCK_TICKS / Math.max(wallSeconds, 1e-3);
      const processes: Record<string, ProcessUsage> = {};
      for (const [name, series] of rss) {
        const first = firstCpu.get(name) ?? new Map<number, number>();
        const last = lastCpu.get(name) ?? new Map<number, number>();
        let cpuSeconds = 0;
        for (const [pid, end] of last) cpuSeconds += end - (first.get(pid) ?? end);
        const fileSeries = files.get(name) ?? [];
        processes[name] = {
          pids: [...(seen.get(name) ?? [])],
          cpuSeconds,
          cpuCores: cpuSeconds / Math.max(wallSeconds, 1e-3),
          rssMB: summarise(series),
          anonMB: summarise(anon.get(name) ?? []),
          rssMBByTenth: byTenth(series),
          rssGrowth: growth(series),
          openFilesStart: fileSeries[0] ?? null,
          openFilesAfterWarmup: fileSeries[Math.floor(fileSeries.length / 4)] ?? null,
          openFilesEnd: fileSeries[fileSeries.length - 1] ?? null,
          openFilesMax: fileSeries.length > 0 ? Math.max(...fileSeries) : null,
          ...quarterFiles(fileSeries),
        };
      }
      return { wallSeconds, machineBusyCores, processes };
    },
  };
}

/** Pids whose command line contains `needle` (e.g. a nats-server started by someone else). */
export function pidsByCommandLine(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(needle)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** The most open files in the second quarter of a run and the fewest in its last (see ProcessUsage). */
export function quarterFiles(series: readonly number[]) {
  const quarters = afterWarmup(series);
  return {
    openFilesSecondQuarterMax: quarters ? Math.max(...quarters.second) : null,
    openFilesLastQuarterMin: quarters ? Math.min(...quarters.last) : null,
  };
}
