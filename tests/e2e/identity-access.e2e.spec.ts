import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNew } from '../support/citizens.ts';
import { createClient } from '../support/client.ts';
import { DEVELOPMENT_ACCOUNTS, requestClientToken, signInStaff } from '../support/identity.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

// Who signs in, through the public origin, with the development accounts the platform seeds
// (infra/identity/seed.json): a department system by OAuth 2.0 client credentials, found through
// OpenID Connect discovery; an operator and a clerk by staff sign-in.

let p: TestPlatform;
let discovery: { issuer: string; token_endpoint: string; jwks_uri: string };
beforeAll(async () => {
  p = await startTestPlatform();
  const response = await fetch(`${p.origin}/api/identity/.well-known/openid-configuration`);
  discovery = (await response.json()) as typeof discovery;
});
afterAll(() => p?.stop());

describe('a department system', () => {
  it('finds the token endpoint by discovery and gets a token for its department by client credentials', async () => {
    // Given the discovery document under the issuer
    expect(discovery.issuer).toBe(`${p.origin}/api/identity`);
    // When the health department's system authenticates at the token endpoint
    const { health } = DEVELOPMENT_ACCOUNTS.clients;
    const token = await requestClientToken(discovery.token_endpoint, health.clientId, health.secret);
    // Then it holds a token for its department only, verifiable against the published keys
    expect(token.scope).toBe('department:health');
    const { payload, protectedHeader } = await jwtVerify(
      token.access_token,
      createRemoteJWKSet(new URL(discovery.jwks_uri)),
      {
        issuer: discovery.issuer,
        audience: 'onego',
        algorithms: ['EdDSA'],
      },
    );
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({
      sub: health.clientId,
      client_id: health.clientId,
      sid: expect.any(String),
    });
    const me = await createClient(p.origin, token.access_token).get('/api/identity/me');
    expect(me.body).toEqual({
      clientId: health.clientId,
      department: 'health',
      scopes: ['department:health'],
    });
  });

  it('is refused with a wrong secret (401 invalid_client)', async () => {
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('department-health:wrong-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('staff at a service centre', () => {
  it('sign in as operator and as clerk of their county', async () => {
    // When the seeded operator and clerk sign in
    const operator = await signInStaff(p.origin, 'operator.miluo');
    const clerk = await signInStaff(p.origin, 'clerk.miluo');
    // Then each token carries their role and region
    expect(decodeJwt(operator.token)).toMatchObject({ scope: 'operator', region: '汨罗市' });
    expect(decodeJwt(clerk.token)).toMatchObject({ scope: 'clerk', region: '汨罗市' });
    expect((await clerk.client.get('/api/identity/me')).body).toMatchObject({
      username: 'clerk.miluo',
      role: 'clerk',
    });
  });

  it('an operator’s token opens the operators’ views of another service; a citizen’s does not', async () => {
    const operator = await signInStaff(p.origin, 'operator.miluo');
    expect((await operator.client.get('/api/operator/applications')).status).toBe(200);
    const citizen = await signInNew(p.origin);
    expect((await citizen.get('/api/operator/applications')).status).toBe(403);
  });

  it('sign out: the token is refused from then on', async () => {
    const clerk = await signInStaff(p.origin, 'clerk.miluo');
    expect((await clerk.client.post('/api/identity/logout', undefined)).status).toBe(204);
    const after = await clerk.client.get('/api/identity/me');
    expect(after.status).toBe(401);
  });
});
