import { randomUUID } from 'node:crypto';
import { makeCitizenId } from '@onego/codes';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNew } from '../support/citizens.ts';
import { type Client, canonicalSubmission, signIn } from '../support/client.ts';
import { signInStaff } from '../support/identity.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { untilSettled } from '../support/settle.ts';
import { freshBirthDate } from '../support/views.ts';

// Issue 5, applications' side: the other parent on the form sees an application once the
// applicant consents (read only, until revoked); a clerk at a service-centre window applies for a
// citizen, whose consent is recorded and shown in their account. Services run as processes.

interface Consent {
  id: string;
  kind: string;
  role?: string;
  state?: string;
  party?: string;
  grantor?: string;
  application: { id: string; bundle: string };
  [field: string]: unknown;
}
interface Listed {
  applications: { id: string; relation: string }[];
}

const password = 'a-long-test-password';
let p: TestPlatform;
let mother: Client;
let father: Client;
let stranger: Client;
let sql: postgres.Sql;

beforeAll(async () => {
  p = await startTestPlatform();
  const { form } = canonicalSubmission();
  const parent = (who: { idNumber: string; name: string }, phone: string) =>
    signIn(p.origin, { idNumber: who.idNumber, name: who.name, phone, password });
  mother = await parent(form.mother, '13900000001');
  father = await parent(form.father, '13900000002');
  stranger = await signInNew(p.origin, '赵六');
  sql = postgres(p.databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await p?.stop();
});

function submission() {
  const s = canonicalSubmission();
  freshBirthDate(s, new Date());
  return s;
}

async function submitAs(client: Client) {
  const accepted = await client.post<{ id: string }>('/api/applications', submission());
  expect(accepted.status).toBe(202);
  return accepted.body.id;
}

/** DELETE through the public origin (the shared client has no delete). */
async function remove(client: Client, path: string) {
  const response = await fetch(new URL(path, p.origin), {
    method: 'DELETE',
    headers: { authorization: `Bearer ${client.token}` },
  });
  return response.status;
}

const listed = async (client: Client) => (await client.get<Listed>('/api/applications')).body.applications;
const consentsOf = async (client: Client) =>
  (await client.get<{ consents: Consent[] }>('/api/consents')).body.consents;

describe('the other parent', () => {
  it('sees the application only while the applicant’s consent stands, and can never act on it', async () => {
    // Given the mother's application, not shared
    const id = await submitAs(mother);
    // Then the father neither finds it nor reads it
    expect((await father.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await listed(father)).map((a) => a.id)).not.toContain(id);

    // When the mother lets the other parent see it (twice: the second finds the first)
    const granted = await mother.post<Consent>(`/api/applications/${id}/consents`, {
      grantee: 'other-parent',
    });
    const again = await mother.post<Consent>(`/api/applications/${id}/consents`, { grantee: 'other-parent' });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ party: 'father', grantor: 'mother', state: 'granted' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(granted.body.id);

    // Then the father reads it and finds it in his list, as the other parent
    const read = await father.get<{ id: string; relation: string }>(`/api/applications/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.relation).toBe('other-parent');
    expect(await listed(father)).toContainEqual(expect.objectContaining({ id, relation: 'other-parent' }));
    expect(await listed(mother)).toContainEqual(expect.objectContaining({ id, relation: 'applicant' }));

    // And cannot act on it: every action answers as for an application that does not exist
    const form = new FormData();
    form.append('code', 'birth-medical-record');
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'x.pdf');
    const acts = [
      await father.post(`/api/applications/${id}/withdraw`, {}),
      await father.post(`/api/applications/${id}/rating`, { score: 5 }),
      await father.post(`/api/applications/${id}/consents`, { grantee: 'other-parent' }),
      await father.post(`/api/applications/${id}/items/birth-certificate/resubmit`, { corrections: {} }),
    ].map((r) => r.status);
    expect([...acts, (await father.postForm(`/api/applications/${id}/materials`, form)).status]).toEqual([
      404, 404, 404, 404, 404,
    ]);
    expect(await remove(father, `/api/applications/${id}/consents/${granted.body.id}`)).toBe(404);

    // When the mother takes it back, then the father loses it at once
    expect(await remove(mother, `/api/applications/${id}/consents/${granted.body.id}`)).toBe(204);
    expect((await father.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await listed(father)).map((a) => a.id)).not.toContain(id);
    // And both see the consent, revoked, in their accounts
    expect(await consentsOf(mother)).toContainEqual(
      expect.objectContaining({ id: granted.body.id, role: 'granted-by-you', state: 'revoked' }),
    );
    expect(await consentsOf(father)).toContainEqual(
      expect.objectContaining({
        id: granted.body.id,
        role: 'granted-to-you',
        state: 'revoked',
        grantor: 'mother',
      }),
    );
  });

  it('is never a stranger: someone not on the form sees nothing, shared or not', async () => {
    const id = await submitAs(mother);
    await mother.post(`/api/applications/${id}/consents`, { grantee: 'other-parent' });
    expect((await stranger.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await listed(stranger)).map((a) => a.id)).not.toContain(id);
    expect(await consentsOf(stranger)).toEqual([]);
  });

  it('cannot be named by an applicant who is neither parent on the form (422 naming grantee)', async () => {
    // Given an application submitted by someone the form does not name
    const id = await submitAs(stranger);
    const refused = await stranger.post<{ issues: { path: string }[] }>(`/api/applications/${id}/consents`, {
      grantee: 'other-parent',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toContainEqual(expect.objectContaining({ path: 'grantee' }));
  });
});

describe('a clerk at a service-centre window', () => {
  const consent = {
    method: 'signed-form',
    statement: '本人同意窗口工作人员代为申请新生儿出生一件事',
    reference: 'MLO-2026-000123',
  };

  it('applies for the mother: it completes like any other, and she sees it and the consent in her account', async () => {
    // Given the clerk and the mother's consent on a signed paper form
    const clerk = await signInStaff(p.origin, 'clerk.miluo');
    const key = randomUUID();
    const body = { applicant: 'mother', consent, submission: submission() };
    // When the clerk submits for her (and retries with the same key)
    const started = await clerk.client.post<{
      id: string;
      consent: { id: string };
      applicant: { citizenId: string };
    }>('/api/clerk/applications', body, { 'idempotency-key': key });
    const retried = await clerk.client.post<typeof started.body>('/api/clerk/applications', body, {
      'idempotency-key': key,
    });
    expect(started.status).toBe(202);
    expect(retried.body).toEqual(started.body);
    const { id } = started.body;

    // Then it is the mother's application, in her list, and it completes
    expect(await listed(mother)).toContainEqual(expect.objectContaining({ id, relation: 'applicant' }));
    expect((await untilSettled(mother, id)).status).toBe('completed');
    // And her account shows who recorded her consent, where, when and for what
    const recorded = (await consentsOf(mother)).find((c) => c.id === started.body.consent.id);
    expect(recorded).toMatchObject({
      kind: 'clerk-assisted',
      application: { id, bundle: 'newborn' },
      applicant: 'mother',
      clerk: { name: '周敏', region: '汨罗市' },
      purpose: 'apply for the newborn bundle on your behalf',
      method: 'signed-form',
      statement: consent.statement,
      reference: consent.reference,
      recordedAt: expect.any(String),
    });
    // And the clerk finds it among the applications they started
    const mine = await clerk.client.get<{ applications: { id: string }[] }>('/api/clerk/applications');
    expect(mine.body.applications.map((a) => a.id)).toContain(id);
    // And the history says the clerk acted for the citizen; the statement is stored sealed
    const [submitted] = await sql`select actor, details from applications.timeline
      where application_id = ${id} and kind = 'application.submitted'`;
    expect(submitted?.actor).toMatch(/^clerk:/);
    expect(submitted?.details).toMatchObject({ onBehalfOf: `citizen:${started.body.applicant.citizenId}` });
    const [stored] =
      await sql`select statement_sealed, reference_sealed from applications.consents where id = ${started.body.consent.id}`;
    expect(JSON.stringify(stored)).not.toContain(consent.reference);
    expect(JSON.stringify(stored)).not.toContain(consent.statement);
  });

  it('is told to have the parent register first when they have no account (422 naming applicant)', async () => {
    const clerk = await signInStaff(p.origin, 'clerk.miluo');
    const s = submission();
    s.form.father.idNumber = makeCitizenId({
      region: '430681',
      birthDate: '1990-02-03',
      sex: 'male',
      sequence: 417,
    });
    const refused = await clerk.client.post<{ issues: { path: string; message: string }[] }>(
      '/api/clerk/applications',
      { applicant: 'father', consent, submission: s },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toContainEqual({
      path: 'applicant',
      message: 'the father has no OneGo account: they register first',
    });
  });

  it('is the only one who may apply at the window: a citizen or an operator gets 403', async () => {
    const operator = await signInStaff(p.origin, 'operator.miluo');
    const body = { applicant: 'mother', consent, submission: submission() };
    expect((await mother.post('/api/clerk/applications', body)).status).toBe(403);
    expect((await operator.client.post('/api/clerk/applications', body)).status).toBe(403);
    expect((await mother.get('/api/clerk/applications')).status).toBe(403);
  });
});

describe('the public API', () => {
  it('documents the consent and clerk routes with who may call them', async () => {
    const response = await fetch(`${p.origin}/api/applications/openapi.json`);
    const doc = (await response.json()) as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    expect(doc.paths['/api/clerk/applications']?.post?.description).toContain('Clerks only');
    expect(doc.paths['/api/consents']?.get?.description).toContain('Citizens only');
    expect(Object.keys(doc.paths)).toContain('/api/applications/{id}/consents/{consentId}');
  });
});

describe('when identity cannot be reached', () => {
  // Asked of the applications service itself: the gateway retries a GET answered 503 up to ten
  // times, and every retry waits on identity again, which only slows the same answer down.
  const direct = (client: Client, path: string) =>
    fetch(`http://127.0.0.1:${p.platform.settings.ports.applications}${path}`, {
      headers: { authorization: `Bearer ${client.token}` },
    });

  it('answers 503 naming identity where it needs it, and the applicant still reads their own', async () => {
    // Given a citizen signed in afresh (nothing remembered about their session) and the mother's application
    const someone = await signInNew(p.origin, '孙七');
    const id = await submitAs(mother);
    // When identity stops answering
    p.platform.supervisor.signal('identity', 'SIGSTOP');
    try {
      // Then a list that must ask identity who the caller is answers 503, saying so
      const list = await direct(someone, '/api/applications');
      expect(list.status).toBe(503);
      expect(((await list.json()) as { error: string }).error).toContain('identity service');
      // And the applicant's own application needs no identity to be read
      expect((await direct(mother, `/api/applications/${id}`)).status).toBe(200);
    } finally {
      p.platform.supervisor.signal('identity', 'SIGCONT');
    }
  });
});
