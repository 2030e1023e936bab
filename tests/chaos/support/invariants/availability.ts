import { type Evidence, type InvariantResult, result } from './types.ts';

// 6. At least 99% of the requests made outside fault windows succeeded, and there were enough
// of them for that to mean something: a run in which everything failed cannot pass. A request
// is inside a window when any part of it overlaps the window (extended by the grace period
// services take to come back).

export const MIN_REQUESTS_OUTSIDE = 10;

export function availability(e: Evidence): InvariantResult {
  const windows = e.faults.map((f) => [f.startedAt, f.endedAt + e.graceMs] as const);
  const inside = (r: { startedAt: number; endedAt: number }) =>
    windows.some(([start, end]) => r.startedAt <= end && r.endedAt >= start);
  const outside = e.records.filter((r) => !inside(r));
  const succeeded = outside.filter((r) => r.status === 202);
  const byStatus: Record<string, number> = {};
  for (const r of e.records) byStatus[`status${r.status}`] = (byStatus[`status${r.status}`] ?? 0) + 1;
  const share = outside.length === 0 ? 0 : succeeded.length / outside.length;
  const problems: string[] = [];
  if (outside.length < MIN_REQUESTS_OUTSIDE) {
    problems.push(
      `only ${outside.length} requests outside fault windows (at least ${MIN_REQUESTS_OUTSIDE} needed)`,
    );
  }
  if (share < 0.99) {
    problems.push(`${(share * 100).toFixed(2)}% of requests outside fault windows succeeded (99% needed)`);
    for (const r of outside.filter((x) => x.status !== 202).slice(0, 5)) {
      problems.push(`at ${new Date(r.startedAt).toISOString()}: ${r.status} ${r.error ?? ''}`);
    }
  }
  return result(
    '6',
    'at least 99% of requests outside fault windows succeeded',
    {
      requests: e.records.length,
      insideFaultWindows: e.records.length - outside.length,
      outsideFaultWindows: outside.length,
      succeededOutside: succeeded.length,
      successPerMilleOutside: Math.round(share * 1000),
      ...byStatus,
    },
    problems,
  );
}
