import { eventually } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRefOf } from '../src/domain/case-ref.ts';
import { type RoundTrip, startRoundTrip } from './fixture/round-trip.ts';

// The calling worker sleeps when nothing is due, but not past the calls it scheduled itself: a
// department that takes a while to decide is asked again when its status query falls due. Nor
// does a call wait for another still in flight. Its idle wait here is a minute, far longer than
// the tests wait for a decision, and a call may take 10 s.

let t: RoundTrip;
beforeAll(async () => {
  t = await startRoundTrip({
    env: { DEPARTMENT_HTTP_IDLE_MS: '60000', DEPARTMENT_HTTP_TIMEOUT_MS: '10000' },
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
});
