import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, client, startIdentity } from './harness.ts';
import { runTool } from './process.ts';

// The admin tools, run as an operator runs them: as processes against the service's database.

const tools = fileURLToPath(new URL('../tools/', import.meta.url));
let identity: Awaited<ReturnType<typeof startIdentity>>;
beforeAll(async () => {
  identity = await startIdentity('identity_tools');
});
afterAll(() => identity?.close());

const run = (tool: string, args: string[], stdin?: string) =>
  runTool(`${tools}${tool}`, args, {
    env: { DATABASE_URL: identity.databaseUrl },
    ...(stdin === undefined ? {} : { stdin }),
  });

const tokenRequest = (clientId: string, secret: string) =>
  identity.app.inject({
    method: 'POST',
    url: '/api/identity/oauth/token',
    payload: 'grant_type=client_credentials',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
    },
  });

describe('the accounts tool', () => {
  it('creates an operator whose password comes from stdin, once', async () => {
    // When an administrator creates an operator, piping the password in
    const args = [
      'create-staff',
      '--username',
      'operator.yueyang',
      '--name',
      '李华',
      '--role',
      'operator',
      '--region',
      '岳阳楼区',
    ];
    const created = await run('accounts.ts', args, 'a strong chosen password\n');
    // Then the operator can sign in with it, for their region
    expect(created).toMatchObject({
      code: 0,
      stdout: 'created operator operator.yueyang (region 岳阳楼区)\n',
    });
    const login = await client(identity.app).staffLogin({
      username: 'operator.yueyang',
      password: 'a strong chosen password',
    });
    expect(login.statusCode).toBe(200);
    const me = await client(identity.app).me(login.json().accessToken);
    expect(me.json()).toMatchObject({ role: 'operator', region: '岳阳楼区' });
    // And running it again changes nothing
    expect((await run('accounts.ts', args, 'another password here')).code).toBe(1);
  });

  it('creates a department client with a generated secret shown once', async () => {
    const created = await run('accounts.ts', [
      'create-client',
      '--client-id',
      'department-cdc-2',
      '--department',
      'cdc',
    ]);
    expect(created.code).toBe(0);
    const secret = /client_secret \(shown once\): (\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(secret).toHaveLength(43);
    const response = await tokenRequest('department-cdc-2', secret);
    expect(response.statusCode).toBe(200);
    expect(response.json().scope).toBe('department:cdc');
    const me = await identity.app.inject({
      url: '/api/identity/me',
      headers: bearer(response.json().access_token),
    });
    expect(me.json()).toEqual({
      clientId: 'department-cdc-2',
      department: 'cdc',
      scopes: ['department:cdc'],
    });
  });

  it('names what is wrong in the input, and explains its usage', async () => {
    const bad = await run('accounts.ts', [
      'create-staff',
      '--username',
      'X',
      '--name',
      'n',
      '--role',
      'boss',
      '--region',
      '',
    ]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('username:');
    expect(bad.stderr).toContain('role:');
    expect((await run('accounts.ts', ['delete-everything'])).code).toBe(64);
    expect((await run('accounts.ts', ['create-client', '--secret', 'x'])).code).toBe(64);
  });
});

describe('the signing-keys tool', () => {
  it('rotates the key: the next one is published at once', async () => {
    const before = (await client(identity.app).jwks()).keys.length;
    const rotated = await run('signing-keys.ts', ['rotate']);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/^new signing key \S+: published now, signs from /);
    expect((await client(identity.app).jwks()).keys.length).toBe(before + 1);
    const listed = await run('signing-keys.ts', ['list']);
    expect(listed.stdout.trim().split('\n')).toHaveLength(before + 1);
  });
});
