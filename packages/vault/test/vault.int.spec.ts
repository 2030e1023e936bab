import { randomBytes } from 'node:crypto';
import { type OpenTestDatabase, openTestDatabase } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys, rewrapDataKeys } from '../src/index.ts';

let handle: OpenTestDatabase;
const schema = 'vault_test';
const masterKeys = parseMasterKeys(DEVELOPMENT_MASTER_KEYS);

beforeAll(async () => {
  handle = await openTestDatabase('vault', { max: 4 });
  // The table vaultTables() declares, as a service's migration creates it.
  await handle.sql.unsafe(`create schema ${schema};
    create table ${schema}.data_keys (id text primary key, purpose text not null, wrapped bytea not null,
      master_key_id text not null, created_at timestamptz not null default now())`);
});
afterAll(async () => {
  await handle?.close();
});

describe('the vault', () => {
  it('seals values that open only in their own place', async () => {
    // Given a service's vault, when an ID number is sealed for one row's column
    const vault = await openVault({ sql: handle.sql, schema, masterKeys });
    const sealed = vault.seal('430681199305120022', 'citizens.id_number:row-1');
    // Then the stored form does not show it, and it opens there, and only there
    expect(sealed).not.toContain('430681199305120022');
    expect(sealed).toMatch(/^v1\.dk-[0-9a-f]{12}\./);
    expect(vault.open(sealed, 'citizens.id_number:row-1')).toBe('430681199305120022');
    expect(() => vault.open(sealed, 'citizens.id_number:row-2')).toThrow();
    expect(() => vault.open(sealed, 'citizens.phone:row-1')).toThrow();
    // And two seals of one value differ (random nonces); its lookup hash does not
    expect(vault.seal('x', 'a')).not.toBe(vault.seal('x', 'a'));
    expect(vault.lookup('id-number', '430681199305120022')).toBe(
      vault.lookup('id-number', '430681199305120022'),
    );
  });

  it('refuses a ciphertext swapped between two rows, and one tampered with', async () => {
    const vault = await openVault({ sql: handle.sql, schema, masterKeys });
    const a = vault.seal('13800000001', 'citizens.phone:a');
    const b = vault.seal('13800000002', 'citizens.phone:b');
    expect(() => vault.open(b, 'citizens.phone:a')).toThrow();
    expect(() => vault.open(a, 'citizens.phone:b')).toThrow();
    const flipped = `${a.slice(0, -2)}${a.at(-2) === 'A' ? 'B' : 'A'}${a.at(-1)}`;
    expect(() => vault.open(flipped, 'citizens.phone:a')).toThrow();
  });

  it('gives replicas starting together the same keys', async () => {
    const [one, two] = await Promise.all([
      openVault({ sql: handle.sql, schema, masterKeys }),
      openVault({ sql: handle.sql, schema, masterKeys }),
    ]);
    expect(two.open(one.seal('shared', 'x:1'), 'x:1')).toBe('shared');
    const [{ n }] = (await handle.sql`select count(*)::int as n from vault_test.data_keys`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(2);
  });

  it('rotates the master key by re-wrapping data keys: everything sealed before still opens', async () => {
    // Given values sealed under the development master key
    const before = await openVault({ sql: handle.sql, schema, masterKeys });
    const sealed = before.seal('430681199108230011', 'citizens.id_number:row-9');
    const hash = before.lookup('id-number', '430681199108230011');
    // When a new master key is put first and the data keys are re-wrapped
    const rotated = parseMasterKeys(
      `new-2027:${randomBytes(32).toString('base64')},${DEVELOPMENT_MASTER_KEYS}`,
    );
    expect(await rewrapDataKeys({ sql: handle.sql, schema, masterKeys: rotated })).toBe(2);
    // Then, with only the new master key configured, the old values open and lookups still match
    const onlyNew = parseMasterKeys(`new-2027:${rotated.current.key.toString('base64')}`);
    const after = await openVault({ sql: handle.sql, schema, masterKeys: onlyNew });
    expect(after.open(sealed, 'citizens.id_number:row-9')).toBe('430681199108230011');
    expect(after.lookup('id-number', '430681199108230011')).toBe(hash);
    // And the retired master key can no longer open the data keys
    await expect(openVault({ sql: handle.sql, schema, masterKeys })).rejects.toThrow(/not configured/);
  });
});
