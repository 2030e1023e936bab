import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarFrom,
  chinaDate,
} from '../../services/applications/src/domain/working-days.ts';
import { signInNew } from '../support/citizens.ts';
import { type Client, canonicalSubmission } from '../support/client.ts';
import { signInStaff } from '../support/identity.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { setBehaviour } from '../support/simulators.ts';
import { type ApplicationView, freshBirthDate, type ItemView } from '../support/views.ts';

// Issue 6: an operator traces a flow in which a department refused an item and the parent
// corrected it. Both attempts show, in order, with who acted, when, for how long and against
// which working-day deadline; personal data is masked; the flow's trace id is there.

interface Attempt {
  attempt: number;
  requestedAt: string;
  outcome: string | null;
  endedAt: string | null;
  endedBy: string | null;
  heldMs: number;
}
interface TimelineView {
  application: { id: string; region: string; dueDate: string; submittedAt: string; traceId: string | null };
  items: (Pick<ItemView, 'itemKey' | 'department' | 'status' | 'attempt' | 'childIndex'> & {
    child: string;
    dueDate: string;
    attempts: Attempt[];
  })[];
  events: {
    at: string;
    sincePreviousMs: number;
    kind: string;
    itemKey: string | null;
    department: string | null;
    child: string | null;
    attempt: number | null;
    actor: string;
    details: Record<string, unknown>;
    traceId: string | null;
  }[];
}

const calendar = calendarFrom(
  JSON.parse(
    readFileSync(
      new URL('../../services/applications/src/catalogue/calendar-cn.json', import.meta.url),
      'utf8',
    ),
  ),
);
let p: TestPlatform;
let parent: Client;
let operator: Client;

beforeAll(async () => {
  p = await startTestPlatform();
  parent = await signInNew(p.origin, '李芳');
  operator = (await signInStaff(p.origin, 'operator.miluo')).client;
});
afterAll(() => p?.stop());

async function until(id: string, done: (v: ApplicationView) => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { body } = await parent.get<ApplicationView>(`/api/applications/${id}`);
    if (done(body)) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const itemOf = (v: ApplicationView, key: string) => v.items.find((i) => i.itemKey === key) as ItemView;

describe('an operator traces a corrected flow', () => {
  it('shows both attempts of a rejected-then-corrected item, in order, with who, when, how long and the working-day deadline, personal data masked', async () => {
    // Given the CDC refuses the vaccination certificate of an application born in 汨罗市
    await setBehaviour(p.simulatorsUrl, 'cdc', {
      mode: 'reject',
      rejectCode: 'WEIGHT_MISMATCH',
      rejectReason: '出生体重与接种登记不符',
    });
    const submission = canonicalSubmission();
    freshBirthDate(submission, new Date());
    const accepted = await parent.post<{ id: string }>('/api/applications', submission);
    expect(accepted.status).toBe(202);
    const id = accepted.body.id;
    await until(id, (v) => itemOf(v, 'vaccination-certificate').status === 'rejected', 'the refusal');
    // When the parent corrects the child's weight for that item, and the CDC accepts it
    await setBehaviour(p.simulatorsUrl, 'cdc', { mode: 'approve' });
    const corrected = await parent.post(`/api/applications/${id}/items/vaccination-certificate/resubmit`, {
      corrections: { child: { weightGrams: 3250 } },
    });
    expect(corrected.status).toBe(200);
    const done = await until(id, (v) => v.status === 'completed', 'completion');

    // Then the region's operator reads the flow's timeline
    const { status, body: t } = await operator.get<TimelineView>(`/api/operator/applications/${id}/timeline`);
    expect(status).toBe(200);
    expect(t.application.region).toBe('汨罗市');

    // The item shows both attempts in order: refused by the CDC, then approved by it
    const vaccination = t.items.find((i) => i.itemKey === 'vaccination-certificate');
    expect(vaccination).toMatchObject({ department: 'cdc', child: '王*满', childIndex: 0, attempt: 2 });
    const [first, second] = vaccination?.attempts ?? [];
    expect(vaccination?.attempts).toHaveLength(2);
    expect(first).toMatchObject({ attempt: 1, outcome: 'rejected', endedBy: 'department:cdc' });
    expect(second).toMatchObject({ attempt: 2, outcome: 'approved', endedBy: 'department:cdc' });
    for (const a of [first, second]) {
      expect(a?.heldMs).toBe(Date.parse(a?.endedAt ?? '') - Date.parse(a?.requestedAt ?? ''));
    }
    expect(Date.parse(first?.endedAt ?? '')).toBeLessThanOrEqual(Date.parse(second?.requestedAt ?? ''));

    // And the events tell the same story in order, each with department, child, actor and time
    const story = t.events
      .filter((e) => e.itemKey === 'vaccination-certificate' && e.kind !== 'item.waiting')
      .map((e) => `${e.kind}#${e.attempt} ${e.actor.replace(/:[0-9a-f-]{36}$/, ':<parent>')}`);
    expect(story.slice(1)).toEqual([
      'decision.rejected#1 department:cdc',
      'item.rejected#1 department:cdc',
      'item.corrected#1 citizen:<parent>',
      'item.requested#2 citizen:<parent>',
      'item.approved#2 department:cdc',
      'item.completed#2 system:certificates',
    ]);
    expect(story[0]).toMatch(/^item\.requested#1 /);
    const ofItem = t.events.filter((e) => e.itemKey === 'vaccination-certificate');
    expect(ofItem.every((e) => e.department === 'cdc' && e.child === '王*满')).toBe(true);
    // The department's rejection is tied to its item and attempt, with its reason code
    const rejection = t.events.find((e) => e.kind === 'decision.rejected');
    expect(rejection).toMatchObject({ itemKey: 'vaccination-certificate', attempt: 1 });
    expect(rejection?.details).toEqual({ reason: 'WEIGHT_MISMATCH' });
    // Times never go backwards, and each event says how long after the one before it came
    t.events.forEach((e, n) => {
      const before = t.events[n - 1];
      expect(e.sincePreviousMs).toBe(before ? Date.parse(e.at) - Date.parse(before.at) : 0);
      expect(e.sincePreviousMs).toBeGreaterThanOrEqual(0);
    });

    // And the deadline is the promised two working days after acceptance, for every item
    const due = addWorkingDays(chinaDate(new Date(t.application.submittedAt)), 2, calendar);
    expect(t.application).toMatchObject({ dueDate: due, promisedWorkingDays: 2 });
    expect(t.items.every((i) => i.dueDate === due)).toBe(true);

    // And the flow's trace id is there, on the submission and the application alike
    expect(t.application.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(t.events.find((e) => e.kind === 'application.submitted')?.traceId).toBe(t.application.traceId);

    // And no personal data shows in full: no ID number, phone or name from the form or the outputs
    const json = JSON.stringify(t);
    const childId = String(itemOf(done, 'household-registration').outputs?.citizenIdNumber ?? '');
    expect(childId).toMatch(/^\d{17}[\dX]$/);
    const form = submission.form as typeof submission.form & {
      mother: { phone: string };
      father: { phone: string };
    };
    for (const secret of [
      form.mother.idNumber,
      form.father.idNumber,
      childId,
      form.mother.phone,
      form.father.phone,
      form.mother.name,
      form.father.name,
      '王小满',
    ]) {
      expect(json, 'personal data in the operator view').not.toContain(secret);
    }
    // Nor anything shaped like one (ids and trace ids, being hexadecimal, are set aside first)
    const text = json.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{32}/g, '');
    expect(text).not.toMatch(/(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });
});
