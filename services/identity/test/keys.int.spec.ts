import { createTokenVerifier } from '@onego/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, client, type IdentityApp, ISSUER, startIdentity } from './harness.ts';

// Two replicas started together against one database, as in production.
let identity: Awaited<ReturnType<typeof startIdentity>>;
let first: IdentityApp;
let second: IdentityApp;
beforeAll(async () => {
  identity = await startIdentity('identity_keys', { replicas: 2 });
  [first, second] = identity.apps as [IdentityApp, IdentityApp];
});
afterAll(() => identity?.close());

describe('the published signing keys', () => {
  it('are one public Ed25519 key for replicas that started together, cacheable for five minutes', async () => {
    // When both replicas' key sets are read
    const response = await first.inject({ method: 'GET', url: '/api/identity/.well-known/jwks.json' });
    const { keys } = response.json();
    // Then both publish the same single key, without its private part
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(keys).toEqual([
      {
        kty: 'OKP',
        crv: 'Ed25519',
        x: expect.any(String),
        kid: expect.any(String),
        alg: 'EdDSA',
        use: 'sig',
      },
    ]);
    expect((await client(second).jwks()).keys).toEqual(keys);
  });

  it('verify a token issued by one replica on the other', async () => {
    // Given a citizen signed in on the first replica
    const { id, token } = await client(first).signedIn();
    // When they ask the second replica who they are
    const response = await client(second).me(token);
    // Then it knows them
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id });
  });

  it('let the platform’s token verifier accept the service’s tokens over HTTP', async () => {
    // Given the service listening, and a signed-in citizen
    const address = await first.listen({ port: 0, host: '127.0.0.1' });
    const { id, token } = await client(first).signedIn();
    // When another service's verifier checks the token against the JWKS URL
    const verify = createTokenVerifier({
      jwksUrl: `${address}/api/identity/.well-known/jwks.json`,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    // Then it accepts it as the citizen
    expect(await verify(token)).toEqual({ id, roles: ['citizen'], sessionId: expect.any(String) });
  });
});

describe('the API description', () => {
  it('is served as OpenAPI under the service prefix', async () => {
    const response = await first.inject({ method: 'GET', url: '/api/identity/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/api/identity/citizens', '/api/identity/login', '/api/identity/me']),
    );
  });
});
