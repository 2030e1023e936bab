import { randomUUID } from 'node:crypto';
import { eventually } from '@onego/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, startConsumer } from '../src/index.ts';
import { type Harness, quietLogger, startHarness, widgetRenamed } from './fixture/harness.ts';

// A message Postgres cannot even store (a NUL character in its id, type or subject: text
// columns refuse 0x00) fails on every delivery before any handler runs. It must still be set
// aside after the configured attempts, not retried forever because the dead letter cannot be
// written either.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('a message Postgres cannot store', () => {
  it('is set aside as a dead letter after the configured attempts, and healthy traffic flows', async () => {
    // Given a consumer allowing two attempts, a message whose id holds a NUL, then a valid one
    const applied: string[] = [];
    const consumer = await startConsumer(
      { nats: h.nats, db: h.db, tables: h.schema, logger: quietLogger, vault: h.vault },
      {
        stream: h.stream,
        durable: 'unstorable',
        filterSubject: h.namespace.filter(widgetRenamed, 'unstorable'),
        contracts: [widgetRenamed],
        maxAttempts: 2,
        async handle(event) {
          applied.push(event.id);
        },
      },
    );
    const data = { widgetId: randomUUID(), name: 'x', lane: 'unstorable' };
    const subject = h.namespace.subject(widgetRenamed, data);
    const bad = { ...createEvent(widgetRenamed, data, { source: '/tests' }), id: `nul\u0000${randomUUID()}` };
    await h.nats.js.publish(subject, JSON.stringify(bad), { msgID: randomUUID() });
    const good = createEvent(widgetRenamed, data, { source: '/tests' });
    await h.nats.js.publish(subject, JSON.stringify(good), { msgID: good.id });

    // Then the valid one is applied, and the unstorable one is recorded once, its id made storable
    await eventually(async () => (applied.includes(good.id) ? true : undefined));
    const letter = await eventually(async () => {
      const rows = await h.db
        .select()
        .from(h.schema.deadLetters)
        .where(eq(h.schema.deadLetters.consumer, 'unstorable'));
      return rows[0];
    }, 20_000);
    expect(letter).toMatchObject({ reason: 'failed 2 times', deliveries: 2 });
    expect(letter.messageId).toBe(bad.id.replace('\u0000', '\uFFFD'));
    expect((await h.nats.jsm.consumers.info(h.stream, 'unstorable')).num_ack_pending).toBe(0);
    await consumer.stop();
  });
});
