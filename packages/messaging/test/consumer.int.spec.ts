import { randomUUID } from 'node:crypto';
import { eventually } from '@onego/testing';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, publishEvent, startConsumer, TransientError } from '../src/index.ts';
import { type Harness, quietLogger, startHarness, widgetRenamed } from './fixture/harness.ts';

const spans = new InMemorySpanExporter();
let h: Harness;
beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(
    new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] }),
  );
  h = await startHarness();
});
afterAll(() => h?.close());

const subject = (lane: string) =>
  h.namespace.subject(widgetRenamed, { widgetId: randomUUID(), name: 'x', lane });

/** A consumer whose effect is to count renames per widget. */
async function countingConsumer(durable: string, behaviour: (attempt: number) => void = () => {}) {
  const attempts = new Map<string, number>();
  const consumer = await startConsumer(
    { nats: h.nats, db: h.db, tables: h.schema, logger: quietLogger, vault: h.vault },
    {
      stream: h.stream,
      durable,
      filterSubject: h.namespace.filter(widgetRenamed, durable),
      contracts: [widgetRenamed],
      maxAttempts: 3,
      async handle(event, tx) {
        const n = (attempts.get(event.id) ?? 0) + 1;
        attempts.set(event.id, n);
        behaviour(n);
        await tx
          .insert(h.schema.widgets)
          .values({ id: event.data.widgetId, name: event.data.name, count: 1 })
          .onConflictDoUpdate({
            target: h.schema.widgets.id,
            set: { count: sql`${h.schema.widgets.count} + 1` },
          });
      },
    },
  );
  return { consumer, attempts };
}

const countOf = async (widgetId: string) =>
  (await h.db.select().from(h.schema.widgets).where(eq(h.schema.widgets.id, widgetId)))[0]?.count;

describe('the idempotent consumer', () => {
  it('applies a message delivered twice (beyond the duplicate window) only once', async () => {
    // Given a consumer, and one event published twice under different msgIDs, as happens when a
    // relay re-publishes after JetStream's duplicate window has passed
    const { consumer } = await countingConsumer('twice');
    const widgetId = randomUUID();
    const event = createEvent(widgetRenamed, { widgetId, name: 'once', lane: 'twice' }, { source: '/tests' });
    const s = subject('twice');
    await h.nats.js.publish(s, JSON.stringify(event), { msgID: `${event.id}-a` });
    await h.nats.js.publish(s, JSON.stringify(event), { msgID: `${event.id}-b` });
    // When both are consumed, then the effect happened once and both deliveries were acked
    await eventually(async () =>
      (await h.nats.jsm.consumers.info(h.stream, 'twice')).num_ack_pending === 0 &&
      (await h.nats.jsm.consumers.info(h.stream, 'twice')).num_pending === 0
        ? true
        : undefined,
    );
    expect(await countOf(widgetId)).toBe(1);
    await consumer.stop();
  });

  it('retries a transient failure and then has the effect once', async () => {
    // Given a handler that fails transiently on its first attempt
    const { consumer, attempts } = await countingConsumer('transient', (n) => {
      if (n === 1) throw new TransientError('database briefly unavailable');
    });
    const widgetId = randomUUID();
    const event = createEvent(
      widgetRenamed,
      { widgetId, name: 'retried', lane: 'transient' },
      { source: '/tests' },
    );
    await publishEvent(h.nats.js, subject('transient'), event);
    // Then the message is redelivered, the effect lands once, and no dead letter is recorded
    await eventually(async () => ((await countOf(widgetId)) === 1 ? true : undefined));
    expect(attempts.get(event.id)).toBe(2);
    expect(
      await h.db.select().from(h.schema.deadLetters).where(eq(h.schema.deadLetters.consumer, 'transient')),
    ).toEqual([]);
    await consumer.stop();
  });

  it('sets a schema-invalid message aside as a dead letter at once, and healthy traffic still flows', async () => {
    // Given a consumer, a message that breaks the contract, then a valid one
    const { consumer, attempts } = await countingConsumer('poison');
    const bad = {
      ...createEvent(
        widgetRenamed,
        { widgetId: randomUUID(), name: 'x', lane: 'poison' },
        { source: '/tests' },
      ),
    };
    (bad.data as { name: string }).name = '';
    await h.nats.js.publish(subject('poison'), JSON.stringify(bad), { msgID: bad.id });
    const good = createEvent(
      widgetRenamed,
      { widgetId: randomUUID(), name: 'good', lane: 'poison' },
      { source: '/tests' },
    );
    await publishEvent(h.nats.js, subject('poison'), good);
    // Then the valid one is applied, and the invalid one is recorded once with its reason, never handled
    await eventually(async () => ((await countOf(good.data.widgetId)) === 1 ? true : undefined));
    const letters = await eventually(async () => {
      const rows = await h.db
        .select()
        .from(h.schema.deadLetters)
        .where(eq(h.schema.deadLetters.consumer, 'poison'));
      return rows.length > 0 ? rows : undefined;
    });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ reason: 'poison', deliveries: 1, messageId: null });
    expect(letters[0]?.error).toMatch(/invalid onego.test-widget.renamed.v1: name/);
    expect(attempts.has(bad.id)).toBe(false);
    await consumer.stop();
  });

  it('stops retrying a handler that always fails after the configured attempts', async () => {
    // Given a handler that always throws a (non-transient) error, and three attempts allowed
    const { consumer, attempts } = await countingConsumer('always-fails', () => {
      throw new Error('bug in handler');
    });
    const event = createEvent(
      widgetRenamed,
      { widgetId: randomUUID(), name: 'doomed', lane: 'always-fails' },
      { source: '/tests' },
    );
    await publishEvent(h.nats.js, subject('always-fails'), event);
    // Then after three attempts it becomes a dead letter, and is not delivered again
    const letter = await eventually(async () => {
      const rows = await h.db
        .select()
        .from(h.schema.deadLetters)
        .where(eq(h.schema.deadLetters.consumer, 'always-fails'));
      return rows[0];
    }, 20_000);
    expect(letter).toMatchObject({ reason: 'failed 3 times', deliveries: 3, messageId: event.id });
    await new Promise((r) => setTimeout(r, 1500));
    expect(attempts.get(event.id)).toBe(3);
    expect((await h.nats.jsm.consumers.info(h.stream, 'always-fails')).num_ack_pending).toBe(0);
    await consumer.stop();
  });

  it('continues the producer’s trace in the consumer’s process span', async () => {
    // Given a producer span around the publication
    const { consumer } = await countingConsumer('traced');
    const event = createEvent(
      widgetRenamed,
      { widgetId: randomUUID(), name: 'traced', lane: 'traced' },
      { source: '/tests' },
    );
    const producer = trace.getTracer('test').startSpan('submit');
    await context.with(trace.setSpan(context.active(), producer), () =>
      publishEvent(h.nats.js, subject('traced'), event),
    );
    producer.end();
    // Then the consumer's process span belongs to the same trace, as a child of the publish span
    const processSpan = await eventually(async () =>
      spans
        .getFinishedSpans()
        .find(
          (s) => s.name.endsWith(' process') && s.attributes['messaging.consumer.group.name'] === 'traced',
        ),
    );
    const publishSpan = spans
      .getFinishedSpans()
      .find((s) => s.name.endsWith(' publish') && s.attributes['messaging.message.id'] === event.id);
    expect(processSpan.spanContext().traceId).toBe(producer.spanContext().traceId);
    expect(processSpan.parentSpanContext?.spanId).toBe(publishSpan?.spanContext().spanId);
    expect(processSpan.attributes['messaging.system']).toBe('nats');
    await consumer.stop();
  });
});
