import { pause } from '../support/faults.ts';
import type { Scenario } from '../support/scenario.ts';

// The platform's own nats-server killed (kill -9) mid-load and started again on the same
// store: what JetStream acknowledged is on disk, the services reconnect, the relays retry, and
// intake keeps accepting applications meanwhile (it writes only to Postgres).

export const natsRestart: Scenario = {
  name: 'nats-restart',
  title: 'the nats-server killed (kill -9) mid-load and restarted',
  async inject(ctx) {
    const nats = ctx.cp.platform.nats;
    if (!nats) throw new Error('the platform does not run its own nats-server');
    await ctx.faults.window(
      { kind: 'kill -9', target: 'nats-server', detail: `down ${ctx.profile.natsDownMs} ms` },
      () => nats.kill('SIGKILL'),
      async () => {
        await pause(ctx.profile.natsDownMs);
        await nats.start();
      },
    );
  },
};
