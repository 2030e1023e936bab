import { defineConfig } from 'vitest/config';
import ChaosFirst from './tests/support/sequencer.ts';

// Tiers by suffix: *.unit.spec.ts (pure), *.int.spec.ts (real Postgres + NATS),
// *.e2e.spec.ts (the services as processes). Files run in parallel; each integration or
// e2e file gets its own database and its own NATS namespace from @onego/testing.
const where = ['packages/*/test/**', 'services/*/test/**', 'tests/**'];
const infraSetup = './packages/testing/src/global-setup.ts';

export default defineConfig({
  test: {
    // Two files at a time on this machine kind's two cores (Vitest would otherwise take one fewer
    // than the cores: one). Projects of one group with the same maxWorkers share those workers:
    // unit, integration, e2e and the fault-injection file (started first, see the sequencer)
    // run together; the browser files after them, one at a time.
    maxWorkers: 2,
    sequence: { sequencer: ChaosFirst },
    reporters: process.env.CI ? ['default', 'junit'] : ['default'],
    outputFile: { junit: '.onego/test-results/junit.xml' },
    projects: [
      {
        test: {
          name: 'unit',
          include: where.map((d) => `${d}/*.unit.spec.ts`),
        },
      },
      {
        test: {
          name: 'integration',
          include: where.map((d) => `${d}/*.int.spec.ts`),
          globalSetup: [infraSetup],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: where.map((d) => `${d}/*.e2e.spec.ts`),
          globalSetup: [infraSetup],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each e2e file starts the whole platform as processes; two at a time fit 2 cores.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          // Fault injection (tests/chaos): the platform on its own PostgreSQL and nats-server,
          // killed, paused and wiped under load. CI runs the short profile; pnpm test:chaos the long.
          name: 'chaos',
          include: ['tests/chaos/*.chaos.spec.ts'],
          testTimeout: 30 * 60_000,
          hookTimeout: 240_000,
          // One file; 2 like the others so that it shares their workers rather than waiting for them.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The pages in Debian's Chromium against the whole platform; screenshots in tests/browser/artifacts.
        test: {
          name: 'browser',
          include: ['tests/browser/*.browser.spec.ts'],
          globalSetup: [infraSetup, './tests/browser/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      // The long fuzz and flood campaign: only with `pnpm test:fuzz` (ONEGO_FUZZ=long), never in the default run.
      ...(process.env.ONEGO_FUZZ === 'long'
        ? [
            {
              test: {
                name: 'fuzz',
                include: ['tests/fuzz/*.fuzz.spec.ts'],
                globalSetup: [infraSetup],
                testTimeout: 3_600_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
