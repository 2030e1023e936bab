import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestPlatform } from '../support/platform.ts';
import { campaignSettings, runCampaign, startCampaignPlatform } from './campaign.ts';

// The long campaign (`pnpm test:fuzz`): at least 10,000 generated requests against every
// operation of the public API, the database check and the floods, with the services' own
// request timeout. The report goes to reports/fuzz-<seed>-<requests>.md and .json.

let p: TestPlatform;
beforeAll(async () => {
  p = await startCampaignPlatform();
});
afterAll(() => p?.stop());

it('refuses bad input with a 4xx that names the problem, never a 5xx, and survives floods', async () => {
  // given the platform and the long settings (FUZZ_SEED and FUZZ_REQUESTS override them)
  const { seed, requests } = campaignSettings({ requests: 10_000 });

  // when the generated requests, the database check and the floods have run
  const report = await runCampaign(p, {
    seed,
    requests,
    concurrency: 8,
    floodRounds: 6,
    slowConnections: 100,
    log: (line) => console.log(line),
  });

  // then every invariant of every scenario holds
  const failed = report.scenarios.flatMap((s) =>
    s.checks.filter((c) => !c.passed).map((c) => `${s.name}: ${c.invariant}: ${c.detail}`),
  );
  expect(failed).toEqual([]);
}, 3_600_000);
