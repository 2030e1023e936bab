import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateRequest } from './fixtures.ts';
import { type Certificates, startCertificates } from './harness.ts';
import { type IdentityStub, startIdentityStub } from './identity.ts';
import { jwksOf, statusBit } from './independent.ts';

// Key rotation: the department's active key is retired (still published) and a new one signs
// from then on; certificates signed before and after both verify, by jose and by the endpoint.
// Issuers are did:web DIDs whose documents list every key as an assertion method.

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

const DID = 'did:web:onego.test:api:certificates:issuers:health';

async function rotate(scope = 'operator') {
  return h.service.app.inject({
    method: 'POST',
    url: '/api/certificates/issuers/health/keys/rotate',
    headers: { authorization: `Bearer ${await identity.token(randomUUID(), scope)}` },
  });
}

const didDocument = async () =>
  (await h.service.app.inject({ url: '/api/certificates/issuers/health/did.json' })).json();

describe('the issuer’s DID document', () => {
  it('is published where did:web resolves the issuer DID, listing the key that signs as an assertion method', async () => {
    // Given a certificate signed by health
    const [row] = await h.issue(certificateRequest('birth-medical-certificate'));
    const kid = decodeProtectedHeader(row?.credential ?? '').kid;

    // Then its kid is a DID URL of the issuer, and the DID document has that verification method
    expect(kid).toMatch(new RegExp(`^${DID}#[A-Za-z0-9_-]{43}$`));
    const response = await h.service.app.inject({ url: '/api/certificates/issuers/health/did.json' });
    expect(response.headers['content-type']).toMatch(/^application\/did\+json/);
    const document = response.json();
    expect(document.id).toBe(DID);
    expect(document.assertionMethod).toContain(kid);
    const method = document.verificationMethod.find((m: { id: string }) => m.id === kid);
    expect(method).toMatchObject({
      type: 'JsonWebKey',
      controller: DID,
      publicKeyJwk: { kty: 'OKP', crv: 'Ed25519' },
    });
    expect(method.publicKeyJwk).not.toHaveProperty('d');

    // And the JWKS names the same key with the same kid
    expect((await jwksOf(h, 'health')).keys.map((k) => k.kid)).toContain(kid);
  });
});

describe('rotating a department’s key', () => {
  it('keeps old certificates verifying with the retired key while new ones use the new key', async () => {
    // Given a certificate signed before the rotation
    const [before] = await h.issue(certificateRequest('birth-medical-certificate'));
    if (!before) throw new Error('no certificate');
    const oldKid = decodeProtectedHeader(before.credential).kid;

    // When an operator rotates health's key
    const response = await rotate();
    expect(response.statusCode).toBe(200);
    const { retired, active } = response.json();
    expect(retired).toBe(oldKid);
    expect(active).not.toBe(oldKid);

    // And a certificate is issued after it
    const [after] = await h.issue(certificateRequest('birth-medical-certificate'));
    if (!after) throw new Error('no certificate');

    // Then the new one is signed with the new key
    expect(decodeProtectedHeader(after.credential).kid).toBe(active);

    // And both verify with jose against the published JWKS, and at the verify endpoint
    const jwks = createLocalJWKSet(await jwksOf(h, 'health'));
    for (const credential of [before.credential, after.credential]) {
      await expect(jwtVerify(credential, jwks, { typ: 'vc+jwt' })).resolves.toBeDefined();
      expect((await h.verify(credential)).json().verified).toBe(true);
    }

    // And the DID document lists both keys as assertion methods
    expect((await didDocument()).assertionMethod).toEqual(expect.arrayContaining([oldKid, active]));
  });

  it('re-signs a status list with the new key when a bit changes, and old certificates still check out', async () => {
    // Given a certificate from before a rotation, then a rotation
    const [old] = await h.issue(certificateRequest('birth-medical-certificate'));
    if (!old) throw new Error('no certificate');
    await rotate();

    // When it is revoked (its list is re-signed, now by the new key)
    const revoke = await h.service.app.inject({
      method: 'POST',
      url: `/api/certificates/${old.id}/revoke`,
      headers: { authorization: `Bearer ${await identity.token(randomUUID(), 'operator')}` },
      payload: { reason: 'rotation test' },
    });
    expect(revoke.statusCode).toBe(200);

    // Then the list still verifies and says revoked
    expect(await statusBit(h, old.credential, 'health', 'revocation')).toBe(true);
    expect(
      (await h.verify(old.credential)).json().checks.find((c: { check: string }) => c.check === 'status'),
    ).toMatchObject({
      outcome: 'failed',
      reason: 'revoked by its issuer',
    });
  });

  it('is for operators only, and for departments that exist', async () => {
    expect((await rotate('citizen')).statusCode).toBe(403);
    const unknown = await h.service.app.inject({
      method: 'POST',
      url: '/api/certificates/issuers/tax/keys/rotate',
      headers: { authorization: `Bearer ${await identity.token(randomUUID(), 'operator')}` },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
