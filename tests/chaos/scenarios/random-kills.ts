import { SERVICE_NAMES } from '@onego/infra/platform';
import { pause } from '../support/faults.ts';
import type { Scenario } from '../support/scenario.ts';
import { killHard } from '../support/services.ts';

// A random service (any of the six, seeded) killed with SIGKILL every so often while the load
// runs, and restarted one to three seconds later. Long profile: every 20-40 s for minutes.

export const randomKills: Scenario = {
  name: 'random-kills',
  title: 'a random service killed (kill -9) at random intervals, then restarted',
  async inject(ctx) {
    const { cp, random, profile } = ctx;
    for (let i = 0; i < profile.randomKills; i++) {
      if (i > 0) await pause(random.between(...profile.killGapMs));
      const service = random.pick(SERVICE_NAMES);
      const downMs = random.between(1000, 3000);
      await ctx.faults.window(
        { kind: 'kill -9', target: service, detail: `down ${downMs} ms` },
        () => killHard(cp, service),
        async () => {
          await pause(downMs);
          await cp.restart(service);
        },
      );
    }
  },
};
