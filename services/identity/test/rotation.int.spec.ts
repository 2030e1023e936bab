import { createTokenVerifier } from '@onego/http';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, client, ISSUER, startIdentity, testClock } from './harness.ts';

// Rotating the token-signing key without downtime, with a clock the test moves: the next key
// is published before it signs, and tokens of the old key stay valid until they expire.

const clock = testClock();
let identity: Awaited<ReturnType<typeof startIdentity>>;
let origin: string;
beforeAll(async () => {
  identity = await startIdentity('identity_rotation', { clock: clock.now });
  origin = await identity.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => identity?.close());

const kidOf = (token: string) => String(decodeProtectedHeader(token).kid);
const publishedKids = async () => (await client(identity.app).jwks()).keys.map((k) => k.kid);

describe('rotating the signing key', () => {
  it('publishes the next key first, then signs with it, and keeps accepting the old key’s tokens', async () => {
    // Given a token signed with the current key, and another service's verifier
    const verify = createTokenVerifier({
      jwksUrl: `${origin}/api/identity/.well-known/jwks.json`,
      issuer: ISSUER,
      audience: AUDIENCE,
      revocations: { url: `${origin}/api/identity/sessions/revoked` },
      clock: clock.now,
    });
    const before = await client(identity.app).signedIn();
    const oldKid = kidOf(before.token);

    // When the key is rotated
    const { kid: newKid, signsFrom } = await identity.service.keys.rotate({ immediately: false });
    // Then the next key is published at once, while tokens are still signed with the current one
    expect(await publishedKids()).toEqual([newKid, oldKid]);
    // (and a verifier that reads the key set now, as every verifier does within the JWKS cache
    // lifetime, holds the next key before any token carries it)
    expect(await verify(before.token)).toMatchObject({ id: before.id });
    expect(signsFrom.getTime() - clock.now().getTime()).toBe(300_000);
    expect(kidOf((await client(identity.app).signedIn()).token)).toBe(oldKid);

    // When the JWKS cache lifetime has passed
    clock.advance(300);
    const after = await client(identity.app).signedIn();
    // Then new tokens carry the new key, and both old and new tokens are accepted, here and elsewhere
    expect(kidOf(after.token)).toBe(newKid);
    expect(await verify(after.token)).toMatchObject({ id: after.id });
    expect(await verify(before.token)).toMatchObject({ id: before.id });
    expect((await client(identity.app).me(before.token)).statusCode).toBe(200);
    expect((await client(identity.app).me(after.token)).statusCode).toBe(200);

    // And once every token of the old key has expired, the old key is no longer published
    clock.advance(900 + 30 + 61);
    expect(await publishedKids()).toEqual([newKid]);
  });

  it('signs with the new key at once in an emergency rotation', async () => {
    const { kid } = await identity.service.keys.rotate({ immediately: true });
    expect(kidOf((await client(identity.app).signedIn()).token)).toBe(kid);
  });
});

describe('the discovery document', () => {
  it('tells a client library where the keys and the token endpoint are, and what is supported', async () => {
    const response = await identity.app.inject({ url: '/api/identity/.well-known/openid-configuration' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      issuer: ISSUER,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      token_endpoint: `${ISSUER}/oauth/token`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      id_token_signing_alg_values_supported: ['EdDSA'],
      revoked_sessions_endpoint: `${ISSUER}/sessions/revoked`,
    });
    expect(response.json().scopes_supported).toEqual(
      expect.arrayContaining([
        'citizen',
        'clerk',
        'operator',
        'department:health',
        'department:public-security',
      ]),
    );
  });

  it('lists in OpenAPI every route the service has', async () => {
    const { paths } = (await identity.app.inject({ url: '/api/identity/openapi.json' })).json();
    expect(Object.keys(paths).sort()).toEqual(
      [
        '/api/identity/.well-known/jwks.json',
        '/api/identity/.well-known/openid-configuration',
        '/api/identity/citizens',
        '/api/identity/citizens/lookup',
        '/api/identity/login',
        '/api/identity/logout',
        '/api/identity/me',
        '/api/identity/me/document',
        '/api/identity/oauth/token',
        '/api/identity/sessions',
        '/api/identity/sessions/revoked',
        '/api/identity/sessions/{sessionId}/revoke',
        '/api/identity/staff/login',
      ].sort(),
    );
  });
});
