import { fileURLToPath } from 'node:url';
import { DEPARTMENTS, type Department } from '@onego/contracts';
import { applyMigrations, type DatabaseHandle, openDatabase } from '@onego/db';
import { generateSigningKey, privateKeyAad } from '@onego/keys';
import { createTestDatabase, migrateBefore, type TestDatabase } from '@onego/testing';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys, type Vault } from '@onego/vault';
import { CompactSign, compactVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuerKeyStore } from '../src/keys.ts';

// Issuers' private keys at rest: sealed by the certificates service's vault, bound to their kid,
// destroyed when a key retires. A database from before sealing (migration 0004) keeps its keys'
// public halves, so what they signed still verifies, and gets new sealed keys.

const drizzle = fileURLToPath(new URL('../drizzle', import.meta.url));
const ORIGIN = 'https://onego.test';
let database: TestDatabase;
let handle: DatabaseHandle;
let vault: Vault;
let plainKid: string;

const storeOf = () => createIssuerKeyStore(handle.db, vault, ORIGIN, () => new Date());
const rows = () =>
  handle.sql<{ kid: string; department: Department; status: string; private_jwk_sealed: string | null }[]>`
    select kid, department, status, private_jwk_sealed from certificates.issuer_keys order by created_at`;
const sign = (store: ReturnType<typeof storeOf>, department: Department) =>
  handle.db.transaction(async (tx) => {
    const { thumbprint, key } = await store.signingKey(tx, department);
    const jws = await new CompactSign(new TextEncoder().encode('signed'))
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(key);
    return { thumbprint, jws };
  });

beforeAll(async () => {
  database = await createTestDatabase('certificates_sealed_keys');
  await migrateBefore(database.url, { schema: 'certificates', folder: drizzle, before: '0004' });
  handle = openDatabase(database.url, { max: 3 });
  // An issuer key as the service kept it before: the private JWK in the clear. (Drizzle has made
  // this client pass JSON through as text.)
  const key = await generateSigningKey();
  plainKid = key.kid;
  await handle.sql`insert into certificates.issuer_keys (kid, department, public_jwk, private_jwk, status, created_at)
    values (${key.kid}, 'health', ${JSON.stringify(key.publicJwk)}, ${JSON.stringify(key.privateJwk)}, 'active', now())`;
  await applyMigrations(database.url, { schema: 'certificates', folder: drizzle });
  vault = await openVault({
    sql: handle.sql,
    schema: 'certificates',
    masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
  });
  await storeOf().ensureIssuerKeys();
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

describe('issuer keys from before sealing', () => {
  it('are retired without their private half, still verify, and each department has a new sealed key', async () => {
    const all = await rows();
    expect(all.find((k) => k.kid === plainKid)).toMatchObject({
      status: 'retired',
      private_jwk_sealed: null,
    });
    expect(await storeOf().verificationKey('health', plainKid)).toBeDefined();
    const active = all.filter((k) => k.status === 'active');
    expect(active.map((k) => k.department).sort()).toEqual([...DEPARTMENTS].sort());
    const signed = await sign(storeOf(), 'health');
    expect(signed.thumbprint).not.toBe(plainKid);
  });
});

describe('an issuer’s private key', () => {
  it('is sealed in its row, opens only there, and signs what its public key verifies', async () => {
    // Given the active keys as stored
    for (const row of (await rows()).filter((k) => k.status === 'active')) {
      // Then each private half is a sealed value that opens, as a private JWK, at its own kid
      expect(row.private_jwk_sealed).toMatch(/^v1\./);
      const jwk = JSON.parse(vault.open(row.private_jwk_sealed ?? '', privateKeyAad('issuer_keys', row.kid)));
      expect(jwk).toHaveProperty('d');
    }
    // And what the active key signs, its published key verifies
    const store = storeOf();
    const { thumbprint, jws } = await sign(store, 'cdc');
    const publicKey = await store.verificationKey('cdc', thumbprint);
    if (!publicKey) throw new Error('no public key');
    expect(new TextDecoder().decode((await compactVerify(jws, publicKey)).payload)).toBe('signed');
  });

  it('swapped with another department’s, signs nothing, and the error names the row, not the key', async () => {
    // Given two departments' active keys whose sealed private halves are swapped
    const active = (await rows()).filter((k) => k.status === 'active');
    const [a, b] = [
      active.find((k) => k.department === 'health'),
      active.find((k) => k.department === 'cdc'),
    ];
    if (!a || !b) throw new Error('missing keys');
    const swap = () => handle.sql`
      update certificates.issuer_keys k set private_jwk_sealed = o.private_jwk_sealed
      from certificates.issuer_keys o where k.kid in (${a.kid}, ${b.kid}) and o.kid in (${a.kid}, ${b.kid}) and o.kid <> k.kid`;
    await swap();
    try {
      // When a fresh process (nothing imported yet) signs for health
      const failure = await sign(storeOf(), 'health').catch((error: Error) => error);
      // Then it refuses, naming where the sealed key is, and nothing of it
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toBe(
        `the sealed private key issuer_keys.private_jwk:${a.kid} does not open`,
      );
    } finally {
      await swap();
    }
    // And once the rows are put back, it signs again
    expect((await sign(storeOf(), 'health')).thumbprint).toBe(a.kid);
  });

  it('is destroyed when its key is retired by a rotation; its public half stays', async () => {
    // When maternal and child health's key is rotated
    const store = storeOf();
    const before = (await rows()).find(
      (k) => k.department === 'maternal-child-health' && k.status === 'active',
    );
    await store.rotate('maternal-child-health');
    // Then the retired key has no private half left, and still verifies
    const retired = (await rows()).find((k) => k.kid === before?.kid);
    expect(retired).toMatchObject({ status: 'retired', private_jwk_sealed: null });
    expect(await store.verificationKey('maternal-child-health', retired?.kid ?? '')).toBeDefined();
    // And the new key signs
    expect((await sign(store, 'maternal-child-health')).thumbprint).not.toBe(before?.kid);
  });
});
