import { createNamespace, type NewbornSubmission } from '@onego/contracts';
import { createOutbox } from '@onego/messaging';
import type { OpenTestDatabase } from '@onego/testing';
import { canonicalSubmission } from '@onego/testing';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys } from '@onego/vault';
import type { Attributes, Histogram } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newbornBundle } from '../src/catalogue/newborn.ts';
import { tables, timeline } from '../src/db/schema.ts';
import { createDecisionRecorder } from '../src/decision-metrics.ts';
import { createMaterialLinks } from '../src/materials/links.ts';
import { createApplicationStore } from '../src/store.ts';
import { openApplicationsDatabase } from './fixture/database.ts';

// The departments' decision times come from the timeline: each decision is recorded once,
// whichever collection first sees it, including one whose transaction committed after a later one.

let handle: OpenTestDatabase;
let applicationId: string;
const at = (time: string) => new Date(`2026-11-20T${time}+08:00`);

beforeAll(async () => {
  handle = await openApplicationsDatabase('decision_metrics');
  const vault = await openVault({
    sql: handle.sql,
    schema: 'applications',
    masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
  });
  const outbox = createOutbox({
    tables,
    namespace: createNamespace('m'),
    source: '/t',
    vault,
  });
  const links = createMaterialLinks({
    origin: 'http://x',
    secret: 'x'.repeat(32),
    ttlMs: 1,
    clock: () => at('09:00:00'),
  });
  const store = createApplicationStore({ vault, outbox, links });
  const app = await handle.db.transaction((tx) =>
    store.create(tx, {
      ownerId: '00000000-0000-4000-8000-000000000003',
      bundle: newbornBundle,
      submission: canonicalSubmission() as unknown as NewbornSubmission,
      idempotencyKey: null,
      requestHash: 'x',
      dueDate: '2026-11-24',
      late: false,
      declaredMissing: () => [],
      now: at('09:00:00'),
    }),
  );
  applicationId = app.id;
});
afterAll(async () => {
  await handle?.close();
});

/** A histogram that remembers what it was given. */
function recordingHistogram() {
  const values: { department: unknown; seconds: number }[] = [];
  const histogram = {
    record: (seconds: number, attributes?: Attributes) =>
      values.push({ department: attributes?.department, seconds }),
  } as Histogram;
  return { histogram, values };
}

const ITEM = 'b0000000-0000-4000-8000-00000000000';
const entry = (n: number, time: string, kind: string, attempt: number, actor: string) => ({
  applicationId,
  at: at(time),
  kind,
  itemId: `${ITEM}${n}`,
  itemKey: 'vaccination-certificate' as const,
  department: 'cdc' as const,
  childIndex: 0,
  attempt,
  actor,
});

describe('departments’ decision times', () => {
  it('records each department decision once, timed from its own attempt’s request, and nothing else', async () => {
    // Given an item refused, corrected and approved, then completed on its certificate, and one
    // rejected by the platform because its materials never came
    await handle.db
      .insert(timeline)
      .values([
        entry(1, '10:00:00', 'item.requested', 1, 'system:certificates'),
        entry(1, '10:00:30', 'item.rejected', 1, 'department:cdc'),
        entry(1, '11:00:00', 'item.requested', 2, 'citizen:x'),
        entry(1, '11:02:00', 'item.approved', 2, 'department:cdc'),
        entry(1, '11:03:00', 'item.completed', 2, 'system:certificates'),
        entry(2, '10:00:00', 'item.requested', 1, 'system:certificates'),
        entry(2, '10:01:00', 'item.awaiting-materials', 1, 'department:cdc'),
        entry(2, '12:00:00', 'item.rejected', 1, 'system:materials-deadline'),
      ]);
    const { histogram, values } = recordingHistogram();
    const collect = createDecisionRecorder(handle.db, histogram);
    // When metrics are collected twice, at the same time
    await Promise.all([collect(), collect()]);
    await collect();
    // Then the three department decisions were recorded, once each
    expect(values).toEqual([
      { department: 'cdc', seconds: 30 },
      { department: 'cdc', seconds: 120 },
      { department: 'cdc', seconds: 60 },
    ]);
  });

  it('records a decision whose transaction committed after a later one, and only once', async () => {
    const { histogram, values } = recordingHistogram();
    let now = 0;
    const collect = createDecisionRecorder(handle.db, histogram, () => now);
    await collect();
    values.length = 0;
    await handle.db.insert(timeline).values(entry(3, '13:00:00', 'item.requested', 1, 'system:certificates'));
    // Given a decision whose transaction took its timeline id, and is still open
    let commit = () => {};
    let inserted = () => {};
    const taken = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const open = handle.db.transaction(async (tx) => {
      await tx.insert(timeline).values(entry(3, '13:00:05', 'item.approved', 1, 'department:cdc'));
      inserted();
      await new Promise<void>((resolve) => {
        commit = resolve;
      });
    });
    await taken;
    // And a later decision, committed and collected
    await handle.db
      .insert(timeline)
      .values([
        entry(4, '13:00:00', 'item.requested', 1, 'system:certificates'),
        entry(4, '13:00:07', 'item.rejected', 1, 'department:cdc'),
      ]);
    await collect();
    expect(values.map((v) => v.seconds)).toEqual([7]);
    // When the first commits, and collections go on for minutes
    commit();
    await open;
    for (now = 1000; now < 300_000; now += 30_000) await collect();
    // Then it was recorded too, and neither twice
    expect(values.map((v) => v.seconds)).toEqual([7, 5]);
  });
});
