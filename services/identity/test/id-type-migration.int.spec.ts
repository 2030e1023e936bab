import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys } from '@onego/vault';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/domain/password.ts';
import { citizen, client, startIdentity } from './harness.ts';
import { migrateBefore } from './migrations.ts';

// Upgrading a database written before document types existed (migration 0003): every account
// then was a resident ID's, sealed and hashed as that release did it. Each keeps working as a
// resident ID: same sign-in, same lookup hash, its type filled in.

const before = { ...citizen(), id: randomUUID() };
let identity: Awaited<ReturnType<typeof startIdentity>>;

/** A citizen as the release before 0003 stored one: no type, the hash over the number alone. */
async function writeOldCitizen(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const vault = await openVault({
      sql,
      schema: 'identity',
      masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
    });
    await sql`insert into identity.citizens
      (id, id_number_sealed, id_number_hash, name, phone_sealed, password_hash, created_at) values (
        ${before.id}, ${vault.seal(before.idNumber, `citizens.id_number:${before.id}`)},
        ${vault.lookup('citizen-id-number', before.idNumber)}, ${before.name},
        ${vault.seal(before.phone, `citizens.phone:${before.id}`)}, ${await hashPassword(before.password)}, now())`;
  } finally {
    await sql.end();
  }
}

beforeAll(async () => {
  identity = await startIdentity('identity_id_type_migration', {
    seed: true,
    prepare: async (url) => {
      await migrateBefore(url, '0003');
      await writeOldCitizen(url);
    },
  });
});
afterAll(() => identity?.close());

describe('upgrading to identity document types', () => {
  it('keeps every existing account, as a resident ID', async () => {
    const rows = await identity.sql<
      { id: string; id_type: string }[]
    >`select id, id_type from identity.citizens`;
    expect(rows).toEqual([{ id: before.id, id_type: 'resident-id' }]);
  });

  it('lets an existing citizen sign in as before, or naming the type, and read their document', async () => {
    const api = client(identity.app);
    const { idNumber, password } = before;
    for (const body of [
      { idNumber, password },
      { idType: 'resident-id', idNumber, password },
    ]) {
      const login = await api.login(body);
      expect(login.statusCode).toBe(200);
      const document = await api.document(login.json().accessToken);
      expect(document.json()).toEqual({
        idType: 'resident-id',
        idNumber,
        name: before.name,
        phone: before.phone,
      });
    }
  });

  it('finds an existing citizen for a clerk, and still refuses their number twice', async () => {
    const api = client(identity.app);
    const found = await api.lookup({ idNumber: before.idNumber }, await api.staffToken('clerk.miluo'));
    expect(found.json()).toMatchObject({ id: before.id });
    expect((await api.register(citizen(before.idNumber))).statusCode).toBe(409);
  });
});
