import { parseCitizenId } from '@onego/codes';
import { DEPARTMENTS, type Department, itemDecided, itemOutputSchemas } from '@onego/contracts';
import { eventually } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReceived } from '../../department-simulators/test/fixture/received.ts';
import { caseRefOf } from '../src/domain/case-ref.ts';
import { deadLettersOf, ofItem, outboxEvents } from './fixture/outbox.ts';
import { type Decided, itemKeyOf, type RoundTrip, startRoundTrip } from './fixture/round-trip.ts';

// The adapters and the simulated department systems, started in-process against a fresh
// database and NATS namespace: canonical requests go out, each department answers in its own
// vocabulary on its own stream, and canonical decisions come back on the platform stream.

let t: RoundTrip;
beforeAll(async () => {
  t = await startRoundTrip();
});
afterAll(() => t?.stop());

describe('a round trip through the department adapters and the simulated departments', () => {
  const items = new Map<Department, string>();

  it('answers every department’s item with an approval whose outputs are valid', async () => {
    // Given one item requested of each of the six departments
    for (const department of DEPARTMENTS) items.set(department, (await t.requestItem(department)).itemId);
    // When the departments have answered, then every item is approved on the platform stream
    for (const department of DEPARTMENTS) {
      const decided = await t.decisionOn(items.get(department) as string);
      expect(itemDecided.schema.safeParse(decided).error).toBeUndefined();
      expect(decided).toMatchObject({ department, itemKey: itemKeyOf(department) });
      expect(decided.decision.outcome).toBe('approved');
      if (decided.decision.outcome !== 'approved') continue;
      expect(itemOutputSchemas[decided.itemKey].safeParse(decided.decision.outputs).error).toBeUndefined();
    }
  });

  it('gives the child a valid citizen ID number with the child’s birth date and the household’s region', async () => {
    // Given the household registration decided above
    const decided = await t.decisionOn(items.get('public-security') as string);
    // Then its citizen ID number passes GB 11643 and carries the child's facts
    const outputs = decided.decision.outcome === 'approved' ? decided.decision.outputs : {};
    const id = parseCitizenId((outputs as { citizenIdNumber: string }).citizenIdNumber);
    expect(id).toMatchObject({ ok: true, region: '430681', birthDate: '2026-11-20', sex: 'female' });
  });

  it('sends public security the request in its own pinyin vocabulary, and nothing more', async () => {
    // Given the household registration requested above
    const caseRef = caseRefOf('public-security', items.get('public-security') as string);
    // When we read what the 户政 system recorded on receipt
    const rows = await openReceived(
      t.sql,
      await t.sql<
        {
          subject: string;
          payload_sealed: string;
          department: string;
          case_ref: string;
          kind: string;
          transport: string;
        }[]
      >`
        select subject, payload_sealed, department, case_ref, kind, transport from department_simulators.received_requests
        where department = 'public-security' and case_ref = ${caseRef}`,
    );
    // Then it is a CloudEvent of its own contract, in pinyin fields and standard codes
    expect(rows).toHaveLength(1);
    const event = JSON.parse(rows[0]?.payload as string);
    expect(rows[0]?.subject).toBe(`${t.namespace.prefix}.dept.public-security.request.v1`);
    expect(event).toMatchObject({ specversion: '1.0', type: 'dept.public-security.request.v1' });
    expect(event.data).toMatchObject({
      ywlsh: caseRef,
      xsr: { xm: '王小满', xbdm: '2', csrq: '20261120', cssj: '083000', mzdm: '01', yhzgxdm: '30' },
      hyzkdm: '20',
      hk: { sbdx: 'FQ', hzsfhm: '430681199108230011' },
    });
    // And no canonical field names or data it does not need (the parents' phone numbers)
    expect(rows[0]?.payload).not.toMatch(/"payload"|"child"|"household"|13800000001/);
    // And the control API shows the same text
    const received = await t.simulators.app.inject({
      url: `/simulators/public-security/received?caseRef=${caseRef}`,
    });
    expect(received.json().requests[0].payload).toBe(rows[0]?.payload);
  });

  it('turns a department’s refusal into a canonical rejection with its code and reason', async () => {
    // Given the cdc system set to refuse
    await t.setBehaviour('cdc', {
      mode: 'reject',
      rejectCode: 'OUT_OF_AREA',
      rejectReason: '居住地不在本辖区',
    });
    // When a vaccination certificate is requested
    const { itemId } = await t.requestItem('cdc');
    // Then the platform hears a rejection with the department's code and reason
    const decided = await t.decisionOn(itemId);
    expect(decided.decision).toEqual({
      outcome: 'rejected',
      reason: { code: 'OUT_OF_AREA', message: '居住地不在本辖区' },
    });
    await t.setBehaviour('cdc', { mode: 'approve' });
  });

  it('sets a malformed decision aside as a dead letter and emits no canonical decision for it', async () => {
    // Given the maternal and child health system set to answer outside its contract
    await t.setBehaviour('maternal-child-health', { mode: 'malformed' });
    // When a handbook is requested
    const { itemId } = await t.requestItem('maternal-child-health');
    const caseRef = caseRefOf('maternal-child-health', itemId);
    // Then the adapter records the answer as a dead letter, with the reason
    const [letter] = await eventually(async () => {
      const rows = (await deadLettersOf(t.sql, 'adapter-maternal-child-health-decisions')).filter((r) =>
        r.payload.includes(caseRef),
      );
      return rows.length > 0 ? rows : undefined;
    });
    expect(letter).toMatchObject({ reason: 'poison' });
    expect(letter?.error).toMatch(/invalid dept.maternal-child-health.decision.v1/);
    // And, since the handler never ran, the item stays undecided and no itemDecided was enqueued or published
    const [exchange] = await t.sql`
      select decided_at from department_adapters.exchanges where item_id = ${itemId}`;
    expect(exchange?.decided_at).toBeNull();
    expect((await outboxEvents(t.sql, itemDecided.type)).filter(ofItem(itemId))).toHaveLength(0);
    expect((await t.decisions.poll()).some((e) => (e.data as Decided).itemId === itemId)).toBe(false);
    await t.setBehaviour('maternal-child-health', { mode: 'approve' });
  });

  it('does not send a department the same item twice when the platform asks again', async () => {
    // Given the health item from the first test, requested again in a new event
    const itemId = items.get('health') as string;
    const { event } = await t.requestItem('health', itemId);
    // When the adapter has processed the repeat
    await eventually(async () => {
      const rows = await t.sql`
        select 1 from department_adapters.inbox
        where consumer = 'adapter-health-requests' and message_id = ${event.id}`;
      return rows.length > 0 ? true : undefined;
    });
    // Then the department's request was enqueued only once
    const sent = (await outboxEvents(t.sql, 'dept.health.request.v1')).filter(
      (e) => e.subject === caseRefOf('health', itemId),
    );
    expect(sent).toHaveLength(1);
  });

  it('files a burst of requests together, each new item sent once and a repeat of a decided one not at all', async () => {
    // Given eight new health items and a repeat of the health item decided above, published at
    // once for one application (one lane of the consumer, so they are taken in batches)
    const repeatOf = items.get('health') as string;
    const published = await Promise.all([
      ...Array.from({ length: 8 }, () => t.requestItem('health')),
      t.requestItem('health', repeatOf),
    ]);
    // When the adapter has processed all nine
    const ids = published.map((p) => p.event.id);
    await eventually(async () => {
      const [row] = await t.sql`
        select count(*)::int as n from department_adapters.inbox
        where consumer = 'adapter-health-requests' and message_id = any(${ids})`;
      return row?.n === ids.length ? true : undefined;
    });
    // Then each new item has one exchange and one request sent, and the repeat sent nothing
    const newItems = published.slice(0, 8).map((p) => p.itemId);
    const filed = await t.sql`
      select item_id, attempt from department_adapters.exchanges where item_id = any(${newItems})`;
    expect(filed).toHaveLength(8);
    const requests = await outboxEvents(t.sql, 'dept.health.request.v1');
    for (const itemId of [...newItems, repeatOf]) {
      expect(requests.filter((e) => e.subject === caseRefOf('health', itemId))).toHaveLength(1);
    }
  });
});
