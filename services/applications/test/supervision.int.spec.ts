import { readFileSync } from 'node:fs';
import { createNamespace, itemDeadlineWarning, type NewbornSubmission } from '@onego/contracts';
import {
  connectNats,
  createOutbox,
  ensureStreams,
  type Nats,
  silentLogger,
  startOutboxRelay,
} from '@onego/messaging';
import type { OpenTestDatabase } from '@onego/testing';
import { canonicalSubmission, createTestNamespace, eventually, type TestNamespace } from '@onego/testing';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys, type Vault } from '@onego/vault';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newbornBundle } from '../src/catalogue/newborn.ts';
import { deadlineAlerts, items, outbox, outboxUnsent, tables, timeline } from '../src/db/schema.ts';
import { addWorkingDays, calendarFrom, chinaDate } from '../src/domain/working-days.ts';
import { createMaterialLinks } from '../src/materials/links.ts';
import { createApplicationStore } from '../src/store.ts';
import { dueWarningsStatement, raiseDueWarnings, startDeadlineSupervision } from '../src/supervision.ts';
import { openApplicationsDatabase } from './fixture/database.ts';

const calendar = calendarFrom(
  JSON.parse(readFileSync(new URL('../src/catalogue/calendar-cn.json', import.meta.url), 'utf8')),
);
const at = (local: string) => new Date(`${local}+08:00`);

let handle: OpenTestDatabase;
let vault: Vault;
let testNamespace: TestNamespace;
let nats: Nats;
const namespace = () => createNamespace(testNamespace.prefix);
const outboxOf = () =>
  createOutbox({
    tables,
    namespace: namespace(),
    source: '/tests',
    vault,
  });

beforeAll(async () => {
  testNamespace = createTestNamespace();
  nats = await connectNats({ url: testNamespace.natsUrl, name: 'supervision-tests' });
  await ensureStreams(nats.jsm, namespace().streams());
  handle = await openApplicationsDatabase('supervision', 8);
  vault = await openVault({
    sql: handle.sql,
    schema: 'applications',
    masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
  });
});
afterAll(async () => {
  await nats?.close();
  await testNamespace?.cleanup();
  await handle?.close();
});

/** An application accepted at `acceptedAt`, as intake stores it, with the due date the calendar gives. */
async function accepted(acceptedAt: Date) {
  const store = createApplicationStore({
    vault,
    outbox: outboxOf(),
    links: createMaterialLinks({
      origin: 'http://x',
      secret: 'x'.repeat(32),
      ttlMs: 1,
      clock: () => acceptedAt,
    }),
  });
  const submission = canonicalSubmission() as unknown as NewbornSubmission;
  const dueDate = addWorkingDays(chinaDate(acceptedAt), newbornBundle.timeLimitWorkingDays, calendar);
  const app = await handle.db.transaction((tx) =>
    store.create(tx, {
      ownerId: '00000000-0000-4000-8000-000000000001',
      bundle: newbornBundle,
      submission,
      idempotencyKey: null,
      requestHash: 'x',
      dueDate,
      late: false,
      declaredMissing: () => [],
      now: acceptedAt,
    }),
  );
  return { id: app.id, dueDate };
}

const warningsOf = async (applicationId: string) =>
  (
    await handle.db
      .select({ kind: timeline.kind, itemKey: timeline.itemKey })
      .from(timeline)
      .where(and(eq(timeline.applicationId, applicationId), like(timeline.kind, 'deadline.%')))
      .orderBy(asc(timeline.id))
  ).map((w) => `${w.kind} ${w.itemKey}`);

const warningEvents = async () =>
  (await handle.db.select().from(outbox).where(eq(outbox.type, 'onego.item.deadline-warning.v1'))).length;

describe('deadline supervision (电子监察)', () => {
  it('dates the deadline in working days across the Mid-Autumn holiday and a make-up Saturday', () => {
    // Accepted Thursday 24 September: 25-27 off, so the two working days are 28 and 29 September
    expect(addWorkingDays('2026-09-24', 2, calendar)).toBe('2026-09-29');
    // Accepted Friday 9 October: Saturday 10 October is a make-up working day, Sunday is not
    expect(addWorkingDays('2026-10-09', 2, calendar)).toBe('2026-10-12');
  });

  it('raises yellow on the due date and red after it, once each, for unfinished items only', async () => {
    // Given an application accepted on Thursday 24 September 2026, due Tuesday 29 September
    const { id, dueDate } = await accepted(at('2026-09-24T16:00:00'));
    expect(dueDate).toBe('2026-09-29');
    // And its birth certificate already completed
    await handle.db
      .update(items)
      .set({ status: 'completed' })
      .where(and(eq(items.applicationId, id), eq(items.itemKey, 'birth-certificate')));
    const sweep = (local: string) => raiseDueWarnings(handle.db, outboxOf(), at(local));

    // Nothing through the holiday, the weekend, nor on Monday night
    for (const t of ['2026-09-25T10:00:00', '2026-09-27T12:00:00', '2026-09-28T23:59:59'])
      expect(await sweep(t)).toBe(0);
    // Yellow just after midnight on the due date, for the five unfinished items
    expect(await sweep('2026-09-29T00:00:01')).toBe(5);
    // Sweeping again that day (or two replicas at once) raises nothing more
    expect(await Promise.all([sweep('2026-09-29T09:00:00'), sweep('2026-09-29T09:00:00')])).toEqual([0, 0]);
    // Red once the due date is over
    expect(await sweep('2026-09-30T00:00:01')).toBe(5);
    expect(await sweep('2026-10-08T09:00:00')).toBe(0);

    const warnings = await warningsOf(id);
    expect(warnings.filter((w) => w.startsWith('deadline.yellow'))).toHaveLength(5);
    expect(warnings.filter((w) => w.startsWith('deadline.red'))).toHaveLength(5);
    expect(warnings.some((w) => w.endsWith('birth-certificate'))).toBe(false);
  });

  it('finds the items due through the index of open items, not by reading every item stored', async () => {
    // Given the sweep's statement (completed items pile up by the million; open ones are few),
    // when Postgres plans it with sequential scans ruled out, as it would on a large table
    const plan = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = (await tx.execute(
        sql`explain ${dueWarningsStatement('2026-09-29', at('2026-09-29T00:00:01'))}`,
      )) as unknown as { 'QUERY PLAN': string }[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    // Then it reads the items through the partial index of open items by due date
    expect(plan).toContain('items_open_due_idx');
    expect(plan).not.toMatch(/Seq Scan on items/);
  });

  it('raises the yellow it missed before the red when the sweeper was down on the due date', async () => {
    // Given an application due Monday 12 October, and no sweep at all until Tuesday
    const before = await warningEvents();
    const { id, dueDate } = await accepted(at('2026-10-09T11:00:00'));
    expect(dueDate).toBe('2026-10-12');
    // When the sweeper comes back on the 13th
    expect(await raiseDueWarnings(handle.db, outboxOf(), at('2026-10-13T08:00:00'))).toBe(12);
    // Then each item got its yellow, then its red, and one event each went to the outbox
    const warnings = await warningsOf(id);
    expect(warnings).toHaveLength(12);
    const hukou = warnings.filter((w) => w.endsWith('household-registration'));
    expect(hukou).toEqual(['deadline.yellow household-registration', 'deadline.red household-registration']);
    expect((await warningEvents()) - before).toBe(12);
  });
});

/** The warning flags an application's items carry, as [yellow, red]. */
async function flagsOf(applicationId: string) {
  const rows = await handle.db
    .select({ level: deadlineAlerts.level })
    .from(deadlineAlerts)
    .innerJoin(items, eq(items.id, deadlineAlerts.itemId))
    .where(eq(items.applicationId, applicationId));
  return ['yellow', 'red'].map((level) => rows.filter((r) => r.level === level).length);
}

/** The time the sweeper reads, moved by the test; `moveTo` returns once a whole sweep has run at it. */
function sweeperClock() {
  let now = new Date(0);
  let reads = 0;
  return {
    read: () => {
      reads += 1;
      return now;
    },
    set(local: string) {
      now = at(local);
    },
    async moveTo(local: string) {
      now = at(local);
      // A sweep reads the clock as it starts: the second read after the move ends one that began at it.
      const from = reads;
      await eventually(async () => (reads >= from + 2 ? true : undefined), 10_000, `a sweep at ${local}`);
    },
  };
}

type Warning = { applicationId: string; itemId: string; level: string; raisedAt: string };

/** Every deadline warning of these applications that JetStream holds. */
async function warningsOnNats(applicationIds: Set<string>) {
  const stream = namespace().streamOf(itemDeadlineWarning);
  const { state } = await nats.jsm.streams.info(stream);
  const reader = await nats.js.consumers.get(stream);
  const found: Warning[] = [];
  for await (const m of await reader.fetch({ max_messages: state.messages, expires: 5000 })) {
    const event = m.json<{ type: string; data: Warning }>();
    if (event.type === itemDeadlineWarning.type && applicationIds.has(event.data.applicationId))
      found.push(event.data);
    if (m.info.pending === 0) break;
  }
  return found;
}

describe('deadline supervision through restarts (电子监察)', () => {
  it('fires yellow then red once each, on NATS and as flags, at working-day instants across a holiday, a weekend and a make-up Saturday, through restarts', async () => {
    // Given three applications, each due after a different stretch of days off:
    // A accepted Thursday 24 September, due Tuesday 29 (Mid-Autumn 25-27, with its weekend, skipped)
    // C accepted Wednesday 30 September, due Friday 9 October (National Day 1-7, with its weekend, skipped)
    // B accepted Friday 9 October, due Monday 12 (make-up Saturday 10 counted, Sunday 11 not)
    const a = await accepted(at('2026-09-24T16:00:00'));
    const c = await accepted(at('2026-09-30T16:00:00'));
    const b = await accepted(at('2026-10-09T11:00:00'));
    expect([a.dueDate, c.dueDate, b.dueDate]).toEqual(['2026-09-29', '2026-10-09', '2026-10-12']);
    const flags = async () => ({ A: await flagsOf(a.id), C: await flagsOf(c.id), B: await flagsOf(b.id) });
    const clock = sweeperClock();
    const start = () =>
      startDeadlineSupervision({
        db: handle.db,
        outbox: outboxOf(),
        clock: clock.read,
        intervalMs: 20,
        logger: silentLogger,
      });
    const relay = startOutboxRelay({
      sql: handle.sql,
      schema: 'applications',
      js: nats.js,
      vault,
      logger: silentLogger,
      idleMs: 100,
    });

    // When the sweeper runs through the Mid-Autumn holiday and its weekend: nothing is due
    let sweeper = start();
    for (const t of [
      '2026-09-24T16:00:00',
      '2026-09-25T10:00:00',
      '2026-09-27T12:00:00',
      '2026-09-28T23:59:59',
    ]) {
      await clock.moveTo(t);
      expect(await flags(), t).toEqual({ A: [0, 0], C: [0, 0], B: [0, 0] });
    }
    // Then A's six items turn yellow on its due date, just after midnight
    await clock.moveTo('2026-09-29T00:00:01');
    expect(await flags()).toEqual({ A: [6, 0], C: [0, 0], B: [0, 0] });
    // And a restart that afternoon raises nothing again
    await sweeper.stop();
    sweeper = start();
    await clock.moveTo('2026-09-29T17:00:00');
    await clock.moveTo('2026-09-29T23:59:59');
    expect(await flags()).toEqual({ A: [6, 0], C: [0, 0], B: [0, 0] });
    // And red once the due date is over
    await clock.moveTo('2026-09-30T00:00:01');
    expect(await flags()).toEqual({ A: [6, 6], C: [0, 0], B: [0, 0] });

    // When the sweeper is down through the National Day holiday and back on Thursday 8 October
    await sweeper.stop();
    clock.set('2026-10-08T09:00:00');
    sweeper = start();
    await clock.moveTo('2026-10-08T09:00:00');
    expect(await flags()).toEqual({ A: [6, 6], C: [0, 0], B: [0, 0] });
    // Then C turns yellow on Friday 9 and red on the make-up Saturday; B stays clear over the weekend
    await clock.moveTo('2026-10-09T00:00:01');
    expect(await flags()).toEqual({ A: [6, 6], C: [6, 0], B: [0, 0] });
    await clock.moveTo('2026-10-10T00:00:01');
    await clock.moveTo('2026-10-11T12:00:00');
    expect(await flags()).toEqual({ A: [6, 6], C: [6, 6], B: [0, 0] });
    // And B turns yellow on Monday 12, survives a restart, and turns red on Tuesday 13
    await clock.moveTo('2026-10-12T00:00:01');
    expect(await flags()).toEqual({ A: [6, 6], C: [6, 6], B: [6, 0] });
    await sweeper.stop();
    sweeper = start();
    await clock.moveTo('2026-10-12T12:00:00');
    expect(await flags()).toEqual({ A: [6, 6], C: [6, 6], B: [6, 0] });
    await clock.moveTo('2026-10-13T00:00:01');
    await clock.moveTo('2026-10-20T09:00:00');
    expect(await flags()).toEqual({ A: [6, 6], C: [6, 6], B: [6, 6] });
    await sweeper.stop();

    // Then, once relayed, JetStream holds each item's yellow and red exactly once
    await eventually(
      async () => ((await handle.db.$count(outboxUnsent)) === 0 ? true : undefined),
      15_000,
      'the outbox to drain',
    );
    await relay.stop();
    const events = await warningsOnNats(new Set([a.id, b.id, c.id]));
    expect(events).toHaveLength(36);
    expect(new Set(events.map((e) => `${e.itemId}/${e.level}`)).size).toBe(36);
    // Raised at the instants the working-day calendar gives
    const raisedAt = (id: string, level: string) => [
      ...new Set(events.filter((e) => e.applicationId === id && e.level === level).map((e) => e.raisedAt)),
    ];
    expect({
      A: [raisedAt(a.id, 'yellow'), raisedAt(a.id, 'red')],
      C: [raisedAt(c.id, 'yellow'), raisedAt(c.id, 'red')],
      B: [raisedAt(b.id, 'yellow'), raisedAt(b.id, 'red')],
    }).toEqual({
      A: [[at('2026-09-29T00:00:01').toISOString()], [at('2026-09-30T00:00:01').toISOString()]],
      C: [[at('2026-10-09T00:00:01').toISOString()], [at('2026-10-10T00:00:01').toISOString()]],
      B: [[at('2026-10-12T00:00:01').toISOString()], [at('2026-10-13T00:00:01').toISOString()]],
    });
    // And each timeline shows every item's yellow before its red, once each
    for (const { id } of [a, b, c]) {
      const warnings = await warningsOf(id);
      expect(warnings).toHaveLength(12);
      expect(warnings.slice(0, 6).every((w) => w.startsWith('deadline.yellow'))).toBe(true);
    }
  });
});
