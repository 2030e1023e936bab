import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, env, loadConfig } from '../src/index.ts';

const shape = { PORT: env.port(8080), DATABASE_URL: env.postgresUrl(), NATS_URL: env.natsUrl() };

describe('configuration', () => {
  it('applies defaults when variables are absent', () => {
    expect(loadConfig(shape, {})).toEqual({
      PORT: 8080,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onego',
      NATS_URL: 'nats://127.0.0.1:4222',
    });
  });

  it('names every bad variable and the reason', () => {
    // Given a port that is not a number and a database URL of the wrong kind
    const load = () => loadConfig(shape, { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    // Then the error names both, with what is expected
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT: .*number/);
    expect(load).toThrow(/DATABASE_URL: must be a postgres:\/\/ connection URL/);
  });

  it('stops a service that is misconfigured with one line and exit code 78', () => {
    const main = fileURLToPath(new URL('../../../services/gateway/src/main.ts', import.meta.url));
    const run = spawnSync(process.execPath, [main], {
      env: { ...process.env, PORT: '99999' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/^gateway: invalid configuration:\n {2}PORT: /);
  });
});
