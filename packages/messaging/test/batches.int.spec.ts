import { randomUUID } from 'node:crypto';
import { eventually } from '@onego/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, publishEvent, startConsumer } from '../src/index.ts';
import { type Harness, quietLogger, startHarness, widgetRenamed } from './fixture/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const countOf = async (widgetId: string) =>
  (await h.db.select().from(h.schema.widgets).where(eq(h.schema.widgets.id, widgetId)))[0]?.count ?? 0;

/** Publishes `perWidget` renames of each widget, interleaved, named 1, 2, 3… per widget. */
async function publishRenames(lane: string, widgets: string[], perWidget: number) {
  const events = [];
  for (let n = 1; n <= perWidget; n++) {
    for (const widgetId of widgets) {
      const event = createEvent(
        widgetRenamed,
        { widgetId, name: String(n), lane },
        { source: '/tests', subject: widgetId },
      );
      await publishEvent(h.nats.js, h.namespace.subject(widgetRenamed, event.data), event);
      events.push(event);
    }
  }
  return events;
}

describe('a consumer under a burst', () => {
  it('applies the messages in batches, in publication order per subject, each once', async () => {
    // Given 5 widgets renamed 40 times each, published before the consumer starts
    const widgets = Array.from({ length: 5 }, () => randomUUID());
    await publishRenames('burst', widgets, 40);
    const seen = new Map<string, string[]>();
    let batches = 0;

    // When a consumer with a prepare step takes them
    const consumer = await startConsumer(
      { nats: h.nats, db: h.db, tables: h.schema, logger: quietLogger, vault: h.vault },
      {
        stream: h.stream,
        durable: 'burst',
        filterSubject: h.namespace.filter(widgetRenamed, 'burst'),
        contracts: [widgetRenamed],
        async prepare() {
          batches += 1;
        },
        async handle(event, tx) {
          seen.set(event.data.widgetId, [...(seen.get(event.data.widgetId) ?? []), event.data.name]);
          await tx
            .insert(h.schema.widgets)
            .values({ id: event.data.widgetId, name: event.data.name, count: 1 })
            .onConflictDoUpdate({
              target: h.schema.widgets.id,
              set: { name: event.data.name, count: sql`${h.schema.widgets.count} + 1` },
            });
        },
      },
    );

    // Then every widget got its 40 renames once, in order, in far fewer transactions than messages
    for (const widgetId of widgets) {
      await eventually(async () => ((await countOf(widgetId)) === 40 ? true : undefined));
      expect(seen.get(widgetId)).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    }
    expect(batches).toBeLessThan(200 / 4);
    await consumer.stop();
  });

  it('applies the rest of a batch when one of its messages fails, and retries only that one', async () => {
    // Given 20 renames published before the consumer starts, one of which fails its first attempt
    const widgets = Array.from({ length: 20 }, () => randomUUID());
    const events = await publishRenames('one-fails', widgets, 1);
    const failing = events[7]?.id;
    const attempts = new Map<string, number>();

    // When a consumer takes them
    const consumer = await startConsumer(
      { nats: h.nats, db: h.db, tables: h.schema, logger: quietLogger, vault: h.vault },
      {
        stream: h.stream,
        durable: 'one-fails',
        filterSubject: h.namespace.filter(widgetRenamed, 'one-fails'),
        contracts: [widgetRenamed],
        async handle(event, tx) {
          const n = (attempts.get(event.id) ?? 0) + 1;
          attempts.set(event.id, n);
          await tx.insert(h.schema.widgets).values({ id: event.data.widgetId, name: 'x', count: 1 });
          if (event.id === failing && n === 1) throw new Error('fails once');
        },
      },
    );

    // Then every widget is written exactly once, nothing is set aside, and the failing message
    // was handled twice (in its batch, then alone) and no more
    for (const widgetId of widgets) {
      await eventually(async () => ((await countOf(widgetId)) === 1 ? true : undefined));
    }
    expect(attempts.get(failing ?? '')).toBe(2);
    expect((await h.nats.jsm.consumers.info(h.stream, 'one-fails')).num_redelivered).toBe(0);
    const letters = await h.db
      .select()
      .from(h.schema.deadLetters)
      .where(eq(h.schema.deadLetters.consumer, 'one-fails'));
    expect(letters).toEqual([]);
    await consumer.stop();
  });

  it('says when a batch has stalled, and stops saying so once it has finished', async () => {
    // Given a consumer whose handler waits until released, reporting stalls after 200 ms
    const widgetId = randomUUID();
    await publishRenames('stalls', [widgetId], 1);
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const warnings: { obj: Record<string, unknown>; msg?: string }[] = [];
    const logger = {
      ...quietLogger,
      warn: (obj: object, msg?: string) => warnings.push({ obj: { ...obj }, msg }),
    };
    const stalls = () => warnings.filter((w) => w.msg === 'batch stalled');
    const consumer = await startConsumer(
      { nats: h.nats, db: h.db, tables: h.schema, logger, vault: h.vault },
      {
        stream: h.stream,
        durable: 'stalls',
        filterSubject: h.namespace.filter(widgetRenamed, 'stalls'),
        contracts: [widgetRenamed],
        stallWarningMs: 200,
        async handle(event, tx) {
          await released;
          await tx.insert(h.schema.widgets).values({ id: event.data.widgetId, name: 'x', count: 1 });
        },
      },
    );
    // When its batch has been held for a while
    await eventually(async () => (stalls().length >= 2 ? true : undefined));
    // Then the stall is reported, naming the consumer, where the batch is and its messages
    expect(stalls()[0]?.obj).toMatchObject({
      consumer: 'stalls',
      stage: 'in its transaction or acks',
      messages: 1,
    });
    // And when the handler is released, the message is applied and the reports stop
    release();
    await eventually(async () => ((await countOf(widgetId)) === 1 ? true : undefined));
    const reported = stalls().length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(stalls()).toHaveLength(reported);
    await consumer.stop();
  });
});
