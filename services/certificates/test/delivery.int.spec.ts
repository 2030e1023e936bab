import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrCodesInHtml, readPdf } from './documents.ts';
import { certificateRequest, FACTS } from './fixtures.ts';
import { type Certificates, startCertificates } from './harness.ts';
import { type IdentityStub, startIdentityStub } from './identity.ts';

// Delivery together (一次性领证), printable copies and reuse (无证明): all of an application's
// certificates for its owner, in one list, one presentation and one zip; each certificate as
// an HTML page and a PDF whose QR code, scanned, verifies; and the internal lookup that gives
// other services a certificate's verified facts.

let h: Certificates;
let identity: IdentityStub;
const ownerId = randomUUID();
const applicationId = randomUUID();
const birth = certificateRequest('birth-medical-certificate', { ownerId, applicationId });
const vaccination = certificateRequest('vaccination-certificate', { ownerId, applicationId });
let birthId: string;

beforeAll(async () => {
  identity = await startIdentityStub();
  h = await startCertificates(identity.env);
  const [row] = await h.issue(birth);
  await h.issue(vaccination);
  birthId = row?.id ?? '';
});
afterAll(async () => {
  await h?.close();
  await identity?.close();
});

async function get(url: string, accountId: string | null = ownerId) {
  return h.service.app.inject({
    url,
    headers: accountId ? { authorization: `Bearer ${await identity.token(accountId)}` } : {},
  });
}

describe('an application’s certificates, together', () => {
  it('lists every certificate of the application for its owner, with status and download links', async () => {
    const response = await get(`/api/applications/${applicationId}/certificates`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.certificates.map((c: { certificateType: string }) => c.certificateType).sort()).toEqual([
      'birth-medical-certificate',
      'vaccination-certificate',
    ]);
    expect(
      body.certificates.every(
        (c: { status: string; version: number }) => c.status === 'valid' && c.version === 1,
      ),
    ).toBe(true);
    expect(body.download).toEqual({
      zip: `https://onego.test/api/applications/${applicationId}/certificates/download`,
      presentation: `https://onego.test/api/applications/${applicationId}/certificates/presentation`,
    });
  });

  it('answers 404 to anyone else, and 401 without a token', async () => {
    expect((await get(`/api/applications/${applicationId}/certificates`, randomUUID())).statusCode).toBe(404);
    expect(
      (await get(`/api/applications/${applicationId}/certificates/download`, randomUUID())).statusCode,
    ).toBe(404);
    expect((await get(`/api/applications/${applicationId}/certificates`, null)).statusCode).toBe(401);
  });

  it('answers 404 for an application without certificates yet', async () => {
    expect((await get(`/api/applications/${randomUUID()}/certificates`)).statusCode).toBe(404);
  });

  it('delivers them in one unsigned presentation of enveloped credentials, each of which verifies', async () => {
    const response = await get(`/api/applications/${applicationId}/certificates/presentation`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/vp/);
    const presentation = response.json();
    expect(presentation.type).toEqual(['VerifiablePresentation']);
    expect(presentation).not.toHaveProperty('proof');
    expect(presentation.verifiableCredential).toHaveLength(2);
    for (const enveloped of presentation.verifiableCredential) {
      expect(enveloped.type).toBe('EnvelopedVerifiableCredential');
      expect(enveloped.id).toMatch(/^data:application\/vc\+jwt,ey/);
      expect((await h.verify(enveloped)).json().verified).toBe(true);
    }
  });

  it('delivers them in one zip: each credential, its PDF, and the presentation', async () => {
    const response = await get(`/api/applications/${applicationId}/certificates/download`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toContain('attachment');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      'child-1-birth-medical-certificate-v1.pdf',
      'child-1-birth-medical-certificate-v1.vc.jwt',
      'child-1-vaccination-certificate-v1.pdf',
      'child-1-vaccination-certificate-v1.vc.jwt',
      'presentation.json',
    ]);
    const jwt = Buffer.from(files['child-1-birth-medical-certificate-v1.vc.jwt'] ?? []).toString('utf8');
    expect((await h.verify(jwt)).json().verified).toBe(true);
    const pdf = await readPdf(Buffer.from(files['child-1-birth-medical-certificate-v1.pdf'] ?? []));
    expect(pdf.text).toContain(FACTS['birth-medical-certificate'].birthCertificateNumber);
  });
});

describe('the printable copy of a certificate', () => {
  it('renders as a PDF that states the certificate’s facts in Chinese and English', async () => {
    // When its owner asks for the PDF
    const response = await get(`/api/certificates/${birthId}/print.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');

    // Then a PDF reader finds the title, the issuer, the identifier and the facts in its text
    const { text } = await readPdf(Buffer.from(response.rawPayload));
    const facts = FACTS['birth-medical-certificate'];
    for (const expected of [
      '出生医学证明',
      '汨罗市卫生健康局',
      '1.2.156.3005.2.',
      '李丽',
      '张伟',
      '汨罗市人民医院',
      '湖南省岳阳市汨罗市',
      facts.birthCertificateNumber,
      '2026-11-20 08:30 (UTC+08:00)',
      '女 Female',
      '有效 Valid',
    ]) {
      expect(text).toContain(expected);
    }
    // And the character outside the font (𠀀, CJK Extension B) is named, not silently lost
    expect(text).toContain('U+20000');
  });

  it('carries a QR code in the PDF that, scanned and posted to the verify endpoint, verifies', async () => {
    const { qrCodes } = await readPdf(
      Buffer.from((await get(`/api/certificates/${birthId}/print.pdf`)).rawPayload),
    );
    expect(qrCodes).toHaveLength(1);
    const body = (await h.verify(qrCodes[0] ?? '')).json();
    expect(body.verified).toBe(true);
    expect(body.credentialId).toBe(`urn:gbt36904:${birthId}`);
  });

  it('renders as an HTML page whose QR code, scanned and posted to the verify endpoint, verifies', async () => {
    const response = await get(`/api/certificates/${birthId}/print.html`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('出生医学证明');
    expect(response.body).toContain('张𠀀');
    const [scanned] = qrCodesInHtml(response.body);
    expect((await h.verify(scanned ?? '')).json().verified).toBe(true);
  });

  it('is shown to its owner only', async () => {
    expect((await get(`/api/certificates/${birthId}/print.pdf`, randomUUID())).statusCode).toBe(404);
    expect((await get(`/api/certificates/${birthId}/print.html`, null)).statusCode).toBe(401);
  });
});

describe('the internal lookup (无证明)', () => {
  it('gives another service the verified facts of a certificate instead of a re-typed value', async () => {
    const response = await h.service.app.inject({
      url: `/internal/certificates/${birthId}?ownerId=${ownerId}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: birthId,
      certificateType: 'birth-medical-certificate',
      status: 'valid',
      verified: true,
      facts: { birthCertificateNumber: FACTS['birth-medical-certificate'].birthCertificateNumber },
    });
  });

  it('gives no facts for a revoked certificate, and nothing for another owner', async () => {
    const request = certificateRequest('child-health-handbook', { ownerId });
    const [row] = await h.issue(request);
    await h.service.app.inject({
      method: 'POST',
      url: `/api/certificates/${row?.id}/revoke`,
      headers: { authorization: `Bearer ${await identity.token(randomUUID(), 'operator')}` },
      payload: { reason: 'test' },
    });
    const revoked = (await h.service.app.inject({ url: `/internal/certificates/${row?.id}` })).json();
    expect(revoked).toMatchObject({ status: 'revoked', verified: false, facts: null });
    const stranger = await h.service.app.inject({
      url: `/internal/certificates/${birthId}?ownerId=${randomUUID()}`,
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('is not part of the public API description', async () => {
    const paths = Object.keys(
      (await h.service.app.inject({ url: '/api/certificates/openapi.json' })).json().paths,
    );
    expect(paths.some((p) => p.startsWith('/internal'))).toBe(false);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/certificates/verify',
        '/api/certificates/{id}/revoke',
        '/api/applications/{id}/certificates',
        '/api/certificates/issuers/{department}/did.json',
        '/api/certificates/issuers/{department}/status-lists/{list}/{purpose}',
      ]),
    );
  });
});
