import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterWarmup, byTenth, type Distribution, growth, summarise } from './stats.ts';

// CPU, resident memory, open file descriptors and system calls of the processes under test, read
// from /proc (Linux): utime+stime from /proc/<pid>/stat, VmRSS from /proc/<pid>/status, the
// entries of /proc/<pid>/fd (and what each is, from its link and /proc/net), and syscr/syscw from
// /proc/<pid>/io. Nothing is installed into the processes themselves, so measuring them does not
// change what they do.

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK; 100 on Linux nearly always). */
export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime and stime (user and kernel time) in seconds from the text of /proc/<pid>/stat. */
export function cpuTimesFromStat(stat: string): { user: number; system: number } {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so utime (field 14) is rest[11] and stime (field 15) rest[12].
  return { user: Number(rest[11]) / CLOCK_TICKS, system: Number(rest[12]) / CLOCK_TICKS };
}

/** A kB field of /proc/<pid>/status (VmRSS, RssAnon, ...) in bytes, or null when absent. */
export function statusField(status: string, field: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/**
 * Read and write system calls so far (syscr and syscw of /proc/<pid>/io), or null when the text
 * has neither. They count read/readv and write/writev, which is how Node and nats-server use
 * their sockets, but not send/recv, which is how Postgres' backends do: for them the writes are
 * the WAL's and the data files'. Unlike CPU time they do not depend on how busy the machine is,
 * and each socket write is a message, or a batch of them, on its way to the other end.
 */
export function syscallsFromIo(io: string): Syscalls | null {
  const reads = /^syscr:\s+(\d+)$/m.exec(io);
  const writes = /^syscw:\s+(\d+)$/m.exec(io);
  return reads && writes ? { reads: Number(reads[1]), writes: Number(writes[1]) } : null;
}

export interface Syscalls {
  reads: number;
  writes: number;
}

const readIo = (pid: number) => {
  try {
    return syscallsFromIo(readFileSync(`/proc/${pid}/io`, 'utf8'));
  } catch {
    return null; // another user's process: its io is not ours to read
  }
};

/** VmRSS in bytes from the text of /proc/<pid>/status, or null for a process without one. */
export const rssFromStatus = (status: string) => statusField(status, 'VmRSS');

export interface ProcessSample {
  cpuSeconds: number;
  /** Of cpuSeconds, the time in the kernel (stime): system calls, page faults, signals. */
  systemSeconds: number;
  rssBytes: number | null;
  /**
   * RssAnon: the process's own memory, without mapped files (the node binary's ~100 MB of code
   * counts in VmRSS) and shared memory (every Postgres backend maps the shared buffers).
   */
  anonBytes: number | null;
  /** Open descriptors by kind (see descriptorKinds); their sum is the open files. */
  descriptors: Record<string, number>;
  syscalls: Syscalls | null;
}

export function sampleProcess(pid: number, sockets: ReadonlyMap<string, string>): ProcessSample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const times = cpuTimesFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return {
      cpuSeconds: times.user + times.system,
      systemSeconds: times.system,
      rssBytes: rssFromStatus(status),
      anonBytes: statusField(status, 'RssAnon'),
      descriptors: descriptorKinds(pid, sockets),
      syscalls: readIo(pid),
    };
  } catch {
    return null; // exited, or not ours to read
  }
}

/**
 * What an open descriptor is, from the target of its /proc/<pid>/fd link: a socket as `sockets`
 * describes it (see socketsByInode), a pipe, an epoll or eventfd, or a file by its directory (a
 * Postgres backend opens one file per relation; their names would only scatter the count).
 */
export function describeDescriptor(link: string, sockets: ReadonlyMap<string, string>): string {
  const socket = /^socket:\[(\d+)\]$/.exec(link);
  if (socket) return sockets.get(socket[1] as string) ?? 'socket';
  if (link.startsWith('pipe:')) return 'pipe';
  const anon = /^anon_inode:\[?([^\]]+)\]?$/.exec(link);
  if (anon) return anon[1] as string;
  if (link.startsWith('/')) return `file in ${dirname(link.replace(/ \(deleted\)$/, ''))}`;
  return link;
}

/**
 * Socket inodes and what each is, from the text of /proc/net/tcp and tcp6 (a connection by the
 * port it goes to, or by the listening port it came in on) and of /proc/net/unix (by its path).
 */
export function socketsByInode(tcpTables: readonly string[], unixTable: string): Map<string, string> {
  const rows = tcpTables.flatMap((table) =>
    table
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length > 9),
  );
  const port = (address: string) => Number.parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
  const LISTEN = '0A';
  const listening = new Set(rows.filter((f) => f[3] === LISTEN).map((f) => port(f[1] as string)));
  const sockets = new Map<string, string>();
  for (const [, local, remote, state, , , , , , inode] of rows) {
    const ours = port(local as string);
    const label =
      state === LISTEN
        ? `tcp listening on :${ours}`
        : listening.has(ours)
          ? `tcp in on :${ours}`
          : `tcp to :${port(remote as string)}`;
    sockets.set(inode as string, label);
  }
  for (const fields of unixTable
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))) {
    if (fields.length > 6) sockets.set(fields[6] as string, fields[7] ? `unix ${fields[7]}` : 'unix');
  }
  return sockets;
}

const readOr = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // no IPv6, say
  }
};

/** The machine's sockets now (see socketsByInode). */
export const machineSockets = () =>
  socketsByInode([readOr('/proc/net/tcp'), readOr('/proc/net/tcp6')], readOr('/proc/net/unix'));

/** How many of each kind of descriptor a process holds (see describeDescriptor). */
export function descriptorKinds(pid: number, sockets: ReadonlyMap<string, string>): Record<string, number> {
  const kinds: Record<string, number> = {};
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      let link: string;
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue; // closed meanwhile
      }
      const kind = describeDescriptor(link, sockets);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
  } catch {
    // exited, or not ours to read
  }
  return kinds;
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
  /**
   * The share of that CPU spent in the kernel (system calls, faults, signals), or null with no
   * CPU: what socket writes and reads can cost at most, whatever a profile's samples say.
   */
  kernelShare: number | null;
  /** System calls over the run (the group's, as for CPU), or null when /proc/<pid>/io was not readable. */
  syscalls: Syscalls | null;
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
  /**
   * The kinds of descriptor (see describeDescriptor) held more of all through the last quarter
   * than at any time in the second, and by how many: what a service that holds more files at
   * the end holds them for. Null for a run too short to have quarters.
   */
  openFilesRisen: Record<string, number> | null;
}

/**
 * Samples a changing set of named process groups (a service, the Postgres backends of the bench
 * database, ...) every `intervalMs` until stopped. CPU is the difference of each pid's
 * utime+stime between its first and last sample, so processes that come and go still count
 * for the time they were seen.
 */
export function startSampler(groups: () => Record<string, number[]>, intervalMs: number) {
  const first = new Map<string, Map<number, Counters>>();
  const last = new Map<string, Map<number, Counters>>();
  const rss = new Map<string, number[]>();
  const anon = new Map<string, number[]>();
  const files = new Map<string, number[]>();
  const kinds = new Map<string, Record<string, number>[]>();
  const seen = new Map<string, Set<number>>();
  const machineStart = machineCpu();
  const startedAt = Date.now();

  const sample = () => {
    const sockets = machineSockets();
    for (const [name, pids] of Object.entries(groups())) {
      let rssSum = 0;
      let anonSum = 0;
      let fileSum = 0;
      const kindSum: Record<string, number> = {};
      let any = false;
      for (const pid of pids) {
        const s = sampleProcess(pid, sockets);
        if (!s) continue;
        any = true;
        if (!first.has(name)) first.set(name, new Map());
        if (!last.has(name)) last.set(name, new Map());
        if (!seen.has(name)) seen.set(name, new Set());
        const counters = { cpuSeconds: s.cpuSeconds, systemSeconds: s.systemSeconds, syscalls: s.syscalls };
        const firstOfGroup = first.get(name) as Map<number, Counters>;
        if (!firstOfGroup.has(pid)) firstOfGroup.set(pid, counters);
        (last.get(name) as Map<number, Counters>).set(pid, counters);
        (seen.get(name) as Set<number>).add(pid);
        rssSum += s.rssBytes ?? 0;
        anonSum += s.anonBytes ?? 0;
        for (const [kind, count] of Object.entries(s.descriptors)) {
          kindSum[kind] = (kindSum[kind] ?? 0) + count;
          fileSum += count;
        }
      }
      if (!any) continue;
      if (!rss.has(name)) rss.set(name, []);
      if (!anon.has(name)) anon.set(name, []);
      if (!files.has(name)) files.set(name, []);
      if (!kinds.has(name)) kinds.set(name, []);
      rss.get(name)?.push(rssSum / 1024 / 1024);
      anon.get(name)?.push(anonSum / 1024 / 1024);
      files.get(name)?.push(fileSum);
      kinds.get(name)?.push(kindSum);
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
        const { cpuSeconds, systemSeconds, syscalls } = counted(first.get(name), last.get(name));
        const fileSeries = files.get(name) ?? [];
        processes[name] = {
          pids: [...(seen.get(name) ?? [])],
          cpuSeconds,
          kernelShare: cpuSeconds > 0 ? systemSeconds / cpuSeconds : null,
          syscalls,
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
          openFilesRisen: filesRisen(kinds.get(name) ?? []),
        };
      }
      return { wallSeconds, machineBusyCores, processes };
    },
  };
}

interface Counters {
  cpuSeconds: number;
  systemSeconds: number;
  syscalls: Syscalls | null;
}

/**
 * CPU seconds (and of them the kernel's) and system calls of a group between each pid's first
 * and last sample. System calls are null when any of its pids' could not be read (a partial sum
 * would undercount).
 */
export function counted(first: Map<number, Counters> = new Map(), last: Map<number, Counters> = new Map()) {
  let cpuSeconds = 0;
  let systemSeconds = 0;
  let syscalls: Syscalls | null = { reads: 0, writes: 0 };
  for (const [pid, end] of last) {
    const start = first.get(pid) ?? end;
    cpuSeconds += end.cpuSeconds - start.cpuSeconds;
    systemSeconds += end.systemSeconds - start.systemSeconds;
    if (syscalls && end.syscalls && start.syscalls) {
      syscalls.reads += end.syscalls.reads - start.syscalls.reads;
      syscalls.writes += end.syscalls.writes - start.syscalls.writes;
    } else syscalls = null;
  }
  return { cpuSeconds, systemSeconds, syscalls };
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

/**
 * The kinds of descriptor (see describeDescriptor) that a process held more of all through the
 * last quarter of a run than at any time in its second, and by how many (see quarterFiles, which
 * judges the total the same way); null when the run is too short to have quarters.
 */
export function filesRisen(kinds: readonly Record<string, number>[]): Record<string, number> | null {
  const quarters = afterWarmup(kinds);
  if (!quarters) return null;
  const risen: Record<string, number> = {};
  for (const kind of new Set(kinds.flatMap((k) => Object.keys(k)))) {
    const mostBefore = Math.max(...quarters.second.map((k) => k[kind] ?? 0));
    const fewestAfter = Math.min(...quarters.last.map((k) => k[kind] ?? 0));
    if (fewestAfter > mostBefore) risen[kind] = fewestAfter - mostBefore;
  }
  return risen;
}
