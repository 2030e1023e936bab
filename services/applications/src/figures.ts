import { DEPARTMENTS } from '@onego/contracts';
import type { Database } from '@onego/db';
import { metrics } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';
import { createDecisionRecorder, LATENCY_BUCKETS } from './decision-metrics.ts';

// The platform's figures, read from the database when asked (so every replica reports the
// same, and a restart loses nothing): applications accepted and completed, 办结率 (completed
// ÷ accepted), 按时办结率 (completed by the due date ÷ completed), and per department the
// items waiting there and how long its decisions took over the last 24 hours.

export interface Figures {
  accepted: number;
  completed: number;
  completedOnTime: number;
  withdrawn: number;
  completionRate: number;
  onTimeRate: number;
  departments: {
    department: string;
    backlog: number;
    p50Seconds: number;
    p95Seconds: number;
    decided24h: number;
  }[];
}

/** The figures of one region (an operator's), or of all regions (a supervisor's) when undefined. */
export async function platformFigures(db: Database, region?: string): Promise<Figures> {
  const ofRegion = region === undefined ? sql`true` : sql`region = ${region}`;
  const itemsOfRegion =
    region === undefined
      ? sql`true`
      : sql`application_id in (select id from applications.applications where region = ${region})`;
  const [totals] = (await db.execute(sql`
    select count(*)::int as accepted,
           count(*) filter (where status = 'completed')::int as completed,
           count(*) filter (where status = 'completed'
                            and (completed_at at time zone 'Asia/Shanghai')::date <= due_date)::int as on_time,
           count(*) filter (where status = 'withdrawn')::int as withdrawn
    from applications.applications
    where ${ofRegion}`)) as unknown as {
    accepted: number;
    completed: number;
    on_time: number;
    withdrawn: number;
  }[];
  const rows = (await db.execute(sql`
    select department,
           count(*) filter (where status = 'requested')::int as backlog,
           coalesce(percentile_cont(0.5) within group (order by extract(epoch from decided_at - requested_at))
                    filter (where decided_at > now() - interval '24 hours'), 0)::float8 as p50,
           coalesce(percentile_cont(0.95) within group (order by extract(epoch from decided_at - requested_at))
                    filter (where decided_at > now() - interval '24 hours'), 0)::float8 as p95,
           count(*) filter (where decided_at > now() - interval '24 hours')::int as decided
    from applications.items
    where (status = 'requested' or decided_at > now() - interval '24 hours') and ${itemsOfRegion}
    group by department`)) as unknown as {
    department: string;
    backlog: number;
    p50: number;
    p95: number;
    decided: number;
  }[];
  const accepted = totals?.accepted ?? 0;
  const completed = totals?.completed ?? 0;
  const completedOnTime = totals?.on_time ?? 0;
  return {
    accepted,
    completed,
    completedOnTime,
    withdrawn: totals?.withdrawn ?? 0,
    completionRate: accepted === 0 ? 0 : completed / accepted,
    onTimeRate: completed === 0 ? 0 : completedOnTime / completed,
    departments: DEPARTMENTS.map((department) => {
      const r = rows.find((x) => x.department === department);
      return {
        department,
        backlog: r?.backlog ?? 0,
        p50Seconds: r?.p50 ?? 0,
        p95Seconds: r?.p95 ?? 0,
        decided24h: r?.decided ?? 0,
      };
    }),
  };
}

/** Publishes the figures as OpenTelemetry metrics (scraped at /metrics, pushed by OTLP when configured). */
export function observeFigures(db: Database) {
  const meter = metrics.getMeter('@onego/applications');
  const accepted = meter.createObservableCounter('onego_applications_accepted', {
    description: 'Applications accepted',
  });
  const completed = meter.createObservableCounter('onego_applications_completed', {
    description: 'Applications completed',
  });
  const onTime = meter.createObservableCounter('onego_applications_completed_on_time', {
    description: 'Applications completed by their promised date',
  });
  const completionRate = meter.createObservableGauge('onego_completion_rate', {
    description: '办结率: completed ÷ accepted',
  });
  const onTimeRate = meter.createObservableGauge('onego_on_time_completion_rate', {
    description: '按时办结率: completed on time ÷ completed',
  });
  const backlog = meter.createObservableGauge('onego_department_backlog', {
    description: 'Items waiting at a department',
  });
  const latency = meter.createHistogram('onego_department_decision_seconds', {
    description: 'Time a department took to decide an item, from its request (p50, p95: histogram_quantile)',
    unit: 's',
    advice: { explicitBucketBoundaries: LATENCY_BUCKETS },
  });
  const recordDecisions = createDecisionRecorder(db, latency);
  meter.addBatchObservableCallback(
    async (observer) => {
      const [f] = await Promise.all([platformFigures(db), recordDecisions()]);
      observer.observe(accepted, f.accepted);
      observer.observe(completed, f.completed);
      observer.observe(onTime, f.completedOnTime);
      observer.observe(completionRate, f.completionRate);
      observer.observe(onTimeRate, f.onTimeRate);
      for (const d of f.departments) {
        observer.observe(backlog, d.backlog, { department: d.department });
      }
    },
    [accepted, completed, onTime, completionRate, onTimeRate, backlog],
  );
}
