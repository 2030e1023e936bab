import { eventually } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRefOf } from '../src/domain/case-ref.ts';
import { type RoundTrip, startRoundTrip } from './fixture/round-trip.ts';

// The calling worker sleeps when nothing is due, but not past the calls it scheduled itself: a
// department that takes a while to decide is asked again when its status query falls due. Its
// idle wait here is a minute, far longer than the test waits for the decision.

let t: RoundTrip;
beforeAll(async () => {
  t = await startRoundTrip({ env: { DEPARTMENT_HTTP_IDLE_MS: '60000' } });
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
});
