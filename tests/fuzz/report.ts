import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Violation } from './fuzz-phase.ts';
import type { MemoryResult } from './memory.ts';
import type { ScenarioResult } from './scenario.ts';
import type { Minimised } from './shrink.ts';

// The report of a run, as JSON (for tools) and Markdown (for people): each scenario, the load it
// carried and each invariant's result, then the detail behind them.

export interface FuzzReport {
  seed: number;
  requests: number;
  startedAt: string;
  durationMs: number;
  operations: string[];
  scenarios: ScenarioResult[];
  memory: MemoryResult[];
  byMutation: Record<string, Record<string, number>>;
  byOperation: Record<string, Record<string, number>>;
  violations: { total: number; examples: Violation[] };
  minimised: Minimised[];
  passed: boolean;
}

export const reportsFolder = fileURLToPath(new URL('../../reports/', import.meta.url));

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function statusTable(title: string, rows: Record<string, Record<string, number>>) {
  const statuses = [...new Set(Object.values(rows).flatMap((r) => Object.keys(r)))].sort();
  return [
    `| ${title} | ${statuses.join(' | ')} |`,
    `|---|${statuses.map(() => '---:').join('|')}|`,
    ...Object.entries(rows).map(
      ([name, r]) => `| ${cell(name)} | ${statuses.map((s) => r[s] ?? '').join(' | ')} |`,
    ),
  ];
}

export function markdownOf(report: FuzzReport) {
  const lines = [
    `# Fuzz and flood report: seed ${report.seed}, ${report.requests} generated requests`,
    '',
    `${report.passed ? '**All invariants hold.**' : '**Some invariants do not hold.**'} Started ${report.startedAt}, took ${Math.round(report.durationMs / 1000)} s; ${report.operations.length} operations from the public OpenAPI document.`,
    '',
    '| Scenario | Load | Invariant | Result | Detail |',
    '|---|---|---|---|---|',
    ...report.scenarios.flatMap((s) =>
      s.checks.map(
        (c, i) =>
          `| ${i === 0 ? cell(s.name) : ''} | ${i === 0 ? cell(`${s.load} (${Math.round(s.durationMs / 1000)} s)`) : ''} | ${cell(c.invariant)} | ${c.passed ? 'pass' : '**FAIL**'} | ${cell(c.detail.slice(0, 400))} |`,
      ),
    ),
    '',
    '## Memory (resident set, MB)',
    '',
    '| Service | start | after warm-up | peak | end (lowest once the floods ended) | bounded |',
    '|---|---:|---:|---:|---:|---|',
    ...report.memory.map(
      (m) =>
        `| ${m.service} | ${m.startMb} | ${m.warmMb} | ${m.peakMb} | ${m.endMb} | ${m.bounded ? 'yes' : '**no**'} |`,
    ),
    '',
    '## Answers by mutation',
    '',
    ...statusTable('Mutation', report.byMutation),
    '',
    '## Answers by operation',
    '',
    ...statusTable('Operation', report.byOperation),
    '',
    `## Violations (${report.violations.total})`,
    '',
    ...report.minimised.map(
      (m) =>
        `- **${m.invariant}** on \`${m.operation}\` with ${m.mutation} (${m.occurrences}×)${m.counterexample ? `; minimised after ${m.shrinks} shrinks: \`${m.counterexample}\` → ${m.answer}` : ''}`,
    ),
    ...report.violations.examples
      .slice(0, 30)
      .map(
        (v) =>
          `- ${v.invariant} \`${v.requestId}\` ${v.operation} (${v.mutation}, ${v.identity}; ${v.detail}): ${v.why}`,
      ),
    '',
  ];
  return lines.join('\n');
}

export function writeReport(report: FuzzReport) {
  mkdirSync(reportsFolder, { recursive: true });
  const base = `${reportsFolder}fuzz-${report.seed}-${report.requests}`;
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdownOf(report));
  return { json: `${base}.json`, markdown: `${base}.md` };
}
