import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNew } from '../support/citizens.ts';
import { type Client, canonicalSubmission } from '../support/client.ts';
import { signInStaff } from '../support/identity.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { histogramQuantile, type Metrics, scrape } from '../support/prometheus.ts';
import { setBehaviour } from '../support/simulators.ts';
import { type ApplicationView, freshBirthDate, type ItemView } from '../support/views.ts';

// Issue 6: what the services' Prometheus endpoints say matches a run whose counts are known;
// a message set aside is listed with its reason and replayed after the fix, and the replay is
// recorded (who, when, why).

const DAY = 24 * 3600_000;
const DEPARTMENTS = [
  'health',
  'public-security',
  'medical-insurance',
  'social-security',
  'cdc',
  'maternal-child-health',
];
const SERVICES = ['applications', 'certificates', 'department-adapters'] as const;
let p: TestPlatform;
let parent: Client;
let operator: Client;

beforeAll(async () => {
  p = await startTestPlatform({ extraEnv: { applications: { ONEGO_TEST_CLOCK: '1' } } });
  parent = await signInNew(p.origin, '李芳');
  operator = (await signInStaff(p.origin, 'operator.miluo')).client;
});
afterAll(() => p?.stop());

const portOf = (service: (typeof SERVICES)[number]) => p.platform.settings.ports[service];
const metricsOf = (service: (typeof SERVICES)[number]) =>
  scrape(`http://127.0.0.1:${portOf(service)}/metrics`);
const itemOf = (v: ApplicationView, key: string) => v.items.find((i) => i.itemKey === key) as ItemView;
const completed = (v: ApplicationView, ...keys: string[]) =>
  keys.every((k) => itemOf(v, k).status === 'completed');

async function until(id: string, done: (v: ApplicationView) => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  let last: ApplicationView | undefined;
  while (Date.now() < deadline) {
    last = (await parent.get<ApplicationView>(`/api/applications/${id}`)).body;
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last?.items.map((i) => i.status))}`);
}

async function submit() {
  const submission = canonicalSubmission();
  freshBirthDate(submission, new Date());
  const accepted = await parent.post<{ id: string }>('/api/applications', submission);
  expect(accepted.status).toBe(202);
  return accepted.body.id;
}

/** Scrapes every service until nothing waits in an outbox and no item is at a department. */
async function whenQuiet(): Promise<Record<(typeof SERVICES)[number], Metrics>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const scraped = Object.fromEntries(
      await Promise.all(SERVICES.map(async (s) => [s, await metricsOf(s)] as const)),
    ) as Record<(typeof SERVICES)[number], Metrics>;
    const pending = SERVICES.map((s) => scraped[s].value('onego_outbox_pending', { service: s }));
    const backlog = DEPARTMENTS.map((d) =>
      scraped.applications.value('onego_department_backlog', { department: d }),
    );
    if ([...pending, ...backlog].every((v) => v === 0)) return scraped;
    if (Date.now() > deadline) throw new Error(`never quiet: outboxes ${pending}, backlog ${backlog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('operators’ metrics and dead letters', () => {
  it('reports exactly the counts of a known run: accepted, completed, rates, decision times, backlog, dead letters, outbox lag', async () => {
    for (const d of DEPARTMENTS) await setBehaviour(p.simulatorsUrl, d, { mode: 'approve' });
    // Given two applications that complete on time
    const onTime = [await submit(), await submit()];
    for (const id of onTime) await until(id, (v) => v.status === 'completed', 'completion');

    // And one that completes late: public security holds it while the service's clock moves ten days on
    await setBehaviour(p.simulatorsUrl, 'public-security', { mode: 'approve', delayMs: 15_000 });
    const late = await submit();
    await until(
      late,
      (v) =>
        itemOf(v, 'household-registration').status === 'requested' &&
        completed(v, 'birth-certificate', 'vaccination-certificate', 'child-health-handbook'),
      'the registration held at public security',
    );
    await fetch(`http://127.0.0.1:${portOf('applications')}/internal/test-clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 10 * DAY }),
    });
    const held = (await parent.get<ApplicationView>(`/api/applications/${late}`)).body;
    expect(itemOf(held, 'household-registration').status, 'still held when the clock moved').toBe(
      'requested',
    );
    await until(late, (v) => v.status === 'completed', 'the late completion');

    // And one whose vaccination certificate the CDC refuses, left uncorrected
    await setBehaviour(p.simulatorsUrl, 'public-security', { mode: 'approve' });
    await setBehaviour(p.simulatorsUrl, 'cdc', { mode: 'reject', rejectCode: 'OUT_OF_AREA' });
    const refused = await submit();
    await until(
      refused,
      (v) =>
        itemOf(v, 'vaccination-certificate').status === 'rejected' &&
        v.items.filter((i) => i.itemKey !== 'vaccination-certificate').every((i) => i.status === 'completed'),
      'the refusal, everything else done',
    );
    await setBehaviour(p.simulatorsUrl, 'cdc', { mode: 'approve' });

    // And one withdrawn while public security holds its household registration
    await setBehaviour(p.simulatorsUrl, 'public-security', { mode: 'approve', delayMs: 600_000 });
    const withdrawn = await submit();
    await until(
      withdrawn,
      (v) =>
        itemOf(v, 'household-registration').status === 'requested' &&
        completed(v, 'birth-certificate', 'vaccination-certificate', 'child-health-handbook'),
      'the registration held at public security',
    );
    expect((await parent.post(`/api/applications/${withdrawn}/withdraw`, {})).status).toBe(200);
    await setBehaviour(p.simulatorsUrl, 'public-security', { mode: 'approve' });

    // When the platform is quiet and every service's metrics are scraped
    const m = await whenQuiet();
    const a = m.applications;

    // Then five accepted, three completed (two on time), 办结率 3/5, 按时办结率 2/3
    expect(a.value('onego_applications_accepted_total')).toBe(5);
    expect(a.value('onego_applications_completed_total')).toBe(3);
    expect(a.value('onego_applications_completed_on_time_total')).toBe(2);
    expect(a.value('onego_completion_rate')).toBeCloseTo(3 / 5, 10);
    expect(a.value('onego_on_time_completion_rate')).toBeCloseTo(2 / 3, 10);
    // And each department's decisions counted once each: the withdrawn flow's last three never decided
    const decided = Object.fromEntries(
      DEPARTMENTS.map((d) => [d, a.histogram('onego_department_decision_seconds', { department: d })]),
    );
    expect(Object.fromEntries(Object.entries(decided).map(([d, h]) => [d, h.count]))).toEqual({
      health: 5,
      'public-security': 4,
      'medical-insurance': 4,
      'social-security': 4,
      cdc: 5,
      'maternal-child-health': 5,
    });
    // And every histogram is consistent: cumulative buckets, +Inf equal to the count
    for (const [department, h] of Object.entries(decided)) {
      expect(h.buckets.at(-1), department).toEqual({ le: Number.POSITIVE_INFINITY, count: h.count });
      h.buckets.forEach((b, n) => {
        expect(b.count, `${department} le=${b.le}`).toBeGreaterThanOrEqual(h.buckets[n - 1]?.count ?? 0);
      });
    }
    // And public security's one decision ten days late sits above the ten-day bucket, setting its p95
    const ps = decided['public-security'];
    expect(ps?.buckets.find((b) => b.le === 10 * 86_400)?.count).toBe(3);
    expect(ps?.sum).toBeGreaterThan(10 * 86_400);
    expect(histogramQuantile(0.95, ps?.buckets ?? [])).toBe(10 * 86_400);
    expect(histogramQuantile(0.5, ps?.buckets ?? [])).toBeLessThan(3600);
    for (const d of DEPARTMENTS.filter((d) => d !== 'public-security')) {
      expect(decided[d]?.sum, d).toBeLessThan(3600 * (decided[d]?.count ?? 0));
    }
    // And nothing waits at a department, in an outbox, or among the dead letters
    for (const d of DEPARTMENTS) expect(a.value('onego_department_backlog', { department: d }), d).toBe(0);
    for (const s of SERVICES) {
      expect(m[s].value('onego_dead_letters', { service: s }), s).toBe(0);
      expect(m[s].value('onego_outbox_pending', { service: s }), s).toBe(0);
      expect(m[s].value('onego_outbox_lag_seconds', { service: s }), s).toBe(0);
    }
    // And the operators' dashboard figures say the same
    const figures = await operator.get<Record<string, unknown>>('/api/operator/figures');
    expect(figures.body).toMatchObject({ accepted: 5, completed: 3, completedOnTime: 2, withdrawn: 1 });
  });

  it('lists a message set aside with its reason, replays it after the fix, and records who, when and why', async () => {
    const db = postgres(p.databaseUrl, { max: 1 });
    try {
      // Given the CDC's signing key is missing, so its certificates cannot be signed
      const [key] = await db<IssuerKey[]>`
        delete from certificates.issuer_keys where department = 'cdc' and status = 'active'
        returning kid, public_jwk::text as public_jwk, private_jwk_sealed, created_at`;
      if (!key) throw new Error('the CDC has no active signing key to set aside');
      const id = await submit();
      // Then the certificate request fails every attempt and is set aside, with its reason
      const deadline = Date.now() + 60_000;
      let pending: DeadLetter[] = [];
      while (pending.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        pending = (await operator.get<{ deadLetters: DeadLetter[] }>(listPath)).body.deadLetters;
      }
      expect(pending).toHaveLength(1);
      const [letter] = pending;
      expect(letter).toMatchObject({
        consumer: 'certificates-certificate-requested',
        type: 'onego.certificate.requested.v1',
        reason: 'failed 5 times',
        replayedAt: null,
        replays: 0,
      });
      expect(letter?.error).toContain('cdc has no active signing key');
      expect((await metricsOf('certificates')).value('onego_dead_letters', { service: 'certificates' })).toBe(
        1,
      );
      expect(itemOf(await until(id, () => true, 'the view'), 'vaccination-certificate').status).toBe(
        'approved',
      );
      // And nobody but an operator may see or replay it
      expect((await parent.get(listPath)).status).toBe(403);

      // When the key is restored and an operator replays the message, saying why
      await db`
        insert into certificates.issuer_keys (kid, department, public_jwk, private_jwk_sealed, status, created_at)
        values (${key.kid}, 'cdc', ${key.public_jwk}::jsonb, ${key.private_jwk_sealed}, 'active', ${key.created_at})`;
      const replayed = await operator.post<DeadLetter>(
        `/api/operator/dead-letters/certificates/${letter?.id}/replay`,
        { reason: 'CDC signing key restored from backup' },
      );
      expect(replayed.status).toBe(200);
      // Then the replay is recorded: who, when, why
      expect(replayed.body).toMatchObject({
        replayedBy: expect.stringMatching(/^operator:/),
        replayReason: 'CDC signing key restored from backup',
        replays: 1,
      });
      expect(Date.parse(replayed.body.replayedAt ?? '')).not.toBeNaN();
      // And the certificate is issued, the application completes, and no dead letter waits
      await until(id, (v) => v.status === 'completed', 'completion after the replay');
      expect((await operator.get<{ deadLetters: DeadLetter[] }>(listPath)).body.deadLetters).toEqual([]);
      const all = (
        await operator.get<{ deadLetters: DeadLetter[] }>('/api/operator/dead-letters/certificates')
      ).body.deadLetters;
      expect(all).toEqual([expect.objectContaining({ id: letter?.id, replays: 1 })]);
      expect((await metricsOf('certificates')).value('onego_dead_letters', { service: 'certificates' })).toBe(
        0,
      );
    } finally {
      await db.end();
    }
  });
});

const listPath = '/api/operator/dead-letters/certificates?pending=true';
interface IssuerKey {
  kid: string;
  public_jwk: string;
  private_jwk_sealed: string;
  created_at: Date;
}
interface DeadLetter {
  id: number;
  consumer: string;
  type: string | null;
  reason: string;
  error: string;
  replayedAt: string | null;
  replayedBy: string | null;
  replayReason: string | null;
  replays: number;
}
