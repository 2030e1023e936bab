import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateRequest } from './fixtures.ts';
import { type Certificates, startCertificates } from './harness.ts';
import { type IdentityStub, startIdentityStub } from './identity.ts';

// Tokens from a stand-in identity (./identity.ts) take the real verification path.

let h: Certificates;
let identity: IdentityStub;

beforeAll(async () => {
  identity = await startIdentityStub();
  h = await startCertificates(identity.env);
});
afterAll(async () => {
  await h?.close();
  await identity?.close();
});

const tokenFor = (accountId: string) => identity.token(accountId);

async function list(applicationId: string | undefined, accountId?: string) {
  const query = applicationId ? `?applicationId=${applicationId}` : '';
  return h.service.app.inject({
    url: `/api/certificates${query}`,
    headers: accountId ? { authorization: `Bearer ${await tokenFor(accountId)}` } : {},
  });
}

describe('listing an application’s certificates', () => {
  const ownerId = randomUUID();
  const applicationId = randomUUID();

  beforeAll(async () => {
    // Given an application whose birth and vaccination certificates have been issued
    await h.request(certificateRequest('birth-medical-certificate', { ownerId, applicationId }));
    await h.request(certificateRequest('vaccination-certificate', { ownerId, applicationId }));
    await h.settled();
  });

  it('gives the owner each certificate with its signed credential', async () => {
    const response = await list(applicationId, ownerId);
    expect(response.statusCode).toBe(200);
    const { certificates } = response.json();
    expect(certificates.map((c: { certificateType: string }) => c.certificateType).sort()).toEqual([
      'birth-medical-certificate',
      'vaccination-certificate',
    ]);
    for (const certificate of certificates) {
      expect(certificate).toMatchObject({ applicationId, childIndex: 0 });
      expect(certificate.id).toMatch(/^1\.2\.156\.3005\.2\./);
      expect(certificate.credential.split('.')).toHaveLength(3);
    }
  });

  it('gives another citizen an empty list, not an error', async () => {
    const response = await list(applicationId, randomUUID());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ certificates: [] });
  });

  it('refuses a caller without a token', async () => {
    const response = await list(applicationId);
    expect(response.statusCode).toBe(401);
  });

  it('names the missing application id', async () => {
    const response = await list(undefined, ownerId);
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([
      expect.objectContaining({ path: expect.stringContaining('applicationId') }),
    ]);
  });
});

describe('the public issuer and schema documents', () => {
  it('publishes a department’s signing keys, cacheable for five minutes', async () => {
    const response = await h.service.app.inject({ url: '/api/certificates/issuers/cdc/jwks.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const { keys } = response.json();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('gives every department its own key', async () => {
    const kids = await Promise.all(
      ['health', 'public-security', 'cdc'].map(async (d) => {
        const response = await h.service.app.inject({ url: `/api/certificates/issuers/${d}/jwks.json` });
        return response.json().keys[0].kid;
      }),
    );
    expect(new Set(kids).size).toBe(3);
  });

  it('answers 404 for a department that does not exist', async () => {
    const response = await h.service.app.inject({ url: '/api/certificates/issuers/tax/jwks.json' });
    expect(response.statusCode).toBe(404);
  });

  it('serves a certificate type’s JSON Schema, and 404 for an unknown type', async () => {
    const found = await h.service.app.inject({ url: '/api/certificates/schemas/child-health-handbook.json' });
    expect(found.statusCode).toBe(200);
    expect(found.headers['content-type']).toMatch(/^application\/schema\+json/);
    expect(found.json().$id).toBe('https://onego.test/api/certificates/schemas/child-health-handbook.json');
    const missing = await h.service.app.inject({ url: '/api/certificates/schemas/passport.json' });
    expect(missing.statusCode).toBe(404);
  });

  it('describes its routes in OpenAPI', async () => {
    const response = await h.service.app.inject({ url: '/api/certificates/openapi.json' });
    const paths = Object.keys((response.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/certificates',
        '/api/certificates/issuers/{department}/jwks.json',
        '/api/certificates/schemas/{type}.json',
      ]),
    );
  });
});
