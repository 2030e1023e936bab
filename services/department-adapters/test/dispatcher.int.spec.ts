import { randomUUID } from 'node:crypto';
import { itemDecided } from '@onego/contracts';
import { deadLetterAad } from '@onego/messaging';
import { eventually } from '@onego/testing';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys } from '@onego/vault';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRefOf, idempotencyKeyOf } from '../src/domain/case-ref.ts';
import { resourcePath } from '../src/domain/http-api.ts';
import { translateRequest } from '../src/domain/translators.ts';
import { payloadOf } from './fixture/example.ts';
import { itemKeyOf } from './fixture/keys.ts';
import { ofItem, outboxEvents, sealedBody } from './fixture/outbox.ts';
import { type RoundTrip, startRoundTrip } from './fixture/round-trip.ts';

// The dispatcher against the legacy departments' HTTP APIs (medical insurance and social
// security are HTTP-style by default), with short backoffs and cool-downs.

let t: RoundTrip;
beforeAll(async () => {
  t = await startRoundTrip();
});
afterAll(() => t?.stop());

const decidedCount = async (itemId: string) =>
  (await outboxEvents(t.sql, itemDecided.type)).filter(ofItem(itemId)).length;
const breaker = (department: 'social-security' | 'medical-insurance') =>
  t.adapters.dispatcher()?.breakerOf(department).state;

describe('calling the legacy departments over HTTP', () => {
  it('decides every item exactly once when a department is down for a while and then back', async () => {
    // Given social security down, and five card applications requested
    await t.setBehaviour('social-security', { mode: 'fail' });
    const items = await Promise.all(Array.from({ length: 5 }, () => t.requestItem('social-security')));
    // When the calls have failed often enough to open the circuit breaker
    await eventually(async () => (breaker('social-security') === 'open' ? true : undefined));
    const [failing] = await t.sql`
      select count(*)::int as n from department_adapters.dispatches
      where department = 'social-security' and status = 'pending' and failures > 0`;
    expect(failing?.n).toBeGreaterThan(0);
    // And the department comes back
    await t.setBehaviour('social-security', { mode: 'approve' });
    // Then every item is approved, each decided exactly once, and the breaker closes
    for (const { itemId } of items) expect((await t.decisionOn(itemId)).decision.outcome).toBe('approved');
    for (const { itemId } of items) expect(await decidedCount(itemId)).toBe(1);
    for (const { itemId } of items) expect(await t.decisionsOn(itemId)).toHaveLength(1);
    const cases = await t.sql`
      select count(*)::int as n from department_simulators.http_cases
      where case_ref = any(${items.map((i) => caseRefOf('social-security', i.itemId))})`;
    expect(cases[0]?.n).toBe(5);
    await eventually(async () => (breaker('social-security') === 'closed' ? true : undefined));
  });

  it('calls again with the same key after a timeout, and the department recognises the call', async () => {
    // Given medical insurance that acts on a submission but answers after the adapter's timeout
    await t.setBehaviour('medical-insurance', { mode: 'approve', httpLatencyMs: 1500 });
    const { itemId } = await t.requestItem('medical-insurance');
    const caseRef = caseRefOf('medical-insurance', itemId);
    // When the first call has timed out and the department has the case
    await eventually(async () => {
      const [row] = await t.sql`
        select failures from department_adapters.dispatches where case_ref = ${caseRef} and kind = 'submit'`;
      return (row?.failures as number) > 0 ? true : undefined;
    });
    await t.setBehaviour('medical-insurance', { mode: 'approve' });
    // Then the item is decided once, from the one case the department filed under that key
    expect((await t.decisionOn(itemId)).decision.outcome).toBe('approved');
    expect(await decidedCount(itemId)).toBe(1);
    const received = await t.sql`
      select 1 from department_simulators.received_requests where case_ref = ${caseRef} and kind = 'request'`;
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(
      await t.sql`select 1 from department_simulators.http_cases where case_ref = ${caseRef}`,
    ).toHaveLength(1);
  });

  it('picks up a call whose worker died mid-call once its claim lapses, harmlessly repeating it', async () => {
    // Given a submission a worker made and then died before recording the answer: its exchange
    // and claimed dispatch row exist, and the department has the case under the call's key
    const itemId = randomUUID();
    const caseRef = caseRefOf('medical-insurance', itemId);
    const key = idempotencyKeyOf(itemId, 1, 'submit');
    const body = translateRequest('medical-insurance', payloadOf('medical-insurance'), {
      caseRef,
      requestedAt: new Date().toISOString(),
    });
    const first = await fetch(`${t.simulatorsUrl}${resourcePath('medical-insurance')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    expect(first.status).toBe(202);
    await t.sql`
      insert into department_adapters.exchanges
        (item_id, attempt, application_id, department, item_key, child_index, case_ref, transport, requested_at)
      values (${itemId}, 1, ${randomUUID()}, 'medical-insurance', ${itemKeyOf('medical-insurance')}, 0, ${caseRef}, 'http', now())`;
    await t.sql`
      insert into department_adapters.dispatches (department, case_ref, kind, body_sealed, idempotency_key, due_at, claim, calls)
      values ('medical-insurance', ${caseRef}, 'submit', ${await sealedBody(t.sql, caseRef, 'submit', body)}, ${key}, now() + interval '300 milliseconds', ${randomUUID()}, 1)`;
    // When the claim lapses, then another worker makes the call again and the item is decided once
    expect((await t.decisionOn(itemId)).decision.outcome).toBe('approved');
    expect(await decidedCount(itemId)).toBe(1);
    expect(
      await t.sql`select 1 from department_simulators.http_cases where case_ref = ${caseRef}`,
    ).toHaveLength(1);
  });

  it('takes a submission the department refuses with a reason as the item’s rejection', async () => {
    // Given the department already holds this case under another caller's key
    const itemId = randomUUID();
    const caseRef = caseRefOf('medical-insurance', itemId);
    const body = translateRequest('medical-insurance', payloadOf('medical-insurance'), {
      caseRef,
      requestedAt: new Date().toISOString(),
    });
    await fetch(`${t.simulatorsUrl}${resourcePath('medical-insurance')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'someone-else' },
      body: JSON.stringify(body),
    });
    // When the platform requests the item, then the department's 409 and reason become the rejection
    await t.requestItem('medical-insurance', itemId);
    const decided = await t.decisionOn(itemId);
    expect(decided.decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'DUPLICATE_CASE', message: expect.stringContaining(caseRef) },
    });
  });

  it('sets a decision outside the department’s contract aside as a dead letter, deciding nothing', async () => {
    // Given social security answering outside its contract
    await t.setBehaviour('social-security', { mode: 'malformed' });
    const { itemId } = await t.requestItem('social-security');
    const caseRef = caseRefOf('social-security', itemId);
    // Then the answer is kept as a dead letter with the reason, and the call is closed as failed
    const [letter] = await eventually(async () => {
      const rows = await t.sql<
        {
          reason: string;
          error: string;
          subject: string;
          payload: string;
          consumer: string;
          stream: string;
          stream_seq: string;
        }[]
      >`
        select reason, error, subject, payload, consumer, stream, stream_seq from department_adapters.dead_letters
        where consumer = 'adapter-social-security-http' and message_id = ${idempotencyKeyOf(itemId, 1, 'submit')}`;
      return rows.length > 0 ? rows : undefined;
    });
    // The payload is sealed at rest; it opens with the adapters' own keys
    const vault = await openVault({
      sql: t.sql,
      schema: 'department_adapters',
      masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
    });
    const opened =
      letter &&
      vault.open(
        letter.payload,
        deadLetterAad({
          consumer: letter.consumer,
          stream: letter.stream,
          streamSeq: Number(letter.stream_seq),
        }),
      );
    expect(letter?.payload).not.toContain('field outside the contract');
    expect(letter).toMatchObject({
      reason: 'poison',
      subject: expect.stringMatching(/^GET .*card-applications/),
    });
    expect(letter?.error).toMatch(/invalid dept.social-security.decision.v1/);
    expect(opened).toContain('field outside the contract');
    // The call that got the answer (the status query made right after the receipt) is closed as failed
    const calls = await t.sql`
      select kind, status from department_adapters.dispatches where case_ref = ${caseRef} order by id`;
    expect(calls.map((c) => c.status)).toEqual(['failed']);
    expect(await decidedCount(itemId)).toBe(0);
    await t.setBehaviour('social-security', { mode: 'approve' });
  });

  it('records answers that come together in shared transactions, deciding each item once', async () => {
    // Given medical insurance answering each call after 200 ms, so that calls made together
    // answer together
    await t.setBehaviour('medical-insurance', { mode: 'approve', httpLatencyMs: 200 });
    // When twenty items are requested at once
    const items = await Promise.all(Array.from({ length: 20 }, () => t.requestItem('medical-insurance')));
    // Then each is approved, and decided exactly once
    for (const { itemId } of items) expect((await t.decisionOn(itemId)).decision.outcome).toBe('approved');
    for (const { itemId } of items) expect(await decidedCount(itemId)).toBe(1);
    // And the answers were recorded in fewer transactions than there were answers (a row's xmin
    // is the transaction that last wrote it: the one that recorded its answer)
    const settled = await t.sql<{ tx: string }[]>`
      select xmin::text as tx from department_adapters.dispatches
      where case_ref = any(${items.map((i) => caseRefOf('medical-insurance', i.itemId))})
        and kind = 'submit' and status = 'done'`;
    expect(settled).toHaveLength(20);
    expect(new Set(settled.map((r) => r.tx)).size).toBeLessThan(20);
    await t.setBehaviour('medical-insurance', { mode: 'approve' });
  });

  it('withdraws a case in progress at the department, which then never decides it', async () => {
    // Given a slow medical insurance department with a case in progress
    await t.setBehaviour('medical-insurance', { mode: 'approve', delayMs: 60_000 });
    const { itemId } = await t.requestItem('medical-insurance');
    const caseRef = caseRefOf('medical-insurance', itemId);
    await eventually(async () => {
      const [row] = await t.sql`
        select status from department_adapters.dispatches where case_ref = ${caseRef} and kind = 'poll'`;
      return row ? true : undefined;
    });
    // When the platform withdraws the item
    await t.cancelItem('medical-insurance', itemId);
    // Then the department records the withdrawal and shows the case cancelled; no decision follows
    await eventually(async () => {
      const rows = await t.sql`select 1 from department_simulators.cancellations where case_ref = ${caseRef}`;
      return rows.length > 0 ? true : undefined;
    });
    const state = await fetch(`${t.simulatorsUrl}${resourcePath('medical-insurance')}/${caseRef}`);
    expect(await state.json()).toMatchObject({ status: 'CANCELLED' });
    // (the withdrawal reaches the department before the adapter closes its call, so wait for that)
    const calls = await eventually(
      async () => {
        const rows = await t.sql`
        select kind, status from department_adapters.dispatches where case_ref = ${caseRef} order by id`;
        return rows.some((c) => c.status === 'pending') ? undefined : rows;
      },
      15_000,
      'every call on the case closed',
    );
    expect(calls.map((c) => `${c.kind}:${c.status}`)).toEqual([
      'submit:done',
      'poll:abandoned',
      'cancel:done',
    ]);
    expect(await decidedCount(itemId)).toBe(0);
    await t.setBehaviour('medical-insurance', { mode: 'approve' });
  });
});
