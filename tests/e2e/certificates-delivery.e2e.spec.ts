import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNew } from '../support/citizens.ts';
import { type Client, canonicalSubmission, createClient } from '../support/client.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { untilSettled } from '../support/settle.ts';
import { freshBirthDate } from '../support/views.ts';
import { readZip } from '../support/zip.ts';

// The newborn bundle's certificates on the running platform, through the public origin: all of
// them at once for the parent (list, presentation, zip), each verifiable by anyone (the verify
// endpoint, and jose plus the published status list without any of our code), printable as a
// PDF. The gateway sends /api/applications/:id/certificates… to the certificates service and
// the rest of /api/applications to the applications service.

let p: TestPlatform;
let parent: Client;
let applicationId: string;

interface Delivered {
  certificates: {
    id: string;
    department: string;
    certificateType: string;
    status: string;
    credential: string;
  }[];
  download: { zip: string; presentation: string };
}

interface Verification {
  verified: boolean;
  checks: { check: string; outcome: string; reason?: string }[];
}

beforeAll(async () => {
  p = await startTestPlatform();
  parent = await signInNew(p.origin, '李芳');
  const submission = canonicalSubmission();
  freshBirthDate(submission, new Date());
  const accepted = await parent.post<{ id: string }>('/api/applications', submission);
  applicationId = accepted.body.id;
  const view = await untilSettled(parent, applicationId);
  if (view.status !== 'completed') throw new Error(`application ${view.status}`);
});
afterAll(() => p?.stop());

const download = (path: string, token?: string) =>
  fetch(new URL(path, p.origin), { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('an application’s certificates through the public origin', () => {
  let delivered: Delivered;

  it('are all delivered together to the parent, each one valid', async () => {
    const { status, body } = await parent.get<Delivered>(`/api/applications/${applicationId}/certificates`);
    expect(status).toBe(200);
    delivered = body;
    expect(body.certificates).toHaveLength(5);
    expect(body.certificates.every((c) => c.status === 'valid')).toBe(true);
    expect(body.download.zip).toBe(`${p.origin}/api/applications/${applicationId}/certificates/download`);
  });

  it('each verify at the public verify endpoint', async () => {
    const anyone = createClient(p.origin);
    for (const certificate of delivered.certificates) {
      const { status, body } = await anyone.post<Verification>('/api/certificates/verify', {
        credential: certificate.credential,
      });
      expect(status).toBe(200);
      expect(body.verified, JSON.stringify(body.checks)).toBe(true);
    }
  });

  it('each verify without our code: jose against the JWKS, and the status list fetched and decoded by the spec', async () => {
    for (const certificate of delivered.certificates) {
      const { department, credential } = certificate;
      const jwks = (await (
        await download(`/api/certificates/issuers/${department}/jwks.json`)
      ).json()) as JSONWebKeySet;
      const { payload } = await jwtVerify(credential, createLocalJWKSet(jwks), { typ: 'vc+jwt' });
      expect(String(decodeProtectedHeader(credential).kid)).toMatch(
        /^did:web:127\.0\.0\.1%3A\d+:api:certificates:issuers:/,
      );
      const entries = payload.credentialStatus as {
        statusPurpose: string;
        statusListIndex: string;
        statusListCredential: string;
      }[];
      for (const entry of entries) {
        // The list is dereferenced over HTTP at the URL the credential names, and its signature checked
        const list = await (await fetch(entry.statusListCredential)).text();
        const { payload: listPayload } = await jwtVerify(list, createLocalJWKSet(jwks), { typ: 'vc+jwt' });
        const subject = listPayload.credentialSubject as { statusPurpose: string; encodedList: string };
        expect(subject.statusPurpose).toBe(entry.statusPurpose);
        const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
        expect(bits.length).toBeGreaterThanOrEqual(16 * 1024);
        const index = Number(entry.statusListIndex);
        expect(((bits[index >> 3] ?? 0) >> (7 - (index % 8))) & 1).toBe(0);
      }
    }
  });

  it('download as one zip with every credential, its PDF and the presentation', async () => {
    const response = await download(delivered.download.zip, parent.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = readZip(Buffer.from(await response.arrayBuffer()));
    const names = [...files.keys()];
    expect(names.filter((n) => n.endsWith('.vc.jwt'))).toHaveLength(5);
    expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(5);
    expect(names).toContain('presentation.json');
    for (const name of names.filter((n) => n.endsWith('.pdf'))) {
      expect(files.get(name)?.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const presentation = JSON.parse(files.get('presentation.json')?.toString('utf8') ?? '{}');
    expect(presentation.type).toEqual(['VerifiablePresentation']);
    expect(presentation.verifiableCredential).toHaveLength(5);
  });

  it('download as one Verifiable Presentation', async () => {
    const response = await download(delivered.download.presentation, parent.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/vp/);
    const presentation = (await response.json()) as { verifiableCredential: { id: string; type: string }[] };
    expect(presentation.verifiableCredential.map((c) => c.type)).toEqual(
      Array(5).fill('EnvelopedVerifiableCredential'),
    );
  });

  it('print as a PDF for the parent', async () => {
    const [first] = delivered.certificates;
    const response = await download(`/api/certificates/${first?.id}/print.pdf`, parent.token);
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('are not delivered to anyone else, while the application itself stays with the applications service', async () => {
    const stranger = await signInNew(p.origin, '张三');
    expect((await stranger.get(`/api/applications/${applicationId}/certificates`)).status).toBe(404);
    expect(
      (await download(`/api/applications/${applicationId}/certificates/download`, stranger.token)).status,
    ).toBe(404);
    expect((await createClient(p.origin).get(`/api/applications/${applicationId}/certificates`)).status).toBe(
      401,
    );
    const application = await parent.get<{ id: string; status: string }>(
      `/api/applications/${applicationId}`,
    );
    expect(application.body).toMatchObject({ id: applicationId, status: 'completed' });
  });
});
