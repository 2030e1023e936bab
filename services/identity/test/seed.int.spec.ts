import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdentityService } from '../src/app.ts';
import { loadIdentityConfig } from '../src/config.ts';
import { loadSeed, passwordVariable, secretVariable } from '../src/seed.ts';
import { client, SEED_FILE, startIdentity } from './harness.ts';

// The development seed (infra/identity/seed.json): created when absent, by replicas starting
// together, with passwords overridable from the environment.

const env = { ONEGO_IDENTITY_PASSWORD_CLERK_MILUO: 'a clerk password of my own' };
let identity: Awaited<ReturnType<typeof startIdentity>>;
beforeAll(async () => {
  identity = await startIdentity('identity_seed', { seed: true, replicas: 2, env });
});
afterAll(() => identity?.close());

const counts = async () => {
  const sql = postgres(identity.databaseUrl, { max: 1 });
  const [row] = await sql<{ staff: number; clients: number }[]>`
    select (select count(*)::int from identity.staff) as staff, (select count(*)::int from identity.clients) as clients`;
  await sql.end();
  return row;
};

describe('the development seed', () => {
  it('holds one clerk, one operator of 汨罗市 and one client per department', async () => {
    const seed = await loadSeed(SEED_FILE, {});
    expect(seed.staff.map((s) => [s.role, s.region])).toEqual([
      ['clerk', '汨罗市'],
      ['operator', '汨罗市'],
    ]);
    expect(seed.clients.map((c) => c.department).sort()).toEqual(
      [
        'cdc',
        'health',
        'maternal-child-health',
        'medical-insurance',
        'public-security',
        'social-security',
      ].sort(),
    );
  });

  it('is created once by two replicas starting together, and again by none on a restart', async () => {
    expect(await counts()).toEqual({ staff: 2, clients: 6 });
    const again = await buildIdentityService(
      loadIdentityConfig({
        DATABASE_URL: identity.databaseUrl,
        LOG_LEVEL: 'silent',
        IDENTITY_SEED_FILE: SEED_FILE,
      }),
      { env: { ONEGO_IDENTITY_PASSWORD_CLERK_MILUO: 'yet another password' } },
    );
    await again.stop();
    expect(await counts()).toEqual({ staff: 2, clients: 6 });
    // The restart's different password did not change the existing account
    const login = await client(identity.app).staffLogin({
      username: 'clerk.miluo',
      password: env.ONEGO_IDENTITY_PASSWORD_CLERK_MILUO,
    });
    expect(login.statusCode).toBe(200);
  });

  it('takes a password from the environment instead of the published one', async () => {
    const published = await client(identity.app).staffLogin({
      username: 'clerk.miluo',
      password: 'onego-dev-clerk-password',
    });
    expect(published.statusCode).toBe(401);
  });

  it('names the variables that override each account', () => {
    expect(passwordVariable('operator.miluo')).toBe('ONEGO_IDENTITY_PASSWORD_OPERATOR_MILUO');
    expect(secretVariable('department-public-security')).toBe(
      'ONEGO_IDENTITY_SECRET_DEPARTMENT_PUBLIC_SECURITY',
    );
  });
});
