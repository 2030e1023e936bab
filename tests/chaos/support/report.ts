import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InvariantResult } from './invariants/index.ts';
import type { Profile } from './profile.ts';
import type { ScenarioOutcome } from './scenario.ts';

// The run's report, as JSON (for tools) and Markdown (for people), in reports/ at the root of
// the repository (ignored by git): each scenario, the load it carried, the faults injected and
// each invariant's result with its counts. Rewritten after every scenario, so a run that dies
// half-way still leaves what it found.

export const REPORTS = fileURLToPath(new URL('../../../reports/', import.meta.url));

export interface Report {
  suite: 'chaos';
  profile: Profile;
  startedAt: string;
  finishedAt?: string;
  platformStartMs: number;
  logs: string;
  scenarios: ScenarioOutcome[];
}

const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

const line = (r: InvariantResult) =>
  `| ${r.id} | ${r.name} | ${r.pass ? 'pass' : '**FAIL**'} | ${counts(r.counts)}${r.problems.length ? `<br>${r.problems.slice(0, 3).join('<br>')}` : ''} |`;

export function markdown(report: Report) {
  const out = [
    `# Fault-injection report (${report.profile.name} profile, seed ${report.profile.seed})`,
    '',
    `Started ${report.startedAt}${report.finishedAt ? `, finished ${report.finishedAt}` : ' (unfinished)'}; platform up in ${report.platformStartMs} ms; service logs ${report.logs}.`,
    '',
    '| scenario | result | requests (accepted) | faults | quiet after last fault |',
    '|---|---|---|---|---|',
    ...report.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.pass ? 'pass' : '**FAIL**'} | ${s.load.requests} (${s.load.accepted}) | ${s.faults.length} | ${s.quietAfterLastFaultMs === null ? 'never' : `${(s.quietAfterLastFaultMs / 1000).toFixed(1)} s`} |`,
    ),
  ];
  for (const s of report.scenarios) {
    out.push(
      '',
      `## ${s.name}: ${s.title}`,
      '',
      `Seed ${s.seed}; ${(s.durationMs / 1000).toFixed(0)} s; load ${s.load.ratePerSecond}/s: ${s.load.requests} requests, ${s.load.accepted} accepted.`,
      '',
    );
    out.push(
      'Faults:',
      '',
      ...s.faults.map(
        (f) =>
          `- ${new Date(f.startedAt).toISOString()} ${f.kind} ${f.target}${f.detail ? ` (${f.detail})` : ''}: ${f.durationMs} ms`,
      ),
      '',
    );
    out.push(
      '| # | invariant / check | result | counts |',
      '|---|---|---|---|',
      ...[...s.invariants, ...s.checks].map(line),
    );
    if (s.notes.length) out.push('', 'Notes:', '', ...s.notes.map((n) => `- ${n}`));
  }
  return `${out.join('\n')}\n`;
}

export function writeReport(report: Report) {
  mkdirSync(REPORTS, { recursive: true });
  const base = join(REPORTS, `chaos-${report.profile.name}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown(report));
  return `${base}.md`;
}
