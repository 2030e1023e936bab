import type { ServiceName } from '@onego/infra/platform';
import { pause } from '../support/faults.ts';
import { result } from '../support/invariants/index.ts';
import { deliveries, difference } from '../support/metrics.ts';
import type { Scenario } from '../support/scenario.ts';

// A worker paused (SIGSTOP) longer than the consumers' ack wait, then resumed (SIGCONT):
// JetStream redelivers what it had not acknowledged, so the worker, when it wakes up, finishes
// its own copies late and receives them again. The late duplicates must have no effect
// (invariant 2 counts decisions and certificates); the worker's own counters show that
// redeliveries did happen and were recognised as duplicates by the inbox.

export const pausedWorker: Scenario = {
  name: 'paused-worker',
  title: 'a worker paused (SIGSTOP) past the ack wait, then resumed',
  async inject(ctx) {
    const { cp, profile } = ctx;
    const workers: ServiceName[] =
      profile.name === 'long' ? ['certificates', 'applications', 'department-adapters'] : ['certificates'];
    const before = await Promise.all(workers.map((w) => deliveries(cp, w)));
    for (const worker of workers) {
      const pausedMs = profile.ackWaitMs + 3000;
      await ctx.faults.window(
        {
          kind: 'SIGSTOP',
          target: worker,
          detail: `paused ${pausedMs} ms (ack wait ${profile.ackWaitMs} ms)`,
        },
        async () => cp.platform.supervisor.signal(worker, 'SIGSTOP'),
        async () => {
          await pause(pausedMs);
          cp.platform.supervisor.signal(worker, 'SIGCONT');
          await pause(1000);
        },
      );
      await pause(profile.calmMs);
    }
    ctx.afterQuiet.push(async () => {
      const after = await Promise.all(workers.map((w) => deliveries(cp, w)));
      const counts: Record<string, number> = {};
      workers.forEach((worker, i) => {
        const d = difference(after[i] as never, before[i] as never);
        counts[`${worker}_redelivered`] = d.redelivered;
        counts[`${worker}_duplicates`] = d.duplicate;
      });
      const redelivered = Object.entries(counts).filter(([k, v]) => k.endsWith('_redelivered') && v > 0);
      return result(
        'redelivered',
        'the paused worker got redeliveries after the ack wait, recognised as duplicates (invariant 2: no effect)',
        counts,
        redelivered.length === workers.length
          ? []
          : ['a paused worker got no redelivery: the pause exercised nothing'],
      );
    });
  },
};
