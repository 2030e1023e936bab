import { pause } from '../support/faults.ts';
import { result } from '../support/invariants/index.ts';
import type { Scenario } from '../support/scenario.ts';

// PostgreSQL stopped at once (pg_ctl stop -m immediate: every backend dies, as in a crash)
// mid-load and restarted after a while. Meanwhile every refusal must be a 503 (with
// Retry-After), never a 500; afterwards nothing acknowledged with a 202 may be missing
// (invariant 1).

export const postgresOutage: Scenario = {
  name: 'postgres-outage',
  title: 'PostgreSQL stopped (immediate) mid-load, then restarted',
  async inject(ctx) {
    const { cp, profile } = ctx;
    const fault = await ctx.faults.window(
      { kind: 'pg_ctl stop -m immediate', target: 'postgresql', detail: `down ${profile.postgresDownMs} ms` },
      () => cp.postgres.crash(),
      async () => {
        await pause(profile.postgresDownMs);
        await cp.postgres.start();
      },
    );
    ctx.afterQuiet.push(async () => {
      const during = ctx.load.records.filter(
        (r) => r.startedAt >= fault.startedAt && r.startedAt <= fault.endedAt,
      );
      const counts: Record<string, number> = { requestsDuringOutage: during.length };
      for (const r of during) counts[`status${r.status}`] = (counts[`status${r.status}`] ?? 0) + 1;
      const wrong = during.filter((r) => r.status !== 202 && r.status !== 503);
      return result(
        'no-500',
        'during the outage every refusal was a 503, never a 500',
        counts,
        wrong.slice(0, 5).map((r) => `${new Date(r.startedAt).toISOString()}: ${r.status} ${r.error ?? ''}`),
        !during.some((r) => r.status === 500) && wrong.length === 0 && during.length > 0,
      );
    });
  },
};
