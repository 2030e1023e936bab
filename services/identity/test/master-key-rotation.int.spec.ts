import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, client, startIdentity } from './harness.ts';
import { runTool } from './process.ts';

// Rotating the master key that wraps the vault's data keys, as the operator's runbook says
// (tools/vault.ts): the new key first with the old one kept, re-wrap, then the new key alone.
// Nothing sealed is re-encrypted, and everyone registered before still signs in.

const masterKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const old = masterKey('mk-2026');
const next = masterKey('mk-2027');
const after = masterKey('mk-2028');

let identity: Awaited<ReturnType<typeof startIdentity>>;
beforeAll(async () => {
  identity = await startIdentity('identity_master_keys', { env: { ONEGO_MASTER_KEYS: old } });
});
afterAll(() => identity?.close());

const run = (tool: string, args: string[], masterKeys: string) =>
  runTool(fileURLToPath(new URL(tool, import.meta.url)), args, {
    env: { DATABASE_URL: identity.databaseUrl, ONEGO_MASTER_KEYS: masterKeys },
  });

async function signsIn(body: { idNumber: string; password: string }) {
  const login = await client(identity.app).login({ idNumber: body.idNumber, password: body.password });
  expect(login.statusCode).toBe(200);
  const me = await client(identity.app).me(login.json().accessToken);
  expect(me.statusCode).toBe(200);
  return me.json<{ idNumberMasked: string; phoneMasked: string }>();
}

describe('rotating the master key', () => {
  it('re-wraps the data keys; with only the new key, old citizens still sign in and new ones register', async () => {
    // Given a citizen registered under the old master key
    const before = citizen();
    expect((await client(identity.app).register(before)).statusCode).toBe(201);
    const seen = await signsIn(before);

    // When the new key is put first, the old kept, and the data keys are re-wrapped
    const rewrap = await run('../tools/vault.ts', ['rewrap'], `${next},${old}`);
    expect(rewrap).toMatchObject({
      code: 0,
      stdout: 'identity: 2 data key(s) re-wrapped under master key mk-2027\n',
    });
    // Then every data key is wrapped by the new key, which the status reads alone
    const status = await run('../tools/vault.ts', ['status'], next);
    expect(status.code).toBe(0);
    expect(status.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^dk-[0-9a-f]{12} {2}data {2}wrapped by mk-2027$/),
      expect.stringMatching(/^lk-[0-9a-f]{12} {2}lookup {2}wrapped by mk-2027$/),
    ]);

    // When the service restarts with only the new master key
    await identity.restart({ ONEGO_MASTER_KEYS: next });
    // Then the citizen from before signs in and reads their account as before (the signing key opens too)
    expect(await signsIn(before)).toEqual(seen);
    // And a new citizen registers, is found by the same keyed hash, and signs in
    const newcomer = citizen();
    expect((await client(identity.app).register(newcomer)).statusCode).toBe(201);
    await signsIn(newcomer);
    // And registering the old citizen's ID number again is still refused
    expect((await client(identity.app).register(before)).statusCode).toBe(409);

    // And the retired master key alone no longer opens anything: the service refuses to start
    await expect(identity.restart({ ONEGO_MASTER_KEYS: old })).rejects.toThrow(/not configured/);
    await identity.restart({ ONEGO_MASTER_KEYS: next });
    await signsIn(newcomer);
  });

  it('can be done for every service’s schema at once with the vault’s own tool', async () => {
    // Given the service on its current master key, and a citizen
    const body = citizen();
    expect((await client(identity.app).register(body)).statusCode).toBe(201);
    // When the next key is put first and every schema with a vault is re-wrapped
    const rewrap = await run('../../../packages/vault/tools/rewrap.ts', ['--all'], `${after},${next}`);
    // Then the identity schema's data keys were re-wrapped
    expect(rewrap).toMatchObject({
      code: 0,
      stdout: 'identity: 2 data key(s) re-wrapped under master key mk-2028\n',
    });
    // And with only the newest key the service starts, and everyone signs in
    await identity.restart({ ONEGO_MASTER_KEYS: after });
    await signsIn(body);
  });

  it('refuses a malformed master key as a configuration error', async () => {
    // When the tool is given a key that is not 32 bytes
    const result = await run('../tools/vault.ts', ['rewrap'], 'mk-bad:c2hvcnQ=');
    // Then it stops with EX_CONFIG, naming the variable
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/ONEGO_MASTER_KEYS/);
  });
});
