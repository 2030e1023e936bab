import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { result } from '../support/invariants/index.ts';
import type { Scenario } from '../support/scenario.ts';

// The JetStream store wiped while the platform is stopped (every service down, the nats-server
// stopped, its store folder deleted, the server started empty). At start each service sees its
// streams are younger than events its outbox published into them and re-publishes those events
// (@onego/messaging republishLostEvents); answers only a department held are asked for again
// by the applications service's reconciler. Every open application must still complete.

export const jetstreamWipe: Scenario = {
  name: 'jetstream-wipe',
  title: 'the JetStream store wiped while the platform is stopped; re-published from Postgres',
  async inject(ctx) {
    const { cp } = ctx;
    const nats = cp.platform.nats;
    if (!nats) throw new Error('the platform does not run its own nats-server');
    const [before] = await cp.sql<{ chased: number }[]>`
      select count(*)::int as chased from applications.timeline where kind = 'item.chased'`;
    await ctx.faults.window(
      {
        kind: 'JetStream store wiped',
        target: 'nats-server',
        detail: 'services stopped, store deleted, all restarted',
      },
      () =>
        cp.platform.restartServices(async () => {
          await nats.kill('SIGTERM');
          rmSync(join(nats.dir, 'jetstream'), { recursive: true, force: true });
          await nats.start();
        }),
      async () => {},
    );
    ctx.afterQuiet.push(async () => {
      const counts: Record<string, number> = {};
      for (const schema of ['applications', 'certificates', 'department_adapters']) {
        const [row] = await cp.sql<{ n: number }[]>`
          select coalesce(sum(republished), 0)::int as n from ${cp.sql(schema)}.outbox_streams`;
        counts[`republished_${schema}`] = row?.n ?? 0;
      }
      const [after] = await cp.sql<{ chased: number }[]>`
        select count(*)::int as chased from applications.timeline where kind = 'item.chased'`;
      counts.itemsChasedByReconciler = (after?.chased ?? 0) - (before?.chased ?? 0);
      const republished = Object.entries(counts)
        .filter(([k]) => k.startsWith('republished'))
        .reduce((n, [, v]) => n + v, 0);
      return result(
        'noticed',
        'the platform noticed the lost store and re-published from Postgres',
        counts,
        republished > 0 ? [] : ['nothing was re-published'],
      );
    });
  },
};
