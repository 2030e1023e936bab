import { DEPARTMENTS } from '@onego/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { caseRefOf } from '../src/domain/case-ref.ts';
import { type RoundTrip, startRoundTrip } from './fixture/round-trip.ts';

// Either way of connecting works for every department: all six over HTTP, then all six over
// NATS, with the adapters and the simulators agreeing through DEPARTMENT_TRANSPORT.

const started: RoundTrip[] = [];
afterAll(() => Promise.all(started.map((t) => t.stop())));

describe.each(['http', 'nats'] as const)('every department reached over %s', (transport) => {
  it('approves an item of each department, the department having received it that way', async () => {
    // Given the adapters and the simulators with every department on one transport
    const t = await startRoundTrip({ env: { DEPARTMENT_TRANSPORT: `*=${transport}` } });
    started.push(t);
    // When one item is requested of each department
    const items = await Promise.all(DEPARTMENTS.map((d) => t.requestItem(d)));
    // Then each is approved, and each department recorded its request as arriving that way
    for (const [i, department] of DEPARTMENTS.entries()) {
      const itemId = items[i]?.itemId as string;
      expect((await t.decisionOn(itemId)).decision.outcome).toBe('approved');
      const [row] = await t.sql`
        select transport from department_simulators.received_requests
        where case_ref = ${caseRefOf(department, itemId)} and kind = 'request'`;
      expect(row?.transport).toBe(transport);
    }
  });
});
