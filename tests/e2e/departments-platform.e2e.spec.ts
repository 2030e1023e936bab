import { citizenIdsIn } from '@onego/codes';
import { createNamespace, type Department, departmentContracts } from '@onego/contracts';
import { connectAs, natsPasswords } from '@onego/infra/nats';
import { eventually } from '@onego/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents } from '../../services/department-adapters/test/fixture/outbox.ts';
import { openReceived } from '../../services/department-simulators/test/fixture/received.ts';
import { signInNew } from '../support/citizens.ts';
import { type Client, canonicalSubmission, createClient } from '../support/client.ts';
import { ALLOWED, canonicalFieldsOf, NOT_IN_VOCABULARY, TRANSPORT } from '../support/department-wire.ts';
import { DEVELOPMENT_ACCOUNTS, requestClientToken } from '../support/identity.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { type ApplicationView, freshBirthDate } from '../support/views.ts';

// The departments on the running platform, as ./onego start runs it: its own nats-server with
// infra/nats's configuration, every service and every simulated department system connecting
// as its own user (four departments over NATS, two over HTTP). Every application below
// completing is itself the proof that each works within its permissions.
//  - Data minimisation, proven on the wire: what each simulated department system recorded as
//    it arrived, for the canonical form and for twins, read back into canonical terms.
//  - A department down for a while, then back: nothing lost, nothing decided twice.

let p: TestPlatform;
let parent: Client;
let sql: postgres.Sql;

beforeAll(async () => {
  p = await startTestPlatform({
    ownNats: true,
    // Short backoffs and cool-downs, so that an outage and the recovery fit in a test.
    extraEnv: {
      'department-adapters': {
        DEPARTMENT_HTTP_RETRY_BASE_MS: '100',
        DEPARTMENT_HTTP_RETRY_MAX_MS: '500',
        DEPARTMENT_HTTP_POLL_MS: '100',
        DEPARTMENT_BREAKER_THRESHOLD: '3',
        DEPARTMENT_BREAKER_COOLDOWN_MS: '500',
      },
    },
  });
  parent = await signInNew(p.origin, '李芳');
  sql = postgres(p.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await p?.stop();
});

interface Wire {
  department: Department;
  transport: string;
  subject: string;
  request: Record<string, unknown>;
  text: string;
}

async function completed(submission: ReturnType<typeof canonicalSubmission>) {
  const accepted = await parent.post<{ id: string }>('/api/applications', submission);
  expect(accepted.status).toBe(202);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await parent.get<ApplicationView>(`/api/applications/${accepted.body.id}`);
    if (body.status !== 'in-progress' || Date.now() > deadline) {
      expect(body.status).toBe('completed');
      return body;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the departments received for an application's items: one request per item. */
async function wireOf(view: ApplicationView): Promise<Wire[]> {
  const refs = view.items.map((i) => i.id.replaceAll('-', '').toUpperCase());
  const rows = await openReceived(
    sql,
    await sql<
      {
        department: Department;
        transport: string;
        subject: string;
        payload_sealed: string;
        case_ref: string;
        kind: string;
      }[]
    >`
      select department, transport, subject, payload_sealed, case_ref, kind from department_simulators.received_requests
      where kind = 'request'`,
  );
  const mine = rows.filter((r) => refs.includes(r.case_ref.slice(2)));
  expect(mine).toHaveLength(view.items.length);
  return mine.map((r) => {
    const json = JSON.parse(r.payload);
    return {
      department: r.department,
      transport: r.transport,
      subject: r.subject,
      request: r.transport === 'nats' ? json.data : json,
      text: r.payload,
    };
  });
}

/** Every field maps to one the department may see, and it got every one its vocabulary can carry. */
function expectExactlyAllowed({ department, transport, request }: Wire) {
  expect(transport).toBe(TRANSPORT[department]);
  const fields = new Set(canonicalFieldsOf(department, request));
  expect(
    [...fields].filter((f) => !ALLOWED[department].includes(f)),
    department,
  ).toEqual([]);
  const expected = ALLOWED[department].filter((f) => !(NOT_IN_VOCABULARY[department] ?? []).includes(f));
  expect([...fields].sort(), department).toEqual(expected.sort());
}

function submission() {
  const s = canonicalSubmission();
  freshBirthDate(s, new Date());
  return s;
}

describe('what each department received on the wire', () => {
  it('is exactly its allowed fields for the canonical form, over NATS and HTTP', async () => {
    // Given the canonical form, taken to completion
    const wire = await wireOf(await completed(submission()));
    // Then each department was reached its own way and got exactly its allowed fields
    for (const received of wire) expectExactlyAllowed(received);
  });

  it('gives each twin’s requests that twin’s own fields only, and still no field more', async () => {
    // Given twins in one submission
    const twins = submission();
    twins.form.children.push({
      ...twins.form.children[0],
      name: '王小圆',
      sex: 'male',
      relationshipToHead: 'son',
    });
    const view = await completed(twins);
    const wire = await wireOf(view);
    expect(wire).toHaveLength(12);
    for (const received of wire) {
      expectExactlyAllowed(received);
      // And each request names exactly one of the twins
      expect(
        [received.text.includes('王小满'), received.text.includes('王小圆')].filter(Boolean),
      ).toHaveLength(1);
    }
    for (const department of Object.keys(TRANSPORT) as Department[]) {
      const names = wire
        .filter((w) => w.department === department)
        .map((w) => (w.text.includes('王小圆') ? '王小圆' : '王小满'));
      expect(names.sort()).toEqual(['王小满', '王小圆'].sort());
    }
  });

  it('sends no parent’s 18-digit ID number to a department not allowed it', async () => {
    // Given everything received for the applications above
    const rows = await openReceived(
      sql,
      await sql<
        {
          department: Department;
          payload_sealed: string;
          case_ref: string;
          kind: string;
          transport: string;
        }[]
      >`
        select department, payload_sealed, case_ref, kind, transport from department_simulators.received_requests
        where kind = 'request'`,
    );
    expect(rows).toHaveLength(6 + 12);
    const form = canonicalSubmission().form;
    const mother = form.mother.idNumber;
    const father = form.father.idNumber;
    // The guardian (the mother here) to insurance and social security; both parents to health and public security
    const allowed: Record<Department, string[]> = {
      health: [mother, father],
      'public-security': [mother, father],
      'medical-insurance': [mother],
      'social-security': [mother],
      cdc: [],
      'maternal-child-health': [],
    };
    for (const { department, payload } of rows) {
      const parents = [...citizenIdsIn(payload)].filter((id) => id === mother || id === father);
      expect(
        parents.filter((id) => !allowed[department].includes(id)),
        department,
      ).toEqual([]);
    }
    expect(
      rows
        .filter((r) => r.department === 'cdc' || r.department === 'maternal-child-health')
        .every((r) => citizenIdsIn(r.payload).size === 0),
    ).toBe(true);
  });
});

async function behave(department: string, behaviour: object) {
  const response = await fetch(`${p.simulatorsUrl}/simulators/${department}/behaviour`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(behaviour),
  });
  expect(response.status).toBe(200);
}

const view = async (id: string) => (await parent.get<ApplicationView>(`/api/applications/${id}`)).body;

describe('a department’s worklist', () => {
  interface Case {
    caseRef: string;
    itemKey: string;
    attempt: number;
    outcome: string | null;
    decidedAt: string | null;
  }
  async function systemOf(department: keyof typeof DEVELOPMENT_ACCOUNTS.clients) {
    const discovery = (await (
      await fetch(`${p.origin}/api/identity/.well-known/openid-configuration`)
    ).json()) as {
      token_endpoint: string;
    };
    const { clientId, secret } = DEVELOPMENT_ACCOUNTS.clients[department];
    const token = await requestClientToken(discovery.token_endpoint, clientId, secret);
    return createClient(p.origin, token.access_token);
  }

  it('shows a department’s system its decided cases by reference, with no personal data', async () => {
    // Given a completed application
    const view = await completed(submission());
    const item = view.items.find((i) => i.department === 'health');
    expect(item).toBeDefined();
    const hex = item?.id.replaceAll('-', '').toUpperCase();
    // When the health department's system reads its decided cases with its own token
    const health = await systemOf('health');
    const list = await health.get<{ cases: Case[] }>(
      '/api/departments/health/cases?status=decided&limit=200',
    );
    // Then the case filed for the item is there, decided as the item was, and only references
    expect(list.status).toBe(200);
    const filed = list.body.cases.find((c) => c.caseRef.slice(2) === hex);
    expect(filed).toMatchObject({ itemKey: item?.itemKey, attempt: 1, outcome: 'approved' });
    expect([...citizenIdsIn(JSON.stringify(list.body))]).toEqual([]);
    // And it reads that case alone by its reference
    const one = await health.get<Case>(`/api/departments/health/cases/${filed?.caseRef}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(filed);
  });

  it('refuses another department’s system, a citizen and an anonymous caller', async () => {
    // Given the health department's worklist
    const path = '/api/departments/health/cases';
    // When the CDC's system, a parent and someone without a token ask for it
    const cdc = await (await systemOf('cdc')).get(path);
    const citizen = await parent.get(path);
    const anonymous = await createClient(p.origin).get(path);
    // Then the systems and the parent are forbidden and the anonymous caller must authenticate
    expect([cdc.status, citizen.status, anonymous.status]).toEqual([403, 403, 401]);
  });
});

describe('a department down for a while, then back', () => {
  it('completes every item, each decided exactly once, nothing lost', async () => {
    // Given public security down, and twins submitted (twelve items)
    await behave('public-security', { mode: 'fail' });
    const twins = canonicalSubmission();
    freshBirthDate(twins, new Date());
    twins.form.children.push({
      ...twins.form.children[0],
      name: '王小圆',
      sex: 'male',
      relationshipToHead: 'son',
    });
    const accepted = await parent.post<{ id: string }>('/api/applications', twins);
    expect(accepted.status).toBe(202);
    const id = accepted.body.id;

    // When both household registrations have been offered to the system and refused, more than once
    const nats = await connectAs(p.natsUrl, 'department-adapters', natsPasswords()['department-adapters']);
    const namespace = createNamespace(p.natsNamespace);
    const stream = namespace.streamOf(departmentContracts['public-security'].request);
    await eventually(async () => {
      const info = await nats.jsm.consumers.info(stream, 'public-security-system');
      return info.num_redelivered > 0 && info.num_ack_pending + info.num_pending === 2 ? true : undefined;
    }, 30_000);
    await nats.close();
    const waiting = (await view(id)).items.filter((i) => i.department === 'public-security');
    expect(waiting.map((i) => i.status)).toEqual(['requested', 'requested']);

    // And medical insurance goes down as public security comes back
    await behave('medical-insurance', { mode: 'fail' });
    await behave('public-security', { mode: 'approve' });
    // When both enrolments have been called and told to come back later
    await eventually(async () => {
      const [row] = await sql`
        select count(*)::int as n from department_adapters.dispatches
        where department = 'medical-insurance' and kind = 'submit' and status = 'pending' and failures > 0`;
      return row?.n === 2 ? true : undefined;
    }, 30_000);
    await behave('medical-insurance', { mode: 'approve' });

    // Then the application completes with all twelve items done
    const done = await eventually(async () => {
      const v = await view(id);
      return v.status === 'completed' ? v : undefined;
    }, 60_000);
    expect(done.items).toHaveLength(12);
    expect(done.items.every((i) => i.status === 'completed')).toBe(true);

    // And each item was decided exactly once: one itemDecided in the adapters' outbox per item,
    // each applied once by the applications service (its inbox)
    const itemIds = done.items.map((i) => i.id);
    const events = (await outboxEvents(sql, 'onego.item.decided.v1')).filter((e) =>
      itemIds.includes((e.data as { itemId: string }).itemId),
    );
    const perItem = new Map<string, number>();
    for (const e of events) {
      const item = (e.data as { itemId: string }).itemId;
      perItem.set(item, (perItem.get(item) ?? 0) + 1);
    }
    expect(perItem.size).toBe(12);
    expect([...perItem.values()].every((n) => n === 1)).toBe(true);
    const [applied] = await sql`
      select count(*)::int as n from applications.inbox where message_id = any(${events.map((e) => e.id)})`;
    expect(applied?.n).toBe(12);
    // And each department system holds each case once: nothing sent twice, nothing set aside
    const refs = itemIds.map((i) => i.replaceAll('-', '').toUpperCase());
    const [requests] = await sql`
      select count(*)::int as n, count(distinct case_ref)::int as cases
      from department_simulators.received_requests
      where department = 'public-security' and kind = 'request' and substr(case_ref, 3) = any(${refs})`;
    expect(requests).toEqual({ n: 2, cases: 2 });
    const [enrolments] = await sql`
      select count(*)::int as n from department_simulators.http_cases
      where department = 'medical-insurance' and substr(case_ref, 3) = any(${refs})`;
    expect(enrolments?.n).toBe(2);
    expect(await sql`select 1 from department_adapters.dead_letters`).toHaveLength(0);
  });
});
