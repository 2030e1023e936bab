import type postgres from 'postgres';
import { type Distribution, summarise } from './stats.ts';

// When applications completed and how long each stage took, read from the applications
// service's own tables after a run (its timeline is written in the transaction of every change,
// so its timestamps are the moments things became true), not by polling the HTTP API, which
// would add load of its own and blur the timings by the polling interval.

export interface Outcome {
  id: string;
  status: string;
  submittedAt: number;
  completedAt: number | null;
}

/** Ids per statement of the reads below. */
export const CHUNK = 5000;

async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await query(ids.slice(i, i + CHUNK))));
  return out;
}

/** How many of the applications have completed, and how many stopped short (need action, withdrawn). */
export async function progress(sql: postgres.Sql, ids: readonly string[]) {
  const rows = await inChunks(
    ids,
    (chunk) =>
      sql<{ done: number; stuck: number }[]>`
      select count(*) filter (where completed_at is not null)::int as done,
             count(*) filter (where status in ('action-required', 'withdrawn'))::int as stuck
      from applications.applications where id = any(${chunk}::uuid[])`,
  );
  return rows.reduce((sum, r) => ({ done: sum.done + r.done, stuck: sum.stuck + r.stuck }), {
    done: 0,
    stuck: 0,
  });
}

/**
 * Anything the platform did lately: the newest timeline entry (every change of every
 * application writes one). A backlog that moves through its stages without completing yet is
 * progress too, which counting completions alone would miss.
 */
const latestActivity = async (sql: postgres.Sql) =>
  Number(
    (await sql<{ id: string | null }[]>`select max(id)::text as id from applications.timeline`)[0]?.id ?? 0,
  );

/**
 * Waits until every application completed, or some could not (they need action), or the
 * platform did nothing for `stallMs`, or `timeoutMs` passed. Polls once a second: a handful
 * of indexed reads, negligible next to the load (and counted out of the transactions).
 */
export async function waitForCompletion(
  sql: postgres.Sql,
  ids: readonly string[],
  options: { timeoutMs: number; stallMs: number; onQuery: (statements: number) => void },
) {
  const deadline = Date.now() + options.timeoutMs;
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const { done, stuck } = await progress(sql, ids);
    const activity = await latestActivity(sql);
    options.onQuery(Math.ceil(ids.length / CHUNK) + 1);
    if (done + stuck >= ids.length) return;
    if (activity !== last) {
      last = activity;
      lastChange = Date.now();
    }
    if (Date.now() > deadline || Date.now() - lastChange > options.stallMs) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * Applications still in progress (from earlier runs that fell behind), waited for until there
 * are none, the platform stalls or `timeoutMs` passes; returns how many are left. The partial
 * index on open applications makes the count cheap whatever is stored.
 */
export async function waitForBacklog(
  sql: postgres.Sql,
  options: { timeoutMs: number; stallMs: number; onQuery: (statements: number) => void },
) {
  const deadline = Date.now() + options.timeoutMs;
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const [row] = await sql<{ open: number }[]>`
      select count(*)::int as open from applications.applications where status = 'in-progress'`;
    const activity = await latestActivity(sql);
    options.onQuery(2);
    const open = row?.open ?? 0;
    if (activity !== last) {
      last = activity;
      lastChange = Date.now();
    }
    if (open === 0 || Date.now() > deadline || Date.now() - lastChange > options.stallMs) return open;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function outcomes(sql: postgres.Sql, ids: readonly string[]): Promise<Outcome[]> {
  const rows = await inChunks(
    ids,
    (chunk) =>
      sql<{ id: string; status: string; submitted_at: Date; completed_at: Date | null }[]>`
      select id, status, submitted_at, completed_at
      from applications.applications where id = any(${chunk}::uuid[])`,
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    submittedAt: r.submitted_at.getTime(),
    completedAt: r.completed_at?.getTime() ?? null,
  }));
}

interface TimelineRow {
  application_id: string;
  item_id: string | null;
  kind: string;
  department: string | null;
  at: Date;
}

/**
 * Per-stage durations from the timeline: each department's hop (item.requested to the
 * department's approval, or to completion for an item without a certificate) and certificate
 * issuance (approval to item.completed, which the certificate.issued event causes).
 */
export async function stageDurations(sql: postgres.Sql, ids: readonly string[]) {
  const rows = await inChunks(
    ids,
    (chunk) =>
      sql<TimelineRow[]>`
      select application_id, item_id, kind, department, at from applications.timeline
      where application_id = any(${chunk}::uuid[])
        and kind in ('item.requested', 'item.approved', 'item.completed')
      order by id`,
  );
  return stagesFromTimeline(rows);
}

/** Pure part of stageDurations: durations in ms, keyed "department:<name>" and "certificate". */
export function stagesFromTimeline(rows: readonly TimelineRow[]): Record<string, number[]> {
  const items = new Map<
    string,
    { department: string; requested?: number; approved?: number; completed?: number }
  >();
  for (const row of rows) {
    if (!row.item_id || !row.department) continue;
    const item = items.get(row.item_id) ?? { department: row.department };
    const at = row.at.getTime();
    // The first request of an item: a corrected or re-supplied one would start a new attempt.
    if (row.kind === 'item.requested') item.requested ??= at;
    if (row.kind === 'item.approved') item.approved ??= at;
    if (row.kind === 'item.completed') item.completed ??= at;
    items.set(row.item_id, item);
  }
  const stages: Record<string, number[]> = {};
  const add = (stage: string, ms: number) => {
    const values = stages[stage] ?? [];
    values.push(ms);
    stages[stage] = values;
  };
  for (const item of items.values()) {
    if (item.requested === undefined) continue;
    const decided = item.approved ?? item.completed;
    if (decided !== undefined) add(`department:${item.department}`, decided - item.requested);
    if (item.approved !== undefined && item.completed !== undefined)
      add('certificate', item.completed - item.approved);
  }
  return stages;
}

export const summariseStages = (stages: Record<string, number[]>) =>
  Object.fromEntries(
    Object.entries(stages)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([stage, values]) => [stage, summarise(values)]),
  ) as Record<string, Distribution | null>;
