import type { ServiceName } from '@onego/infra/platform';
import type { FailpointName } from '@onego/messaging';
import { result } from '../support/invariants/index.ts';
import type { Scenario, ScenarioContext } from '../support/scenario.ts';
import { exitWithin, FAILPOINTS_OF, killHard } from '../support/services.ts';

// kill -9 of each service at each of its named failpoints, under load, then a clean restart.
// A service is restarted with the failpoint armed (crash at its n-th passage, n seeded); the
// load brings it there; the process dies by SIGKILL exactly between the two steps the
// failpoint separates; it is restarted without it. Identity and the gateway, which have no
// messaging failpoints, are killed at a random moment instead. The short profile arms a few
// services at once in two rounds; the long one takes every (service, failpoint) in turn.

interface Case {
  service: ServiceName;
  point?: FailpointName;
}

const SHORT_ROUNDS: Case[][] = [
  [
    { service: 'applications', point: 'relay.before-publish' },
    { service: 'certificates', point: 'certificates.after-issue-before-outbox' },
    { service: 'department-adapters', point: 'dispatcher.after-call-before-record' },
  ],
  [
    { service: 'applications', point: 'consumer.after-commit-before-ack' },
    { service: 'certificates', point: 'relay.after-publish-before-mark' },
    { service: 'department-adapters', point: 'relay.before-publish' },
    { service: 'department-simulators', point: 'consumer.after-commit-before-ack' },
  ],
];

function everyCase(): Case[][] {
  const armed: Case[] = Object.entries(FAILPOINTS_OF).flatMap(([service, points]) =>
    (points ?? []).map((point) => ({ service: service as ServiceName, point })),
  );
  const plain: Case[] = [{ service: 'identity' }, { service: 'gateway' }];
  return [...armed, ...plain].map((c) => [c]);
}

async function crashAt(ctx: ScenarioContext, c: Case, outcomes: string[]) {
  const { cp, random } = ctx;
  const at = random.between(1, 3);
  const detail = c.point ? `${c.point}=crash@${at}` : 'kill -9 at a random moment';
  await ctx.faults.window(
    { kind: 'kill -9', target: c.service, detail },
    async () => {
      if (!c.point) {
        await new Promise((resolve) => setTimeout(resolve, random.between(500, 2000)));
        return killHard(cp, c.service);
      }
      const armed = { ONEGO_FAILPOINTS: detail, ONEGO_FAILPOINTS_SEED: String(random.between(1, 1e6)) };
      // The point may be reached before the service reports ready (its relay starts first).
      await cp.restart(c.service, armed).catch(() => undefined);
      return exitWithin(cp.platform.supervisor.processOf(c.service), 30_000);
    },
    async (exit) => {
      outcomes.push(
        `${c.service} ${detail}: ${exit === null ? 'not reached within 30 s' : `died by ${exit}`}`,
      );
      await cp.restart(c.service);
    },
  );
}

export const failpointKills: Scenario = {
  name: 'failpoint-kills',
  title: 'kill -9 of each service at its named failpoints, then restart',
  async inject(ctx) {
    const rounds = ctx.profile.everyFailpoint ? everyCase() : SHORT_ROUNDS;
    const outcomes: string[] = [];
    for (const round of rounds) {
      await Promise.all(round.map((c) => crashAt(ctx, c, outcomes)));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    ctx.notes.push(...outcomes);
    const killed = outcomes.filter((o) => o.endsWith('SIGKILL'));
    ctx.checks.push(
      result(
        'failpoints',
        'every armed failpoint was reached and killed its process with SIGKILL',
        { armed: outcomes.length, killed: killed.length },
        outcomes.filter((o) => !o.endsWith('SIGKILL')),
      ),
    );
  },
};
