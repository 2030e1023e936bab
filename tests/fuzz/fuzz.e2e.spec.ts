import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestPlatform } from '../support/platform.ts';
import { campaignSettings, runCampaign, startCampaignPlatform } from './campaign.ts';

// The short, seeded fuzz and flood campaign that runs with the end-to-end tests (issue 7, bad
// input). `pnpm test:fuzz` runs the long one (tests/fuzz/campaign.fuzz.spec.ts). The report
// goes to reports/fuzz-<seed>-<requests>.md and .json.

const REQUEST_TIMEOUT_MS = 4000;
let p: TestPlatform;
beforeAll(async () => {
  p = await startCampaignPlatform(REQUEST_TIMEOUT_MS);
});
afterAll(() => p?.stop());

it('refuses bad input with a 4xx that names the problem, never a 5xx, and survives floods', async () => {
  // given the platform and the short settings (FUZZ_SEED and FUZZ_REQUESTS override them)
  const { seed, requests } = campaignSettings({ requests: 1500 });

  // when the generated requests, the database check and the floods have run
  const report = await runCampaign(p, {
    seed,
    requests,
    concurrency: 8,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    floodRounds: 2,
    slowConnections: 20,
    log: (line) => console.log(line),
  });

  // then every invariant of every scenario holds
  const failed = report.scenarios.flatMap((s) =>
    s.checks.filter((c) => !c.passed).map((c) => `${s.name}: ${c.invariant}: ${c.detail}`),
  );
  expect(failed).toEqual([]);
}, 600_000);
