import { privateKeyAad } from '@onego/keys';
import type { Vault } from '@onego/vault';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, client, newIdNumber, newPassportNumber, startIdentity } from './harness.ts';
import { plainIdentifiersIn } from './scan.ts';

// Personal data at rest: a citizen's ID number and phone are sealed by the service's vault,
// bound to their row, and found by a keyed hash; private signing keys are sealed too.

let identity: Awaited<ReturnType<typeof startIdentity>>;
let vault: Vault;
beforeAll(async () => {
  identity = await startIdentity('identity_sealed');
  vault = await identity.vault();
});
afterAll(() => identity?.close());

interface CitizenRow {
  id: string;
  id_number_sealed: string;
  id_number_hash: string;
  phone_sealed: string;
}
const rowOf = async (id: string) =>
  (await identity.sql<CitizenRow[]>`select * from identity.citizens where id = ${id}`)[0] as CitizenRow;

describe('a registered citizen', () => {
  it('is stored with the ID number and phone sealed, and found by the keyed hash of the ID number', async () => {
    // When a citizen registers
    const body = { ...citizen(), phone: '13712345670' };
    const { id } = (await client(identity.app).register(body)).json<{ id: string }>();
    // Then the row holds neither in the clear, only sealed values that open in their own place
    const row = await rowOf(id);
    expect(JSON.stringify(row)).not.toContain(body.idNumber);
    expect(JSON.stringify(row)).not.toContain(body.phone);
    expect(vault.open(row.id_number_sealed, `citizens.id_number:${id}`)).toBe(body.idNumber);
    expect(vault.open(row.phone_sealed, `citizens.phone:${id}`)).toBe(body.phone);
    // And the lookup column is the vault's keyed hash of the ID number
    expect(row.id_number_hash).toBe(vault.lookup('citizen-id-number', body.idNumber));
    // And signing in by ID number finds the account through it
    const login = await client(identity.app).login({ idNumber: body.idNumber, password: body.password });
    expect(login.statusCode).toBe(200);
    const me = await client(identity.app).me(login.json().accessToken);
    expect(me.json()).toMatchObject({ id, idNumberMasked: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) });
    expect(me.json().phoneMasked).toBe('137****5670');
  });

  it('cannot register the same ID number twice, and the 409 does not repeat it', async () => {
    // Given a registered ID number
    const body = citizen();
    expect((await client(identity.app).register(body)).statusCode).toBe(201);
    // When it registers again, with another phone
    const again = await client(identity.app).register({ ...body, phone: '13900000001' });
    // Then the keyed hash's unique key refuses it, and the answer names no ID number
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(body.idNumber);
    expect(again.body).not.toContain(body.idNumber.slice(-4));
  });

  it('leaves no ID number or phone in plain text in any identity table', async () => {
    // Given registrations, sign-ins, failed sign-ins and a refused registration
    const api = client(identity.app);
    const citizens = [citizen(), citizen(), { ...citizen(), phone: '15912345678' }];
    for (const body of citizens) {
      await api.register(body);
      await api.login({ idNumber: body.idNumber, password: body.password });
      await api.login({ idNumber: body.idNumber, password: 'not the password' });
    }
    await api.register(citizens[0] as object);
    await api.login({ idNumber: newIdNumber(), password: 'whatever it is' });
    // When every text, JSON and array column of the schema is read
    const found = await plainIdentifiersIn(identity.sql, 'identity', {
      exact: citizens.flatMap((c) => [c.idNumber, c.phone]),
    });
    // Then no valid ID number, nor any of these phones, is there
    expect(found).toEqual([]);
  });
});

describe('a citizen registered with another identity document', () => {
  it('is found by the keyed hash of its type and number, and its type cannot be changed in the table', async () => {
    // Given a passport holder's account
    const api = client(identity.app);
    const body = { ...citizen(newPassportNumber()), idType: 'passport' };
    const { id } = (await api.register(body)).json<{ id: string }>();
    // Then the number is sealed in its place, and the hash covers the type
    const row = await rowOf(id);
    expect(vault.open(row.id_number_sealed, `citizens.id_number:${id}`)).toBe(body.idNumber);
    expect(row.id_number_hash).toBe(vault.lookup('citizen-id-number', `passport:${body.idNumber}`));
    // When its type is changed in the table
    const setType = (idType: string) =>
      identity.sql`update identity.citizens set id_type = ${idType} where id = ${id}`;
    await setType('hk-macao-home-return-permit');
    // Then the account is unavailable (its hash is not its number's under that type), not another's
    const login = () => api.login({ idType: 'passport', idNumber: body.idNumber, password: body.password });
    const refused = await login();
    expect(refused.statusCode).toBe(503);
    expect(refused.body).not.toContain(body.idNumber);
    // And once the row is restored, it signs in again
    await setType('passport');
    expect((await login()).statusCode).toBe(200);
  });
});

describe('the private signing keys', () => {
  it('are sealed, bound to their kid: swapped between two keys, they sign nothing, with a 503', async () => {
    // Given the active key, and a rotation whose new key signs at once
    const api = client(identity.app);
    const body = citizen();
    await api.register(body);
    const rows = () =>
      identity.sql<{ kid: string; private_jwk_sealed: string; status: string }[]>`
        select kid, private_jwk_sealed, status from identity.signing_keys order by signs_from`;
    const [old] = await rows();
    if (!old) throw new Error('no signing key');
    expect(old.private_jwk_sealed).toMatch(/^v1\./);
    expect(
      JSON.parse(vault.open(old.private_jwk_sealed, privateKeyAad('signing_keys', old.kid))),
    ).toHaveProperty('d');
    const { kid } = await identity.service.keys.rotate({ immediately: true });
    // When the two keys' sealed private halves are swapped in the table
    const swap = () => identity.sql`
      update identity.signing_keys k set private_jwk_sealed = o.private_jwk_sealed
      from identity.signing_keys o where k.kid in (${old.kid}, ${kid}) and o.kid in (${old.kid}, ${kid}) and o.kid <> k.kid`;
    await swap();
    // Then signing in is refused as unavailable, not failed
    const refused = await api.login({ idNumber: body.idNumber, password: body.password });
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toEqual({ error: 'signing in is not available at the moment' });
    // And once the rows are restored, the key signs again
    await swap();
    const restored = await api.login({ idNumber: body.idNumber, password: body.password });
    expect(restored.statusCode).toBe(200);
  });
});
