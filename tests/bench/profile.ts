import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// `--cpu-prof`: each service writes a V8 CPU profile when it exits; this reads them back and
// says where each process spent its CPU, by function and by module (a package, the project's
// own code, Node's internals, garbage collection), so the report shows evidence, not guesses.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of the sampled time (idle excluded) per function, largest first. */
  functions: { name: string; share: number }[];
  /** Share per module: a package, services/<name>, packages/<name>, node internals, (gc). */
  modules: { module: string; share: number }[];
}

/** Which module a script URL belongs to, for grouping a profile's time. */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1] as string;
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (plain) return plain[1] as string;
  const own = /\/(services|packages|infra)\/([^/]+)\//.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/**
 * Where the CPU went, by function and by module. With `lastMs`, only the samples of the
 * profile's last `lastMs` milliseconds count: the measured runs, without the start-up (module
 * loading and compiling dominate a short profile otherwise).
 */
export function summariseProfile(profile: CpuProfile, top = 12, lastMs?: number): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const from = lastMs === undefined ? Number.NEGATIVE_INFINITY : profile.endTime - lastMs * 1000;
  // Times are in microseconds; each sample's own time is the delta to the next sample.
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (at < from) continue;
    const id = samples[i] as number;
    const next = deltas[i + 1] ?? 0;
    selfMs.set(id, (selfMs.get(id) ?? 0) + next / 1000);
  }
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const node = nodes.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += ms;
    const where = url
      ? `${url.replace(/^.*\/(node_modules\/\.pnpm\/|work\/main\/)/, '')}:${lineNumber + 1}`
      : '';
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const module = moduleOf(url, functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => [key, total > 0 ? ms / total : 0] as const);
  return {
    totalMs: total,
    functions: rank(byFunction).map(([name, share]) => ({ name, share })),
    modules: rank(byModule).map(([module, share]) => ({ module, share })),
  };
}

/** The newest profile each service wrote under `dir/<service>/`, its last `lastMs` only when given. */
export function readServiceProfiles(dir: string, lastMs?: number): Record<string, ProfileSummary> {
  const out: Record<string, ProfileSummary> = {};
  if (!existsSync(dir)) return out;
  for (const service of readdirSync(dir)) {
    const files = readdirSync(join(dir, service))
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort();
    const newest = files[files.length - 1];
    if (!newest) continue;
    try {
      out[service] = summariseProfile(
        JSON.parse(readFileSync(join(dir, service, newest), 'utf8')) as CpuProfile,
        12,
        lastMs,
      );
    } catch {
      // a profile cut short by a kill is not JSON; nothing to say about it
    }
  }
  return out;
}
