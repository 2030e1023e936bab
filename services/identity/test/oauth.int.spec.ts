import { openDatabase } from '@onego/db';
import { createAccessTokenVerifier } from '@onego/http';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/accounts.ts';
import { AUDIENCE, ISSUER, startIdentity } from './harness.ts';

// The token endpoint for department systems: RFC 6749 §4.4 client credentials, with the seeded
// development clients (infra/identity/seed.json). invalid_grant has no case here: the client
// credentials grant carries no grant of its own to be invalid.

let identity: Awaited<ReturnType<typeof startIdentity>>;
beforeAll(async () => {
  identity = await startIdentity('identity_oauth', { seed: true });
});
afterAll(() => identity?.close());

const HEALTH = { id: 'department-health', secret: 'onego-dev-health-secret' };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
let address = 1;

function tokenRequest(form: Record<string, string> | string, headers: Record<string, string> = {}) {
  return identity.app.inject({
    method: 'POST',
    url: '/api/identity/oauth/token',
    payload: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      // Each request from its own address, so the per-address limit stays out of the way.
      'x-forwarded-for': `203.0.113.${address++}`,
      ...headers,
    },
  });
}
const asHealth = { authorization: basic(HEALTH.id, HEALTH.secret) };

async function verify(token: string) {
  const jwks = (
    await identity.app.inject({ url: '/api/identity/.well-known/jwks.json' })
  ).json<JSONWebKeySet>();
  return createAccessTokenVerifier(createLocalJWKSet(jwks), {
    issuer: ISSUER,
    audience: AUDIENCE,
    isRevoked: async () => false,
  })(token);
}

describe('a department system asking for a token with its client credentials', () => {
  it('gets a Bearer token for its own department, never cached (HTTP Basic)', async () => {
    // When the health department's system authenticates with HTTP Basic
    const response = await tokenRequest({ grant_type: 'client_credentials' }, asHealth);
    // Then it gets an access token for its department's scope
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.pragma).toBe('no-cache');
    const body = response.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'department:health',
    });
    // And every service's verifier reads it as the health department's system
    expect(await verify(body.access_token)).toEqual({
      id: HEALTH.id,
      roles: ['department:health'],
      department: 'health',
      sessionId: expect.any(String),
    });
    expect(decodeProtectedHeader(body.access_token)).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt' });
  });

  it('gets the same with client_id and client_secret in the body, asking for its scope by name', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: HEALTH.id,
      client_secret: HEALTH.secret,
      scope: 'department:health',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().scope).toBe('department:health');
  });

  it('is not bothered by parameters the endpoint does not know (RFC 6749 §3.2)', async () => {
    const response = await tokenRequest(
      { grant_type: 'client_credentials', audience: 'x', foo: 'bar' },
      asHealth,
    );
    expect(response.statusCode).toBe(200);
  });
});

describe('a token request the endpoint refuses (RFC 6749 §5.2)', () => {
  const refused = async (
    response: Awaited<ReturnType<typeof tokenRequest>>,
    status: number,
    error: string,
  ) => {
    expect({ status: response.statusCode, error: response.json().error }).toEqual({ status, error });
    expect(response.json().error_description).toEqual(expect.any(String));
    expect(response.headers['cache-control']).toBe('no-store');
  };

  it('is invalid_request without grant_type', async () => {
    await refused(await tokenRequest({}, asHealth), 400, 'invalid_request');
  });

  it('is invalid_request with a parameter given twice', async () => {
    await refused(
      await tokenRequest('grant_type=client_credentials&grant_type=client_credentials', asHealth),
      400,
      'invalid_request',
    );
  });

  it('is invalid_request when the parameters are not form-encoded', async () => {
    const json = await identity.app.inject({
      method: 'POST',
      url: '/api/identity/oauth/token',
      payload: { grant_type: 'client_credentials' },
      headers: { ...asHealth, 'x-forwarded-for': '203.0.113.250' },
    });
    await refused(json, 400, 'invalid_request');
    const text = await tokenRequest('grant_type=client_credentials', {
      ...asHealth,
      'content-type': 'text/plain',
    });
    await refused(text, 400, 'invalid_request');
  });

  it('is invalid_request when the client authenticates two ways at once', async () => {
    const response = await tokenRequest(
      { grant_type: 'client_credentials', client_id: HEALTH.id, client_secret: HEALTH.secret },
      asHealth,
    );
    await refused(response, 400, 'invalid_request');
  });

  it('is invalid_client (401, with a Basic challenge) without client authentication', async () => {
    const response = await tokenRequest({ grant_type: 'client_credentials' });
    await refused(response, 401, 'invalid_client');
    expect(response.headers['www-authenticate']).toMatch(/^Basic realm="OneGo"/);
  });

  it('is the same invalid_client for a wrong secret and an unknown client', async () => {
    const wrong = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: basic(HEALTH.id, 'not-the-secret') },
    );
    const unknown = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: basic('department-nobody', HEALTH.secret) },
    );
    await refused(wrong, 401, 'invalid_client');
    expect(wrong.headers['www-authenticate']).toMatch(/^Basic /);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('is unsupported_grant_type for a grant the server does not offer', async () => {
    await refused(await tokenRequest({ grant_type: 'password' }, asHealth), 400, 'unsupported_grant_type');
  });

  it('is unauthorized_client for a client not registered for the client credentials grant', async () => {
    // Given a client whose registration allows no grant at all
    const database = openDatabase(identity.databaseUrl, { applicationName: 'test' });
    const client = {
      clientId: 'department-cdc-suspended',
      department: 'cdc' as const,
      secret: 'a-long-enough-secret',
    };
    await createClient(database.db, { ...client, scopes: ['department:cdc'] }, new Date());
    await database.close();
    const sql = postgres(identity.databaseUrl, { max: 1 });
    await sql`update identity.clients set grant_types = '{}' where client_id = ${client.clientId}`;
    await sql.end();
    // When it asks for a token with the right secret
    const response = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: basic(client.clientId, client.secret) },
    );
    // Then it is told it may not use this grant
    await refused(response, 400, 'unauthorized_client');
  });

  it('is invalid_scope for another department’s scope, or a scope that is not one', async () => {
    await refused(
      await tokenRequest({ grant_type: 'client_credentials', scope: 'department:public-security' }, asHealth),
      400,
      'invalid_scope',
    );
    await refused(
      await tokenRequest({ grant_type: 'client_credentials', scope: 'operator' }, asHealth),
      400,
      'invalid_scope',
    );
  });

  it('is limited per client address (429 with Retry-After)', async () => {
    // Given one address that has used its twenty attempts this minute
    const from = { 'x-forwarded-for': '192.0.2.99' };
    for (let i = 0; i < 20; i++) {
      const request = identity.app.inject({
        method: 'POST',
        url: '/api/identity/oauth/token',
        payload: 'grant_type=password',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...from },
      });
      expect((await request).statusCode).toBe(401);
    }
    // When it asks again
    const limited = await identity.app.inject({
      method: 'POST',
      url: '/api/identity/oauth/token',
      payload: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...from, ...asHealth },
    });
    // Then it is told to wait
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toEqual(expect.any(String));
  });
});
