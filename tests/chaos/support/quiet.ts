import type { ChaosPlatform } from './chaos-platform.ts';
import { pause } from './faults.ts';

// "Quiet": every application of the scenario settled, nothing left in any outbox, no HTTP call
// to a department still due, no simulated answer still to send, and no message waiting in
// JetStream or delivered and not yet acknowledged. The invariants are checked only then.

export const OUTBOX_SCHEMAS = ['applications', 'certificates', 'department_adapters'] as const;
export const DEAD_LETTER_SCHEMAS = [...OUTBOX_SCHEMAS, 'department_simulators'] as const;
const FINAL = ['completed', 'action-required', 'withdrawn'];

export interface Backlog {
  unsettled: number;
  unsentOutbox: number;
  pendingDispatches: number;
  pendingAnswers: number;
  jetStreamPending: number;
}

export async function backlog(cp: ChaosPlatform, ids: readonly string[]): Promise<Backlog> {
  const { sql } = cp;
  const [settled] = await sql<{ n: number }[]>`
    select count(*)::int as n from applications.applications
    where id = any(${ids}::uuid[]) and status = any(${FINAL})`;
  let unsentOutbox = 0;
  for (const schema of OUTBOX_SCHEMAS) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from ${sql(schema)}.outbox_unsent`;
    unsentOutbox += row?.n ?? 0;
  }
  const [dispatches] = await sql<{ n: number }[]>`
    select count(*)::int as n from department_adapters.dispatches where status = 'pending'`;
  const [answers] = await sql<{ n: number }[]>`
    select count(*)::int as n from department_simulators.pending_answers`;
  return {
    unsettled: ids.length - (settled?.n ?? 0),
    unsentOutbox,
    pendingDispatches: dispatches?.n ?? 0,
    pendingAnswers: answers?.n ?? 0,
    jetStreamPending: await jetStreamPending(cp),
  };
}

export async function jetStreamPending(cp: ChaosPlatform) {
  let pending = 0;
  for (const stream of cp.namespace.streams()) {
    for await (const consumer of cp.nats.jsm.consumers.list(stream.name)) {
      pending += consumer.num_pending + consumer.num_ack_pending;
    }
  }
  return pending;
}

const isQuiet = (b: Backlog) => Object.values(b).every((n) => n === 0);

/** Waits until quiet or the deadline; returns when it became quiet (or null) and the last backlog. */
export async function untilQuiet(cp: ChaosPlatform, ids: readonly string[], deadline: number) {
  let last: Backlog | undefined;
  let error: string | undefined;
  while (Date.now() < deadline) {
    try {
      last = await backlog(cp, ids);
      error = undefined;
      if (isQuiet(last)) return { quietAt: Date.now(), backlog: last };
    } catch (caught) {
      error = String(caught);
    }
    await pause(1000);
  }
  return { quietAt: null, backlog: last, ...(error && { error }) };
}
