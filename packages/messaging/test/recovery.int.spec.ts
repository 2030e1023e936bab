import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { eventually } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOutbox,
  ensureStreams,
  republishLostEvents,
  startOutboxRelay,
  subjectsPattern,
} from '../src/index.ts';
import { type Harness, quietLogger, startHarness, widgetRenamed } from './fixture/harness.ts';

// JetStream's store lost (wiped, or the stream deleted) while the outbox says its events were
// published: at the next start, the service notices the stream is younger than those events
// and its relay sends them again, with their original ids.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const schema = 'messaging_fixture';

async function idsInStream() {
  const info = await h.nats.jsm.consumers.add(h.stream, {
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    filter_subject: h.namespace.filter(widgetRenamed, 'recovery'),
  });
  const consumer = await h.nats.js.consumers.get(h.stream, info.name);
  const batch = await consumer.fetch({ max_messages: 100, expires: 1000 });
  const ids: string[] = [];
  for await (const m of batch) ids.push(m.json<{ id: string }>().id);
  return ids;
}

const drained = () =>
  eventually(
    async () => ((await h.db.$count(h.schema.outboxUnsent)) === 0 ? true : undefined),
    10_000,
    'the outbox to drain',
  );

describe('events lost with a recreated stream', () => {
  it('are published again from the outbox, with their original ids, once', async () => {
    // Given three events published through the outbox
    const outbox = createOutbox({
      tables: h.schema,
      namespace: h.namespace,
      source: '/tests',
      vault: h.vault,
    });
    const relay = () =>
      startOutboxRelay({ sql: h.sql, schema, js: h.nats.js, vault: h.vault, logger: quietLogger });
    let running = relay();
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      ids.push(
        await h.db.transaction((tx) =>
          outbox.enqueue(tx, widgetRenamed, { widgetId: randomUUID(), name, lane: 'recovery' }),
        ),
      );
    }
    await drained();
    await running.stop();
    const nothingLost = await republishLostEvents({
      sql: h.sql,
      schema,
      jsm: h.nats.jsm,
      streams: h.namespace.streams(),
      logger: quietLogger,
    });
    expect(nothingLost).toEqual([]);

    // When the stream is deleted and created again (as after its store was wiped), and the
    // service starts
    await h.nats.jsm.streams.delete(h.stream);
    await ensureStreams(h.nats.jsm, h.namespace.streams());
    const found = await republishLostEvents({
      sql: h.sql,
      schema,
      jsm: h.nats.jsm,
      streams: h.namespace.streams(),
      logger: quietLogger,
    });
    running = relay();
    await drained();
    await running.stop();

    // Then the three events are in the new stream under their own ids, and a further start
    // finds nothing more to send
    expect(found).toMatchObject([{ stream: h.stream, republished: 3 }]);
    expect((await idsInStream()).sort()).toEqual([...ids].sort());
    const again = await republishLostEvents({
      sql: h.sql,
      schema,
      jsm: h.nats.jsm,
      streams: h.namespace.streams(),
      logger: quietLogger,
    });
    expect(again).toEqual([]);
    // And the service's record of the stream keeps how many events went again into it
    const [seen] = await h.sql<{ republished: number }[]>`
      select republished from messaging_fixture.outbox_streams where stream = ${h.stream}`;
    expect(seen?.republished).toBe(3);
  });
});

describe('the subjects of a stream', () => {
  it('match as NATS matches them: * one token, > the rest', () => {
    const pattern = new RegExp(subjectsPattern(['ns.onego.>', 'dept.health.*']));
    expect(pattern.test('ns.onego.item.requested.v1.health')).toBe(true);
    expect(pattern.test('dept.health.request')).toBe(true);
    expect(pattern.test('dept.health.request.v1')).toBe(false);
    expect(pattern.test('ns.onego')).toBe(false);
    expect(pattern.test('nsXonego.item')).toBe(false);
  });
});
