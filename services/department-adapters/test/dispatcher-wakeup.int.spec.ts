import { eventually } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRefOf } from '../src/domain/case-ref.ts';
import { type RoundTrip, startRoundTrip } from './fixture/round-trip.ts';

// The calling worker sleeps when nothing is due, but not past the calls it scheduled itself: a
// department that takes a while to decide is asked again when its status query falls due. Nor
// does a call wait for another still in flight, nor a department for one whose window of calls
// in flight is full. Its idle wait here is a minute, far longer than the tests wait for a
// decision, a call may take 10 s, and a department's window is two calls.

let t: RoundTrip;
beforeAll(async () => {
  t = await startRoundTrip({
    env: {
      DEPARTMENT_HTTP_IDLE_MS: '60000',
      DEPARTMENT_HTTP_TIMEOUT_MS: '10000',
      DEPARTMENT_HTTP_WINDOW: '2',
    },
  });
});
afterAll(() => t?.stop());

describe('the calling worker between calls', () => {
  it('asks a department that is still deciding again when the status query is due, not after its idle wait', async () => {
    // Given medical insurance, which decides half a second after a case arrives
    await t.setBehaviour('medical-insurance', { mode: 'approve', delayMs: 500 });
    // When an item is requested from it
    const { itemId } = await t.requestItem('medical-insurance');
    // Then the decision comes from status queries made as each fell due (well within the test's
    // 20 s wait, which a worker sleeping its idle minute would miss)
    expect((await t.decisionOn(itemId)).decision.outcome).toBe('approved');
    const caseRef = caseRefOf('medical-insurance', itemId);
    const calls = await eventually(async () => {
      const rows = await t.sql`
        select kind, status, calls from department_adapters.dispatches where case_ref = ${caseRef} order by id`;
      return rows.every((r) => r.status === 'done') ? rows : undefined;
    });
    // the submission, answered "received", then status queries until the department decided
    expect(calls.map((c) => `${c.kind}:${c.status}`)).toEqual(['submit:done', 'poll:done']);
    expect(calls[1]?.calls).toBeGreaterThanOrEqual(1);
  });

  it('calls a department about a new item while a slow call to another is still unanswered', async () => {
    // Given social security answering each call after 5 s, and a call to it in flight (the
    // department has the case, its answer is on the way)
    await t.setBehaviour('social-security', { mode: 'approve', httpLatencyMs: 5000 });
    const slow = await t.requestItem('social-security');
    const slowCase = caseRefOf('social-security', slow.itemId);
    await eventually(async () => {
      const [row] = await t.sql`
        select 1 from department_simulators.http_cases where case_ref = ${slowCase}`;
      return row;
    });
    // When an item is requested from medical insurance, which answers at once
    const fast = await t.requestItem('medical-insurance');
    // Then it is decided while social security's answer is still on the way
    expect((await t.decisionOn(fast.itemId)).decision.outcome).toBe('approved');
    expect(await t.decisionsOn(slow.itemId)).toEqual([]);
    // And that item is decided when its answer comes
    expect((await t.decisionOn(slow.itemId)).decision.outcome).toBe('approved');
    await t.setBehaviour('social-security', { mode: 'approve' });
  });

  it('keeps no more calls to a department in flight than its window, and a full window holds up no other department', async () => {
    // Given social security answering each call after 5 s
    await t.setBehaviour('social-security', { mode: 'approve', httpLatencyMs: 5000 });
    // When three items are requested from it, one more than its window of two
    const slow = [];
    for (let i = 0; i < 3; i += 1) slow.push(await t.requestItem('social-security'));
    const slowCases = slow.map((s) => caseRefOf('social-security', s.itemId));
    const casesArrived = async () => {
      const [row] = await t.sql<{ n: number }[]>`
        select count(*)::int as n from department_simulators.http_cases where case_ref in ${t.sql(slowCases)}`;
      return row?.n ?? 0;
    };
    await eventually(async () => ((await casesArrived()) >= 2 ? true : undefined));
    // and then one from medical insurance, which answers at once
    const fast = await t.requestItem('medical-insurance');
    // Then medical insurance's is decided while social security has two of the cases, unanswered
    expect((await t.decisionOn(fast.itemId)).decision.outcome).toBe('approved');
    expect(await casesArrived()).toBe(2);
    for (const s of slow) expect(await t.decisionsOn(s.itemId)).toEqual([]);
    // And the third is called about once one of the two is answered, and all three are decided
    for (const s of slow) expect((await t.decisionOn(s.itemId)).decision.outcome).toBe('approved');
    expect(await casesArrived()).toBe(3);
    await t.setBehaviour('social-security', { mode: 'approve' });
  });
});
