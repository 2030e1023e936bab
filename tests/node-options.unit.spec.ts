import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SERVICE_NODE_OPTIONS, serviceNodeOptions } from '@onego/infra/platform';
import { describe, expect, it } from 'vitest';

// The services' V8 heap limits: the same from ./onego start as from the Docker image, and an
// operator's or the bench's own options (NODE_OPTIONS) take precedence over them.

/** The young generation's size in MB of a node started with these NODE_OPTIONS. */
const youngGenerationMb = (nodeOptions: string) =>
  Number(
    execFileSync(
      process.execPath,
      [
        '-e',
        "const v8 = require('node:v8'); const a = []; for (let i = 0; i < 5e5; i++) a.push({ i });" +
          " process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576));",
      ],
      { env: { ...process.env, NODE_OPTIONS: nodeOptions }, encoding: 'utf8' },
    ),
  );

describe("the services' Node options", () => {
  it('are the same in the Docker image as in the start command', () => {
    // given the Dockerfile
    const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');

    // then it sets the platform's options
    expect(dockerfile).toContain(`NODE_OPTIONS="${SERVICE_NODE_OPTIONS}"`);
  });

  it('let options given to a service take precedence over the platform ones', () => {
    // given a service given a 16 MB young generation, and one given nothing
    const given = serviceNodeOptions('--max-semi-space-size=16');
    const defaults = serviceNodeOptions(undefined);

    // then the first runs with 16 MB semi-spaces (32 MB in all), the second with the platform's 4
    // (8 MB). V8 sometimes counts a page or two more in the new space than its two semi-spaces
    // (9 and 9.25 MB seen with Node 24.21), never as much as the next size up.
    expect(youngGenerationMb(given)).toBeGreaterThanOrEqual(32);
    expect(youngGenerationMb(given)).toBeLessThan(48);
    expect(youngGenerationMb(defaults)).toBeGreaterThanOrEqual(8);
    expect(youngGenerationMb(defaults)).toBeLessThan(16);
    expect(defaults).toBe(SERVICE_NODE_OPTIONS);
  }, 30_000);
});
