import { randomUUID } from 'node:crypto';
import { isValidCitizenId } from '@onego/codes';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNew } from '../support/citizens.ts';
import { type Client, canonicalSubmission, createClient } from '../support/client.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { received } from '../support/simulators.ts';
import { type ApplicationView, freshBirthDate } from '../support/views.ts';

// The newborn bundle end to end: every service a separate process, driven through the public
// origin exactly as a parent's app would.

let p: TestPlatform;
let parent: Client;
beforeAll(async () => {
  p = await startTestPlatform();
  parent = await signInNew(p.origin, '李芳');
});
afterAll(() => p?.stop());

interface CertificateList {
  certificates: {
    id: string;
    department: string;
    certificateType: string;
    itemId: string;
    credential: string;
  }[];
}

function submission() {
  const s = canonicalSubmission();
  freshBirthDate(s, new Date());
  return s;
}

async function untilSettled(client: Client, id: string, timeoutMs = 60_000): Promise<ApplicationView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await client.get<ApplicationView>(`/api/applications/${id}`);
    if (body.status !== 'in-progress' || Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function receivedBy(department: string) {
  return (await received(p.simulatorsUrl, department)).requests;
}

describe('the newborn bundle on the running platform', () => {
  let application: ApplicationView;

  it('completes the canonical form with every item approved and every certificate issued', async () => {
    // Given a signed-in parent, when they submit the canonical form once
    const accepted = await parent.post<{ id: string; status: string }>('/api/applications', submission());
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe('in-progress');
    // Then the application completes, with all six items done and five certificates issued
    application = await untilSettled(parent, accepted.body.id);
    expect(application.status).toBe('completed');
    expect(application.items).toHaveLength(6);
    expect(application.items.every((i) => i.status === 'completed')).toBe(true);
    expect(application.items.filter((i) => i.certificateId)).toHaveLength(5);
    for (const item of application.items) {
      for (const dependency of application.items.filter((d) => item.dependsOn.includes(d.itemKey))) {
        // Dependency order held: nothing was requested before what it needs was decided.
        expect(Date.parse(item.requestedAt ?? '')).toBeGreaterThanOrEqual(
          Date.parse(dependency.decidedAt ?? ''),
        );
      }
    }
  });

  it('passes the citizen ID number that household registration assigned on to medical insurance', async () => {
    const hukou = application.items.find((i) => i.itemKey === 'household-registration');
    const citizenId = String(hukou?.outputs?.citizenIdNumber);
    expect(isValidCitizenId(citizenId)).toBe(true);
    expect(citizenId.slice(6, 14)).toBe(
      submission().form.children[0]?.birthDateTime?.toString().slice(0, 10).replaceAll('-', ''),
    );
    // What the medical-insurance system received on the wire carries that number, not a re-typed one
    const requests = (await receivedBy('medical-insurance')).map((r) => JSON.parse(r.payload));
    // Medical insurance is an HTTP-style department: it stores the request body itself, not a CloudEvent.
    expect(requests.map((r) => (r.data ?? r).insured.certNo)).toContain(citizenId);
  });

  it('issues certificates that verify with jose against each department’s published keys', async () => {
    const { status, body } = await parent.get<CertificateList>(
      `/api/certificates?applicationId=${application.id}`,
    );
    expect(status).toBe(200);
    expect(body.certificates).toHaveLength(5);
    for (const certificate of body.certificates) {
      const jwks = (await fetch(
        `${p.origin}/api/certificates/issuers/${certificate.department}/jwks.json`,
      ).then((r) => r.json())) as JSONWebKeySet;
      const { payload, protectedHeader } = await jwtVerify(certificate.credential, createLocalJWKSet(jwks), {
        typ: 'vc+jwt',
      });
      expect(protectedHeader.alg).toBe('EdDSA');
      expect(payload.type).toContain('VerifiableCredential');
      expect(String(payload.id)).toContain(certificate.id);
    }
  });

  it('does not show the application or its certificates to another citizen', async () => {
    const stranger = await signInNew(p.origin, '张三');
    expect((await stranger.get(`/api/applications/${application.id}`)).status).toBe(404);
    const list = await stranger.get<CertificateList>(`/api/certificates?applicationId=${application.id}`);
    expect(list.body.certificates).toEqual([]);
    expect((await createClient(p.origin).get(`/api/applications/${application.id}`)).status).toBe(401);
  });

  it('refuses a bad form with 400 naming the field, and creates nothing', async () => {
    // Given a form with a weight of 0 and an invalid ID checksum
    const bad = submission();
    (bad.form.children[0] as { weightGrams: number }).weightGrams = 0;
    bad.form.mother.idNumber = '430681199305120023';
    const before = (await parent.get<{ applications: unknown[] }>('/api/applications?limit=100')).body
      .applications.length;
    // When it is submitted
    const refused = await parent.post<{ error: string; issues: { path: string; message: string }[] }>(
      '/api/applications',
      bad,
    );
    // Then 400 names both fields, and no application exists for it
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['form.children.0.weightGrams', 'form.mother.idNumber']),
    );
    const after = (await parent.get<{ applications: unknown[] }>('/api/applications?limit=100')).body
      .applications.length;
    expect(after).toBe(before);
  });

  it('returns the same application for the same Idempotency-Key', async () => {
    const key = randomUUID();
    const first = await parent.post<{ id: string }>('/api/applications', submission(), {
      'idempotency-key': key,
    });
    const again = await parent.post<{ id: string }>('/api/applications', submission(), {
      'idempotency-key': key,
    });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
  });

  it('accepts submissions sent together each on its own, one application per key, and refuses the key later with another form', async () => {
    // Given the parent's applications so far
    const count = async () =>
      (await parent.get<{ applications: unknown[] }>('/api/applications?limit=100')).body.applications.length;
    const before = await count();
    // When eight forms without a key and the same form four times with one key are sent at once
    // (they share intake transactions), then another form with that key
    const key = randomUUID();
    const other = submission();
    other.form.children[0] = { ...other.form.children[0], name: '王小方' } as (typeof other.form.children)[0];
    const sent = await Promise.all([
      ...Array.from({ length: 8 }, () => parent.post<{ id: string }>('/api/applications', submission())),
      ...Array.from({ length: 4 }, () =>
        parent.post<{ id: string }>('/api/applications', submission(), { 'idempotency-key': key }),
      ),
    ]);
    const conflicting = await parent.post('/api/applications', other, { 'idempotency-key': key });
    // Then each is accepted: eight applications, and one for the four with the key
    expect(sent.map((r) => r.status)).toEqual(Array(12).fill(202));
    const ids = sent.map((r) => r.body.id);
    expect(new Set(ids.slice(0, 8)).size).toBe(8);
    expect(new Set(ids.slice(8)).size).toBe(1);
    expect(ids.slice(0, 8)).not.toContain(ids[8]);
    expect(await count()).toBe(before + 9);
    // And the key reused for another form is refused
    expect(conflicting.status).toBe(409);
  });

  it('completes twins in one submission, each child with their own items and certificates', async () => {
    // Given a form with two children born minutes apart
    const twins = submission();
    twins.form.children.push({
      ...twins.form.children[0],
      name: '王小圆',
      sex: 'male',
      relationshipToHead: 'son',
    });
    // When it is submitted once
    const accepted = await parent.post<{ id: string }>('/api/applications', twins);
    expect(accepted.status).toBe(202);
    // Then both children's six items complete, and each child gets five certificates
    const view = await untilSettled(parent, accepted.body.id);
    expect(view.status).toBe('completed');
    expect(view.items).toHaveLength(12);
    const ids = view.items
      .filter((i) => i.itemKey === 'household-registration')
      .map((i) => String(i.outputs?.citizenIdNumber));
    expect(new Set(ids).size).toBe(2);
    const { body } = await parent.get<CertificateList>(`/api/certificates?applicationId=${view.id}`);
    expect(body.certificates).toHaveLength(10);
  });
});
