import { type Evidence, type InvariantResult, result } from './types.ts';

// 1. Every accepted application reaches a final state, within a bounded time after the last
// fault. Applications created though their 202 never reached the client count too.

export async function everyApplicationSettled(e: Evidence): Promise<InvariantResult> {
  const ids = [...e.accepted, ...e.unacknowledged];
  const rows = await e.cp.sql<{ id: string; status: string; completed_at: Date | null }[]>`
    select id, status, completed_at from applications.applications where id = any(${ids}::uuid[])`;
  const found = new Map(rows.map((r) => [r.id, r]));
  const problems: string[] = [];
  const missing = e.accepted.filter((id) => !found.has(id));
  for (const id of missing) problems.push(`accepted with 202 but not in the database: ${id}`);
  const byStatus: Record<string, number> = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  for (const row of rows.filter((r) => r.status !== 'completed')) {
    problems.push(`${row.id} is ${row.status}`);
  }
  const lastSettled = Math.max(0, ...rows.map((r) => r.completed_at?.getTime() ?? 0));
  const settledAfterLastFaultMs = Math.max(0, lastSettled - e.lastFaultEnd);
  if (settledAfterLastFaultMs > e.settleBoundMs) {
    problems.push(
      `the last application settled ${settledAfterLastFaultMs} ms after the last fault (bound ${e.settleBoundMs} ms)`,
    );
  }
  return result(
    '1',
    'every accepted application reaches a final state within the bound after the last fault',
    {
      accepted: e.accepted.length,
      unacknowledgedButCreated: e.unacknowledged.length,
      missing: missing.length,
      completed: byStatus.completed ?? 0,
      notCompleted: rows.length - (byStatus.completed ?? 0),
      settledAfterLastFaultMs,
      boundMs: e.settleBoundMs,
    },
    problems,
  );
}
