import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateRequest, FACTS } from './fixtures.ts';
import { type Certificates, startCertificates } from './harness.ts';
import { statusBit, verifyWithJose } from './independent.ts';

// POST /api/certificates/verify: every check passes for what the platform issued; any change
// to a credential, however small, fails with a reason; garbage never causes a 500.

let h: Certificates;
let credential: string;
beforeAll(async () => {
  h = await startCertificates();
  const [row] = await h.issue(certificateRequest('birth-medical-certificate'));
  if (!row) throw new Error('no certificate');
  credential = row.credential;
});
afterAll(() => h?.close());

const outcomes = (body: { checks: { check: string; outcome: string }[] }) =>
  Object.fromEntries(body.checks.map((c) => [c.check, c.outcome]));

describe('a credential the platform issued', () => {
  it('verifies with jose against the published JWKS, and its published status entries say neither revoked nor suspended', async () => {
    // When a third party checks it with jose and decodes the status lists by the specification
    const payload = await verifyWithJose(h, credential, 'health');

    // Then the signature holds, it states the certificate's facts, and both status bits are clear
    expect(payload.credentialSubject).toEqual(FACTS['birth-medical-certificate']);
    expect(await statusBit(h, credential, 'health', 'revocation')).toBe(false);
    expect(await statusBit(h, credential, 'health', 'suspension')).toBe(false);
  });

  it('passes every check of the verify endpoint', async () => {
    const response = await h.verify(credential);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.verified).toBe(true);
    expect(outcomes(body)).toEqual({
      format: 'passed',
      issuer: 'passed',
      signature: 'passed',
      validity: 'passed',
      status: 'passed',
      schema: 'passed',
    });
    expect(body.issuer).toBe('did:web:onego.test:api:certificates:issuers:health');
    expect(body.status.map((s: { purpose: string; set: boolean }) => [s.purpose, s.set])).toEqual([
      ['revocation', false],
      ['suspension', false],
    ]);
  });

  it('is accepted as text, as { credential }, and enveloped as in a presentation', async () => {
    for (const response of [
      await h.verify(credential, 'text/plain'),
      await h.verify({ credential }),
      await h.verify({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+jwt,${credential}`,
      }),
    ]) {
      expect(response.statusCode).toBe(200);
      expect(response.json().verified).toBe(true);
    }
  });
});

describe('a credential changed by one character', () => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const changeAt = (text: string, at: number) => {
    const original = text[at] ?? '';
    const replacement = original === '.' ? 'A' : ALPHABET[(ALPHABET.indexOf(original) + 1) % ALPHABET.length];
    return `${text.slice(0, at)}${replacement}${text.slice(at + 1)}`;
  };

  it('fails verification, saying which check failed and why, wherever the change is', async () => {
    // Given every position of the header, the signature and the dots, and a spread of the payload
    const [headerEnd, payloadEnd] = [credential.indexOf('.'), credential.lastIndexOf('.')];
    const positions = Array.from({ length: credential.length }, (_, i) => i).filter(
      (i) => i <= headerEnd || i >= payloadEnd - 3 || i % 11 === 0,
    );
    expect(positions.length).toBeGreaterThan(200);

    // When each changed credential is verified
    for (const at of positions) {
      const response = await h.verify(changeAt(credential, at));

      // Then it is not verified, and the first failed check gives a reason
      expect(response.statusCode, `position ${at}`).toBe(200);
      const body = response.json();
      expect(body.verified, `position ${at}`).toBe(false);
      const failed = body.checks.find((c: { outcome: string }) => c.outcome === 'failed');
      expect(failed?.reason, `position ${at}`).toEqual(expect.any(String));
    }
  });

  it('fails the signature check when a fact in the payload is changed and re-encoded', async () => {
    // Given the payload with the child's name changed, re-encoded canonically
    const [header, payload, signature] = credential.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.credentialSubject.name = '张三';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;

    // Then the signature check fails and says with which key
    const body = (await h.verify(forged)).json();
    expect(body.verified).toBe(false);
    expect(body.checks.find((c: { check: string }) => c.check === 'signature')).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('does not verify'),
    });
    expect(outcomes(body)).toMatchObject({ validity: 'skipped', status: 'skipped', schema: 'skipped' });
  });
});

describe('input that is not a credential', () => {
  it.each([
    ['plain garbage', 'hello'],
    ['three dots', '...'],
    ['non-JSON parts', 'a.b.c'],
    [
      'a JWT from another issuer',
      'eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCIsImtpZCI6ImRpZDp3ZWI6ZXZpbC5leGFtcGxlI2sifQ.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCJdLCJpc3N1ZXIiOiJkaWQ6d2ViOmV2aWwuZXhhbXBsZSJ9.AAAA',
    ],
    ['unicode', '证照😀.证照.证照'],
  ])('answers %s with 200, not verified, and the reason', async (_name, text) => {
    const response = await h.verify(text);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.verified).toBe(false);
    expect(body.checks.find((c: { outcome: string }) => c.outcome === 'failed')?.reason).toEqual(
      expect.any(String),
    );
  });

  it.each([
    ['an empty body', ''],
    ['a JSON number', '42'],
    ['JSON that is not an accepted shape', '{"credential": 7}'],
    ['broken JSON', '{"credential": '],
    ['an envelope without a vc+jwt data URL', '{"type":"EnvelopedVerifiableCredential","id":"https://x"}'],
  ])('refuses %s with a 4xx, never a 500', async (_name, payload) => {
    const response = await h.service.app.inject({
      method: 'POST',
      url: '/api/certificates/verify',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });

  it('refuses a body over 16 KB with 413', async () => {
    const response = await h.verify('a'.repeat(17 * 1024));
    expect(response.statusCode).toBe(413);
  });

  it('limits each client address to its requests per minute', async () => {
    // Given one client address (as the gateway forwards it) that has used its allowance
    const from = { 'x-forwarded-for': '198.51.100.23', 'content-type': 'text/plain' };
    const send = () =>
      h.service.app.inject({ method: 'POST', url: '/api/certificates/verify', headers: from, payload: 'x' });
    for (let i = 0; i < 1000; i++) await send();

    // Then its next request is refused, while another address is still answered
    expect((await send()).statusCode).toBe(429);
    const other = await h.service.app.inject({
      method: 'POST',
      url: '/api/certificates/verify',
      headers: { ...from, 'x-forwarded-for': '198.51.100.24' },
      payload: 'x',
    });
    expect(other.statusCode).toBe(200);
  });
});
