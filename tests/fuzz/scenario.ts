// A scenario's outcome as the report shows it: what load it carried and each invariant's result.

export interface Check {
  invariant: string;
  passed: boolean;
  detail: string;
}

export interface ScenarioResult {
  name: string;
  load: string;
  durationMs: number;
  checks: Check[];
  counts?: Record<string, number>;
}

export const check = (invariant: string, passed: boolean, detail: string): Check => ({
  invariant,
  passed,
  detail,
});

/** Status counts, `closed` for no answer: `{ '200': 12, '429': 3 }`. */
export function countStatuses(statuses: number[]) {
  const counts: Record<string, number> = {};
  for (const status of statuses) {
    const key = status <= 0 ? 'closed' : String(status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export const describeCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}
