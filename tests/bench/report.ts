import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Baseline } from './baseline.ts';
import type { PeakOutcome } from './campaign.ts';
import type { BenchOptions } from './cli.ts';
import type { Machine } from './machine.ts';
import { renderMarkdown } from './markdown.ts';
import type { PhaseResult } from './phases.ts';
import type { ProfileSummary } from './profile.ts';
import { type CeilingRatios, ceilingRatios } from './stats.ts';
import { evaluateTargets, type PhaseFigures, SERVICES, type TargetResult } from './targets.ts';

// The bench's output: a JSON document with every figure (BenchResult), and the Markdown
// summary for people (markdown.ts), side by side in the reports folder.

export interface BenchResult {
  command: string;
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  options: BenchOptions;
  platform: {
    databaseName: string;
    /** The department simulators' database (the departments' systems, counted apart). */
    departmentsDatabaseName: string;
    namespace: string;
    ownNatsServer: boolean;
    startSeconds: number;
  };
  baseline: Baseline | null;
  idleTransactionsPerS: number | null;
  /** Who vacuumed the bench database: the server's autovacuum, the bench in its stead, or nobody. */
  vacuum: { by: 'server' } | { by: 'bench'; rounds: number; tables: number } | { by: 'nobody' };
  phases: PhaseResult[];
  peak: PeakOutcome | null;
  /** Runs left out, and why. */
  skipped: string[];
  ratios: Record<string, CeilingRatios>;
  targets: TargetResult[];
  profiles: Record<string, ProfileSummary> | null;
  /** Why the run stopped early, when it did (the figures before it are kept). */
  error: string | null;
}

export function figuresOf(p: PhaseResult): PhaseFigures {
  const memory: PhaseFigures['memory'] = {};
  for (const s of SERVICES) {
    const usage = p.resources.processes[s];
    if (usage?.rssMB)
      memory[s] = {
        maxMB: usage.rssMB.max,
        growth: usage.rssGrowth,
        filesStart: usage.openFilesSecondQuarterMax ?? usage.openFilesAfterWarmup,
        filesEnd: usage.openFilesLastQuarterMin ?? usage.openFilesEnd,
      };
  }
  return {
    kind: p.kind,
    preloaded: p.preloaded,
    offeredRate: p.offeredRate,
    durationS: p.durationS,
    completedPerS: p.completedPerS,
    acceptedPerS: p.acceptedPerS,
    p50Ms: p.latencyMs.endToEnd?.p50 ?? null,
    p99Ms: p.latencyMs.endToEnd?.p99 ?? null,
    sustained: p.sustained ? p.sustained.sustained : null,
    transactionsPerApp: p.work?.transactionsPerApp ?? null,
    messagesPerApp: p.work?.messagesPerApp ?? null,
    deliveriesPerApp: p.work?.deliveriesPerApp ?? null,
    memory,
  };
}

export function ratiosOf(
  phases: readonly PhaseResult[],
  baseline: Baseline | null,
): Record<string, CeilingRatios> {
  if (!baseline) return {};
  return Object.fromEntries(
    phases
      .filter((p) => p.work)
      .map((p) => [
        p.name,
        ceilingRatios(
          {
            applicationsPerS: p.completedPerS,
            transactionsPerApp: p.work?.transactionsPerApp ?? null,
            messagesPerApp: p.work?.messagesPerApp ?? null,
            deliveriesPerApp: p.work?.deliveriesPerApp ?? null,
          },
          baseline,
        ),
      ]),
  );
}

export const evaluate = (phases: readonly PhaseResult[]) => evaluateTargets(phases.map(figuresOf));

export function writeReports(dir: string, stamp: string, result: BenchResult) {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `bench-${stamp}.json`);
  const md = join(dir, `bench-${stamp}.md`);
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(md, renderMarkdown(result));
  return { json, md };
}
