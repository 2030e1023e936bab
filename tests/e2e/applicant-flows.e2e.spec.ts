import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInNew } from '../support/citizens.ts';
import { type Client, canonicalSubmission } from '../support/client.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { received, setBehaviour } from '../support/simulators.ts';
import { type ApplicationView, freshBirthDate, type ItemView } from '../support/views.ts';

// Issue 3 from the applicant's side: a department says no, asks for a material, is slow; the
// applicant corrects one item, supplies the material, or withdraws. Services run as processes.

const DAY = 24 * 3600_000;
let p: TestPlatform;
let parent: Client;

beforeAll(async () => {
  p = await startTestPlatform({
    extraEnv: {
      applications: {
        ONEGO_TEST_CLOCK: '1',
        MATERIALS_SWEEP_INTERVAL_MS: '200',
        ITEM_DELAYED_AFTER_MS: '1000',
      },
    },
  });
  parent = await signInNew(p.origin, '李芳');
});
afterAll(() => p?.stop());
beforeEach(async () => {
  for (const d of [
    'health',
    'public-security',
    'medical-insurance',
    'social-security',
    'cdc',
    'maternal-child-health',
  ]) {
    await setBehaviour(p.simulatorsUrl, d, { mode: 'approve' });
  }
});

function submission() {
  const s = canonicalSubmission();
  freshBirthDate(s, new Date());
  return s;
}

const view = async (id: string) => (await parent.get<ApplicationView>(`/api/applications/${id}`)).body;
const itemOf = (v: ApplicationView, key: string, child = 0) =>
  v.items.find((i) => i.itemKey === key && i.childIndex === child) as ItemView;

async function until(id: string, done: (v: ApplicationView) => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last: ApplicationView | undefined;
  while (Date.now() < deadline) {
    last = await view(id);
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out waiting for ${what}; last: ${JSON.stringify(last?.items.map((i) => [i.itemKey, i.status]))}`,
  );
}

async function submit(body: unknown) {
  const accepted = await parent.post<{ id: string }>('/api/applications', body);
  expect(accepted.status).toBe(202);
  return accepted.body.id;
}

function pdf(text: string) {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
}

async function upload(id: string, code: string, file: Buffer, type = 'application/pdf') {
  const form = new FormData();
  form.append('code', code);
  form.append('file', new Blob([file], { type }), 'material.pdf');
  return parent.postForm(`/api/applications/${id}/materials`, form);
}

describe('applicant flows when departments say no, ask, or are slow', () => {
  it('corrects only the rejected item and the flow continues, redoing nothing approved', async () => {
    // Given the CDC refuses the vaccination certificate
    await setBehaviour(p.simulatorsUrl, 'cdc', {
      mode: 'reject',
      rejectCode: 'WEIGHT_MISMATCH',
      rejectReason: '出生体重与接种登记不符',
    });
    const id = await submit(submission());
    const rejected = await until(
      id,
      (v) => itemOf(v, 'vaccination-certificate').status === 'rejected',
      'the CDC refusal',
    );
    // Then the applicant sees which item failed and why
    expect(itemOf(rejected, 'vaccination-certificate').reason).toEqual({
      code: 'WEIGHT_MISMATCH',
      message: '出生体重与接种登记不符',
    });
    expect(rejected.status).toBe('action-required');
    // When the CDC would now accept and the applicant corrects the weight for that item only
    await setBehaviour(p.simulatorsUrl, 'cdc', { mode: 'approve' });
    const outside = await parent.post<{ issues: { path: string }[] }>(
      `/api/applications/${id}/items/vaccination-certificate/resubmit`,
      {
        corrections: { child: { weightGrams: 3250 }, father: { name: '王五' } },
      },
    );
    expect(outside.status).toBe(400);
    expect(outside.body.issues.map((i) => i.path)).toEqual(['corrections.father.name']);
    const resubmitted = await parent.post<ApplicationView>(
      `/api/applications/${id}/items/vaccination-certificate/resubmit`,
      {
        corrections: { child: { weightGrams: 3250 } },
      },
    );
    expect(resubmitted.status).toBe(200);
    // Then it completes; the vaccination item took two attempts; every other item one
    const done = await until(id, (v) => v.status === 'completed', 'completion after the correction');
    expect(itemOf(done, 'vaccination-certificate').attempt).toBe(2);
    expect(
      done.items.filter((i) => i.itemKey !== 'vaccination-certificate').every((i) => i.attempt === 1),
    ).toBe(true);
  });

  it('accepts a declared missing material, holds only the item needing it, and completes once it is supplied', async () => {
    // Given unmarried parents who will supply the statement of birth outside marriage later (容缺受理)
    const s = submission();
    (s.form as Record<string, unknown>).marriage = { status: 'unmarried' };
    (s.form as Record<string, unknown>).missingMaterials = ['birth-outside-marriage-statement'];
    const id = await submit(s);
    // Then the household registration waits, while the items not needing it complete
    const waiting = await until(
      id,
      (v) =>
        ['birth-certificate', 'vaccination-certificate', 'child-health-handbook'].every(
          (k) => itemOf(v, k).status === 'completed',
        ),
      'the other items',
    );
    expect(itemOf(waiting, 'household-registration').status).toBe('awaiting-materials');
    expect(itemOf(waiting, 'household-registration').materials[0]).toMatchObject({
      code: 'birth-outside-marriage-statement',
      supplied: false,
    });
    expect(itemOf(waiting, 'medical-insurance-enrolment').status).toBe('waiting');
    // When a file that is not a PDF, JPEG or PNG is offered, it is refused
    expect((await upload(id, 'birth-outside-marriage-statement', Buffer.from('just text'))).status).toBe(415);
    // When the statement is supplied as a PDF
    const statement = pdf('非婚生育说明');
    const supplied = await upload(id, 'birth-outside-marriage-statement', statement);
    expect(supplied.status).toBe(201);
    // Then the registration goes to public security with it, and the application completes
    const done = await until(id, (v) => v.status === 'completed', 'completion after the material');
    expect(itemOf(done, 'household-registration').attempt).toBe(2);
    // And what public security received carries it by signed link: the bytes the parent uploaded
    const sent = (await received(p.simulatorsUrl, 'public-security')).requests.map(
      (r) => JSON.parse(r.payload).data,
    );
    const attachment = sent.find((d) => d?.fj?.length)?.fj[0];
    expect(attachment).toMatchObject({
      kind: 'file',
      code: 'birth-outside-marriage-statement',
      mediaType: 'application/pdf',
    });
    const fetched = Buffer.from(await (await fetch(attachment.href)).arrayBuffer());
    expect(createHash('sha256').update(fetched).digest('hex')).toBe(attachment.sha256);
    expect(fetched.equals(statement)).toBe(true);
    // While a link with a forged signature gets nothing
    expect(
      (await fetch(attachment.href.replace(/signature=[^&]+/, `signature=${'A'.repeat(43)}`))).status,
    ).toBe(403);
  });

  it('rejects the item at the deadline when a material a department asked for never comes', async () => {
    // Given public security asks for a material
    await setBehaviour(p.simulatorsUrl, 'public-security', { mode: 'materials' });
    const id = await submit(submission());
    const asked = await until(
      id,
      (v) => itemOf(v, 'household-registration').status === 'awaiting-materials',
      'the request for materials',
    );
    const due = itemOf(asked, 'household-registration').materials[0]?.dueDate;
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // When the deadline passes (the test clock moves ten days on) without it
    await fetch(`http://127.0.0.1:${p.platform.settings.ports.applications}/internal/test-clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 10 * DAY }),
    });
    // Then the item is rejected with that reason, and what depends on it never starts
    const rejected = await until(
      id,
      (v) => itemOf(v, 'household-registration').status === 'rejected',
      'the deadline',
    );
    expect(itemOf(rejected, 'household-registration').reason?.code).toBe('MATERIALS_NOT_SUPPLIED');
    expect(itemOf(rejected, 'medical-insurance-enrolment').status).toBe('waiting');
  });

  it('shows an item held by a slow department as delayed, and completes when it answers', async () => {
    await setBehaviour(p.simulatorsUrl, 'public-security', { mode: 'approve', delayMs: 3000 });
    const id = await submit(submission());
    const slow = await until(id, (v) => itemOf(v, 'household-registration').delayed, 'the delayed flag');
    expect(itemOf(slow, 'household-registration').status).toBe('requested');
    const done = await until(id, (v) => v.status === 'completed', 'completion after the slow answer');
    expect(itemOf(done, 'household-registration').delayed).toBe(false);
  });

  it('withdraws mid-flow: items at departments are cancelled, issued certificates kept, nothing decided afterwards', async () => {
    // Given public security is slow, so the household registration is at the department
    await setBehaviour(p.simulatorsUrl, 'public-security', { mode: 'approve', delayMs: 4000 });
    const id = await submit(submission());
    await until(
      id,
      (v) => itemOf(v, 'household-registration').status === 'requested',
      'the registration to be requested',
    );
    await until(id, (v) => itemOf(v, 'birth-certificate').status === 'completed', 'the birth certificate');
    // When the applicant withdraws
    const withdrawn = await parent.post<ApplicationView>(`/api/applications/${id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(itemOf(withdrawn.body, 'household-registration').status).toBe('cancelled');
    expect(itemOf(withdrawn.body, 'medical-insurance-enrolment').status).toBe('cancelled');
    expect(itemOf(withdrawn.body, 'birth-certificate').status).toBe('completed');
    // Then after the department's usual delay nothing has been decided on the cancelled item
    await new Promise((r) => setTimeout(r, 5000));
    const later = await view(id);
    expect(itemOf(later, 'household-registration').status).toBe('cancelled');
    expect(later.status).toBe('withdrawn');
    // And public security was told to stop work on its case
    const cancellations = (await received(p.simulatorsUrl, 'public-security')).requests.filter(
      (r) => r.kind === 'cancellation',
    );
    expect(cancellations.length).toBeGreaterThan(0);
    // And withdrawing again answers the same
    expect((await parent.post<ApplicationView>(`/api/applications/${id}/withdraw`, {})).body.status).toBe(
      'withdrawn',
    );
  });
});
