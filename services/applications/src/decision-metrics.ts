import type { Database } from '@onego/db';
import type { Histogram } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';

// How long each department took to decide, as a histogram per department (p50 and p95 are
// histogram_quantile over its buckets). Like the figures, it is fed from the database, so every
// replica reports the same and a restart loses nothing: each collection reads the decisions on
// the timeline since the last one and records those not counted yet.
//
// A decision is a department's answer to one attempt: its approval (or completion, for an item
// without a certificate), rejection or request for materials, recorded with the department as the
// actor; its latency runs from that attempt's request. Timeline ids are handed out before commit,
// so a decision may become visible after a higher id: ids stay remembered for LATE_COMMIT_MS
// before the low-water mark passes them.

export const LATENCY_BUCKETS = [
  1,
  5,
  15,
  60,
  300,
  900,
  3600,
  4 * 3600,
  8 * 3600,
  86_400,
  2 * 86_400,
  5 * 86_400,
  10 * 86_400,
];
const DECISIONS = ['item.approved', 'item.completed', 'item.rejected', 'item.awaiting-materials'];
const LATE_COMMIT_MS = 60_000;

interface Decision {
  id: number;
  department: string;
  seconds: number;
}

/** Decisions with a timeline id above `afterId`, with how long each took since its attempt's request. */
export async function decisionsAfter(db: Database, afterId: number): Promise<Decision[]> {
  const rows = (await db.execute(sql`
    select d.id::float8 as id, d.department, extract(epoch from d.at - r.at)::float8 as seconds
    from applications.timeline d
    cross join lateral (
      select max(q.at) as at from applications.timeline q
      where q.application_id = d.application_id and q.item_id = d.item_id
        and q.attempt = d.attempt and q.kind = 'item.requested' and q.id < d.id) r
    where d.id > ${afterId}
      and d.kind in (${sql.join(
        DECISIONS.map((k) => sql`${k}`),
        sql`, `,
      )})
      and d.actor = 'department:' || d.department
      and r.at is not null
    order by d.id`)) as unknown as Decision[];
  return rows.map((r) => ({ id: Number(r.id), department: r.department, seconds: Math.max(0, r.seconds) }));
}

/** Records each decision once into `histogram`; call before every collection. */
export function createDecisionRecorder(db: Database, histogram: Histogram, wallClock = Date.now) {
  let through = 0; // every decision with an id up to here is recorded
  const recorded = new Set<number>(); // those above it that are
  const seen: { at: number; maxId: number }[] = [];
  let highest = 0;
  let running: Promise<void> = Promise.resolve();

  async function catchUp() {
    const decisions = await decisionsAfter(db, through);
    for (const d of decisions) {
      if (recorded.has(d.id)) continue;
      histogram.record(d.seconds, { department: d.department });
      recorded.add(d.id);
    }
    const now = wallClock();
    highest = Math.max(highest, decisions.at(-1)?.id ?? 0);
    seen.push({ at: now, maxId: highest });
    // Pass ids seen long enough ago that no transaction holding a lower one can still commit.
    for (let oldest = seen[0]; oldest && oldest.at <= now - LATE_COMMIT_MS; oldest = seen[0]) {
      through = Math.max(through, oldest.maxId);
      seen.shift();
    }
    for (const id of recorded) if (id <= through) recorded.delete(id);
  }

  // Collections may overlap (a scrape and an OTLP export): one catch-up at a time.
  return () => {
    running = running.then(catchUp, catchUp);
    return running;
  };
}
