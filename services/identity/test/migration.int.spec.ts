import { randomUUID } from 'node:crypto';
import { generateSigningKey } from '@onego/keys';
import { importJWK, SignJWT } from 'jose';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, bearer, citizen, client, ISSUER, startIdentity } from './harness.ts';
import { migrateBefore } from './migrations.ts';

// Upgrading a database written before personal data was sealed (migration 0002): citizens'
// plain rows are discarded and their sessions revoked; staff and their sessions are kept; the old
// signing key loses its private half but stays published, so the tokens it signed still verify.

const staffId = randomUUID();
const staffSession = randomUUID();
const citizenSession = randomUUID();
let oldToken: string;
let oldKid: string;
let identity: Awaited<ReturnType<typeof startIdentity>>;

/** What the service held then: a plain citizen and key, a clerk, both signed in. */
async function writeOldRows(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const key = await generateSigningKey();
    oldKid = key.kid;
    const now = new Date();
    const expires = new Date(now.getTime() + 900_000);
    await sql`insert into identity.signing_keys (kid, public_jwk, private_jwk, status, created_at, signs_from)
      values (${key.kid}, ${sql.json(key.publicJwk)}, ${sql.json(key.privateJwk)}, 'active', ${now}, ${now})`;
    const old = citizen();
    await sql`insert into identity.citizens (id, id_number, name, phone, password_hash, created_at)
      values (${randomUUID()}, ${old.idNumber}, ${old.name}, ${old.phone}, 'x', ${now})`;
    await sql`insert into identity.staff (id, username, name, role, region, password_hash, created_at)
      values (${staffId}, 'clerk.before', '王芳', 'clerk', '汨罗市', 'x', ${now})`;
    await sql`insert into identity.sessions (id, subject, subject_type, scope, created_at, expires_at) values
      (${staffSession}, ${staffId}, 'staff', 'clerk', ${now}, ${expires}),
      (${citizenSession}, ${randomUUID()}, 'citizen', 'citizen', ${now}, ${expires})`;
    oldToken = await new SignJWT({ scope: 'clerk', sid: staffSession, region: '汨罗市' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: key.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(staffId)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime('15m')
      .sign(await importJWK(key.privateJwk, 'EdDSA'));
  } finally {
    await sql.end();
  }
}

beforeAll(async () => {
  identity = await startIdentity('identity_migration', {
    prepare: async (url) => {
      await migrateBefore(url, '0002');
      await writeOldRows(url);
    },
  });
});
afterAll(() => identity?.close());

describe('upgrading to sealed personal data', () => {
  it('discards plain citizens and revokes their sessions, keeping staff and their sessions', async () => {
    const [{ citizens }] = (await identity.sql`select count(*)::int as citizens from identity.citizens`) as [
      { citizens: number },
    ];
    expect(citizens).toBe(0);
    const sessions = await identity.sql<{ id: string; revoked_at: Date | null; revocation_reason: string }[]>`
      select id, revoked_at, revocation_reason from identity.sessions`;
    expect(sessions.find((s) => s.id === citizenSession)?.revoked_at).not.toBeNull();
    expect(sessions.find((s) => s.id === staffSession)?.revoked_at).toBeNull();
  });

  it('keeps the old signing key public only, so its tokens verify, and signs with a new sealed key', async () => {
    // Then the old key has no private half, is retired, and is still published
    const keys = await identity.sql<{ kid: string; status: string; private_jwk_sealed: string | null }[]>`
      select kid, status, private_jwk_sealed from identity.signing_keys`;
    expect(keys.find((k) => k.kid === oldKid)).toMatchObject({ status: 'retired', private_jwk_sealed: null });
    expect((await client(identity.app).jwks()).keys.map((k) => k.kid)).toContain(oldKid);
    // And the clerk's token from before the upgrade is still accepted
    const me = await identity.app.inject({ url: '/api/identity/me', headers: bearer(oldToken) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: staffId, username: 'clerk.before' });
    // And new tokens are signed by a new key, sealed
    const active = keys.find((k) => k.status === 'active');
    expect(active?.private_jwk_sealed).toMatch(/^v1\./);
    const { token } = await client(identity.app).signedIn();
    const kid = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).kid;
    expect(kid).toBe(active?.kid);
  });
});
