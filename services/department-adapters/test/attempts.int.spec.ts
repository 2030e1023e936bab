import { departmentContracts, itemDecided } from '@onego/contracts';
import { createEvent, publishEvent } from '@onego/messaging';
import { eventually } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReceived } from '../../department-simulators/test/fixture/received.ts';
import { caseRefOf } from '../src/domain/case-ref.ts';
import { ofItem, outboxEvents } from './fixture/outbox.ts';
import { type RoundTrip, startRoundTrip } from './fixture/round-trip.ts';

// Attempts, materials and withdrawals with event-native departments: each attempt is its own
// case at the department, decisions carry their attempt back, and a withdrawn case stays so.

let t: RoundTrip;
beforeAll(async () => {
  t = await startRoundTrip();
});
afterAll(() => t?.stop());

const statement = {
  kind: 'file',
  materialId: '6a1c9a52-3a7e-4f4e-9d55-0c8e5d9f2b11',
  code: 'birth-outside-marriage-statement',
  mediaType: 'application/pdf',
  size: 48_213,
  sha256: 'c'.repeat(64),
  href: 'https://onego.example/api/materials/6a1c9a52?sig=abc',
} as const;

const received = async (caseRef: string) =>
  openReceived(
    t.sql,
    await t.sql<
      { kind: string; payload_sealed: string; department: string; case_ref: string; transport: string }[]
    >`
      select kind, payload_sealed, department, case_ref, transport from department_simulators.received_requests
      where case_ref = ${caseRef} order by id`,
  );

const processed = (consumer: string, messageId: string) =>
  eventually(async () => {
    const rows = await t.sql`
      select 1 from department_adapters.inbox where consumer = ${consumer} and message_id = ${messageId}`;
    return rows.length > 0 ? true : undefined;
  });

describe('attempts, materials and withdrawals with an event-native department', () => {
  it('asks for materials on the first attempt, and decides the second, which brings them', async () => {
    // Given public security wanting the statement of birth outside marriage
    await t.setBehaviour('public-security', { mode: 'materials' });
    const { itemId } = await t.requestItem('public-security');
    // When the first attempt is decided, then the platform hears materials-required, for attempt 1
    const first = await t.decisionOn(itemId, 1);
    expect(first.decision).toEqual({
      outcome: 'materials-required',
      materials: [{ code: 'birth-outside-marriage-statement', note: '请补充非婚生育说明' }],
    });
    // When the platform sends attempt 2 with the statement
    await t.requestItem('public-security', itemId, { attempt: 2, attachments: [statement] });
    // Then it is a new case (suffix -2) carrying the material in 附件 fj, approved for attempt 2
    const second = await t.decisionOn(itemId, 2);
    expect(second.decision.outcome).toBe('approved');
    const [request] = await received(caseRefOf('public-security', itemId, 2));
    expect(JSON.parse(request?.payload as string).data.fj).toEqual([statement]);
    await t.setBehaviour('public-security', { mode: 'approve' });
  });

  it('withdraws an undecided case at the department and ignores a decision that comes anyway', async () => {
    // Given a slow cdc that has received a request
    await t.setBehaviour('cdc', { mode: 'approve', delayMs: 60_000 });
    const { itemId } = await t.requestItem('cdc');
    const caseRef = caseRefOf('cdc', itemId);
    await eventually(async () => ((await received(caseRef)).length > 0 ? true : undefined));
    // When the platform withdraws the item
    await t.cancelItem('cdc', itemId);
    // Then the cdc system receives the withdrawal in its vocabulary, on its own stream
    const withdrawal = await eventually(async () =>
      (await received(caseRef)).find((r) => r.kind === 'cancellation'),
    );
    expect(JSON.parse(withdrawal.payload)).toMatchObject({
      type: 'dept.cdc.cancellation.v1',
      data: { ref: caseRef, reason: expect.stringContaining('撤回') },
    });
    // When a decision on that case arrives all the same
    const contract = departmentContracts.cdc.decision;
    const late = {
      ref: caseRef,
      decidedAt: new Date().toISOString(),
      accepted: true,
      certificateNo: 'JZ1',
      clinic: '门诊',
    } as const;
    const event = createEvent(contract, late, { source: '/tests' });
    await publishEvent(t.nats.js, t.namespace.subject(contract, late), event);
    await processed('adapter-cdc-decisions', event.id);
    // Then it is not applied: no canonical decision for the item
    expect((await outboxEvents(t.sql, itemDecided.type)).filter(ofItem(itemId))).toHaveLength(0);
    await t.setBehaviour('cdc', { mode: 'approve' });
  });

  it('does not send a request that arrives after its item was withdrawn', async () => {
    // Given a withdrawal that overtook its request
    const itemId = crypto.randomUUID();
    const cancelled = await t.cancelItem('maternal-child-health', itemId);
    await processed('adapter-maternal-child-health-cancellations', cancelled.id);
    // When the request is processed
    const { event } = await t.requestItem('maternal-child-health', itemId);
    await processed('adapter-maternal-child-health-requests', event.id);
    // Then nothing was sent to the department
    const sent = await t.sql`select 1 from department_adapters.exchanges where item_id = ${itemId}`;
    expect(sent).toHaveLength(0);
  });
});
