import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { eventually, infrastructure } from '@onego/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats, createOutbox, createOutboxPublisher, startOutboxRelay } from '../src/index.ts';
import { type Harness, quietLogger, startHarness, widgetRenamed } from './fixture/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function publishedEvents() {
  // An ephemeral consumer reads back everything the stream holds for the fixture subject.
  const info = await h.nats.jsm.consumers.add(h.stream, {
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    filter_subject: h.namespace.filter(widgetRenamed),
  });
  const consumer = await h.nats.js.consumers.get(h.stream, info.name);
  const batch = await consumer.fetch({ max_messages: 100, expires: 1000 });
  const events: { id: string; data: { name: string } }[] = [];
  for await (const m of batch) events.push(m.json());
  return events;
}

/** The fixture outbox's relay, on the harness' connections. */
const relayOf = (options: { graceMs?: number; idleMs?: number } = {}) =>
  startOutboxRelay({
    sql: h.sql,
    schema: 'messaging_fixture',
    js: h.nats.js,
    vault: h.vault,
    logger: quietLogger,
    ...options,
  });

describe('the transactional outbox', () => {
  it('publishes what committed and nothing that rolled back', async () => {
    // Given an outbox and its relay
    const outbox = createOutbox({
      tables: h.schema,
      namespace: h.namespace,
      source: '/tests',
      vault: h.vault,
    });
    const relay = relayOf();
    const kept = randomUUID();
    const rolledBack = randomUUID();

    // When one transaction commits a state change with its event, and another rolls back
    await h.db.transaction(async (tx) => {
      await tx.insert(h.schema.widgets).values({ id: kept, name: 'kept' });
      await outbox.enqueue(tx, widgetRenamed, { widgetId: kept, name: 'kept', lane: 'outbox' });
    });
    await h.db
      .transaction(async (tx) => {
        await tx.insert(h.schema.widgets).values({ id: rolledBack, name: 'rolled back' });
        await outbox.enqueue(tx, widgetRenamed, {
          widgetId: rolledBack,
          name: 'rolled back',
          lane: 'outbox',
        });
        throw new Error('abort');
      })
      .catch(() => {});

    // Then only the committed event reaches JetStream, nothing is left unsent, and the outbox
    // keeps the event it sent
    await eventually(
      async () => ((await h.db.$count(h.schema.outboxUnsent)) === 0 ? true : undefined),
      10_000,
      'the outbox to drain',
    );
    const events = await publishedEvents();
    expect(events.map((e) => e.data.name)).toEqual(['kept']);
    expect(await h.db.$count(h.schema.outbox, eq(h.schema.outbox.id, events[0]?.id ?? ''))).toBe(1);
    await relay.stop();
  });

  it('publishes an event as its transaction commits and then deletes its unsent mark, with no relay running', async () => {
    // Given an outbox whose publisher sends committed events, and no relay
    const publisher = createOutboxPublisher({
      sql: h.sql,
      schema: 'messaging_fixture',
      js: h.nats.js,
      logger: quietLogger,
    });
    const outbox = createOutbox({
      tables: h.schema,
      namespace: h.namespace,
      source: '/tests',
      vault: h.vault,
      publisher: { committed: publisher.committed, kick: () => {} },
    });
    const widgetId = randomUUID();

    // When a transaction commits a state change with its event
    const { id, xid } = await h.db.transaction(async (tx) => {
      await tx.insert(h.schema.widgets).values({ id: widgetId, name: 'direct' });
      const [current] = await tx.execute<{ xid: string }>(sql`select pg_current_xact_id()::xid::text as xid`);
      const enqueued = await outbox.enqueue(tx, widgetRenamed, { widgetId, name: 'direct', lane: 'outbox' });
      return { id: enqueued, xid: current?.xid };
    });

    // Then the event reaches JetStream, its unsent mark goes, and its outbox row is still the
    // one that transaction inserted (never rewritten: its xmin is that transaction's)
    await eventually(async () => ((await publishedEvents()).some((e) => e.id === id) ? true : undefined));
    await eventually(async () =>
      (await h.db.$count(h.schema.outboxUnsent, eq(h.schema.outboxUnsent.id, id))) === 0 ? true : undefined,
    );
    const [row] = await h.sql<{ xmin: string }[]>`
      select xmin::text from messaging_fixture.outbox where id = ${id}`;
    expect(row?.xmin).toBe(xid);
    await publisher.stop();
  });

  it('sends an event its publisher could not, once the grace has passed, without waiting for an idle sweep', async () => {
    // Given a relay that looks for unsent rows only once a minute when idle, after a grace of 0.5 s
    const relay = relayOf({ graceMs: 500, idleMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 500)); // its first sweep, at start, is over
    // And a publisher whose NATS connection has closed, which tells the relay what it could not send
    const closed = await connectNats({ url: infrastructure().natsUrl, name: 'closed-publisher' });
    await closed.close();
    const publisher = createOutboxPublisher({
      sql: h.sql,
      schema: 'messaging_fixture',
      js: closed.js,
      logger: quietLogger,
      unsent: () => relay.soon(),
    });
    const outbox = createOutbox({
      tables: h.schema,
      namespace: h.namespace,
      source: '/tests',
      vault: h.vault,
      publisher: { committed: publisher.committed, kick: () => relay.kick() },
    });
    const widgetId = randomUUID();

    // When a transaction commits an event, and its publish after commit fails
    const id = await h.db.transaction(async (tx) => {
      await tx.insert(h.schema.widgets).values({ id: widgetId, name: 'unsent' });
      return outbox.enqueue(tx, widgetRenamed, { widgetId, name: 'unsent', lane: 'outbox' });
    });

    // Then the relay sends it within seconds, not a minute, and deletes its unsent mark
    await eventually(
      async () =>
        (await h.db.$count(h.schema.outboxUnsent, eq(h.schema.outboxUnsent.id, id))) === 0 ? true : undefined,
      10_000,
      'the relay to send the event',
    );
    expect((await publishedEvents()).some((e) => e.id === id)).toBe(true);
    await publisher.stop();
    await relay.stop();
  });

  it('refuses to enqueue an event whose data breaks its contract', async () => {
    const outbox = createOutbox({
      tables: h.schema,
      namespace: h.namespace,
      source: '/tests',
      vault: h.vault,
    });
    await expect(
      h.db.transaction((tx) =>
        outbox.enqueue(tx, widgetRenamed, { widgetId: 'not-a-uuid', name: '', lane: 'outbox' }),
      ),
    ).rejects.toThrow(/refusing to emit an invalid onego.test-widget.renamed.v1: widgetId/);
  });
});
