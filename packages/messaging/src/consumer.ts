import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { Envelope, EventOf, MessageContract } from '@onego/contracts';
import { envelopeSchema } from '@onego/contracts';
import { type Database, insertRows, isTransientDatabaseError, type Transaction } from '@onego/db';
import type { Vault } from '@onego/vault';
import { context, metrics, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { PoisonMessageError, TransientError } from './errors.ts';
import { failpoint } from './failpoints.ts';
import { backoffMs, type Logger, sleep } from './logger.ts';
import { type ConsumerSpec, ensureConsumer, type Nats } from './nats.ts';
import { createSlots, type Slots } from './slots.ts';
import type { MessagingTables } from './tables.ts';
import { contextFromHeaders, messagingSpan } from './trace.ts';

// An idempotent consumer: the inbox row and the handler's effect commit in one transaction,
// the message is acked only after that commit, a redelivery whose inbox row exists is acked
// without effect, a transient failure is nak'ed with backoff, and a message that cannot be
// processed is recorded as a dead letter and terminated so it is not retried forever.

export type EventUnion<C extends MessageContract> = C extends MessageContract ? EventOf<C> : never;

export interface MessageMeta {
  subject: string;
  /** The message exactly as received (for consumers that must keep what was on the wire). */
  raw: string;
  stream: string;
  streamSeq: number;
  deliveryCount: number;
  consumer: string;
}

export interface ConsumerDefinition<C extends MessageContract> extends ConsumerSpec {
  contracts: readonly C[];
  handle(event: EventUnion<C>, tx: Transaction, meta: MessageMeta): Promise<void>;
  /**
   * Called once per batch, in its transaction, before its events are handled one by one (with
   * all of them, redeliveries included): the place to lock and load in one statement what they
   * all need.
   */
  prepare?(events: EventUnion<C>[], tx: Transaction): Promise<void>;
  /** Attempts for a non-transient failure before the message becomes a dead letter. */
  maxAttempts?: number;
  /** Batches in flight at once (lanes): events about one subject always share a lane, in order. */
  concurrency?: number;
  /** Most messages handled in one transaction. */
  batchSize?: number;
  /** A batch in hand this long is reported as stalled, and again each time as long again. */
  stallWarningMs?: number;
}

export interface ConsumerDeps {
  nats: Nats;
  db: Database;
  tables: MessagingTables;
  logger: Logger;
  /** Seals a dead letter's payload: what was set aside may hold personal data. */
  vault: Vault;
  /** Batch transactions the service runs at once, across its consumers (default: this consumer's lanes). */
  slots?: Slots;
}

/**
 * How often the server is asked to show a waiting pull request is alive (the client's default
 * is half the request's 30 s). Two missed, the client pulls again. nats-server 2.9.10 now and
 * then drops an expired pull request without the 408 that tells the client so (fixed upstream
 * in nats-io/nats-server#3942; tools/lost-pulls.ts shows it): the client then waits for
 * messages that will not come. With the default its messages waited up to 30 s (a bench run's
 * p99 of 30 s in one of about ten); with this, about 4 s. It costs an idle consumer a heartbeat
 * every 2 s.
 */
const PULL_HEARTBEAT_MS = 2000;

/** Where a dead letter's sealed payload belongs (its associated data). */
export const deadLetterAad = (letter: { consumer: string; stream: string; streamSeq: number }) =>
  `dead_letters.payload:${letter.consumer}/${letter.stream}/${letter.streamSeq}`;

/** Postgres text refuses NUL: a message carrying one must still be recordable as a dead letter. */
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

const headersOf = (msg: JsMsg) => {
  const out: Record<string, string> = {};
  for (const key of msg.headers?.keys() ?? []) out[key] = msg.headers?.get(key) ?? '';
  return out;
};

function decode<C extends MessageContract>(msg: JsMsg, contracts: readonly C[]) {
  let json: unknown;
  try {
    json = JSON.parse(msg.string());
  } catch {
    throw new PoisonMessageError('payload is not JSON');
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new PoisonMessageError(`not a CloudEvent: ${describe(envelope.error.issues)}`);
  const contract = contracts.find((c) => c.type === envelope.data.type);
  if (!contract) throw new PoisonMessageError(`unexpected type ${envelope.data.type}`);
  const data = contract.schema.safeParse(envelope.data.data);
  if (!data.success) throw new PoisonMessageError(`invalid ${contract.type}: ${describe(data.error.issues)}`);
  return { ...envelope.data, data: data.data } as Envelope as EventUnion<C>;
}

const describe = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');

// What happened to each delivery: its effect applied, recognised as a duplicate (a redelivery
// or a republication whose effect is already committed), retried, or set aside.
const processed = metrics.getMeter('@onego/messaging').createCounter('onego_messages_processed', {
  description: 'Deliveries processed by outcome (applied, duplicate, retried, dead-lettered)',
});

// How big the batches are and how long each takes (its transaction and acks): batching is what
// keeps the cost per message down under load.
const batchMessages = metrics.getMeter('@onego/messaging').createHistogram('onego_consumer_batch_messages', {
  description: 'Messages per batch a consumer applied in one transaction',
  advice: { explicitBucketBoundaries: [1, 2, 4, 8, 16, 32, 64, 128] },
});
const batchSeconds = metrics.getMeter('@onego/messaging').createHistogram('onego_consumer_batch_seconds', {
  description: 'Time to apply a batch: its transaction, then its acknowledgements',
  unit: 's',
  advice: { explicitBucketBoundaries: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] },
});

export async function startConsumer<C extends MessageContract>(
  deps: ConsumerDeps,
  def: ConsumerDefinition<C>,
) {
  const { nats, db, tables, logger } = deps;
  const maxAttempts = def.maxAttempts ?? 5;
  const concurrency = def.concurrency ?? 4;
  const batchSize = def.batchSize ?? 32;
  const stallWarningMs = def.stallWarningMs ?? 30_000;
  await ensureConsumer(nats.jsm, def);

  async function deadLetter(
    msg: JsMsg,
    outcome: { reason: string; error: string },
    messageId?: string,
    type?: string,
  ) {
    await db
      .insert(tables.deadLetters)
      .values({
        consumer: def.durable,
        stream: def.stream,
        streamSeq: msg.seq,
        subject: storable(msg.subject),
        messageId: messageId === undefined ? undefined : storable(messageId),
        type: type === undefined ? undefined : storable(type),
        deliveries: msg.info.deliveryCount,
        reason: outcome.reason,
        error: storable(outcome.error.slice(0, 2000)),
        payload: deps.vault.seal(
          msg.string(),
          deadLetterAad({ consumer: def.durable, stream: def.stream, streamSeq: msg.seq }),
        ),
        headers: Object.fromEntries(
          Object.entries(headersOf(msg)).map(([k, v]) => [storable(k), storable(v)]),
        ),
      })
      .onConflictDoNothing();
  }

  /** A message on its way through: decoded, with its span and what became of it. */
  interface Delivery {
    msg: JsMsg;
    meta: MessageMeta;
    event: EventUnion<C>;
    span: Span;
    outcome: 'applied' | 'duplicate' | 'retried' | 'dead-lettered' | 'failed';
  }

  /**
   * The inbox rows and the handlers' effects of a batch, in one transaction; each delivery's
   * outcome says whether it was applied or recognised as a duplicate. Throws if any handler does.
   */
  async function applyBatch(batch: Delivery[]) {
    await db.transaction(async (tx) => {
      // The inbox rows and the batch's preparation go out together (pipelined on the connection);
      // preparing a redelivered event too only locks or reads a little more.
      const [inserted] = await Promise.all([
        insertRows(
          tx,
          tables.inbox,
          batch.map((d) => ({ consumer: def.durable, messageId: d.event.id })),
          { onConflictDoNothing: true, returning: { id: tables.inbox.messageId } },
        ),
        def.prepare?.(
          batch.map((d) => d.event),
          tx,
        ),
      ]);
      const claimed = new Set(inserted.map((r) => r.id as string));
      // The same event twice in one batch (published again under another msgID): the first applies.
      const fresh = batch.filter((d) => claimed.delete(d.event.id));
      for (const d of batch) d.outcome = fresh.includes(d) ? 'applied' : 'duplicate';
      for (const d of fresh) {
        await context.with(trace.setSpan(context.active(), d.span), () => def.handle(d.event, tx, d.meta));
      }
    });
    for (const d of batch) {
      if (d.outcome === 'duplicate') d.span.setAttribute('onego.duplicate', true);
      await failpoint('consumer.after-commit-before-ack');
      d.msg.ack();
    }
  }

  /** A batch, or, if it fails, each of its messages on its own (so one bad message fails alone). */
  async function processBatch(batch: Delivery[]) {
    try {
      await applyBatch(batch);
    } catch (error) {
      if (batch.length > 1) {
        for (const d of batch) await processBatch([d]);
        return;
      }
      const [d] = batch as [Delivery];
      d.span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      d.outcome = await settleFailure(d.msg, error, d.event);
      return;
    }
  }

  function finish(d: Pick<Delivery, 'msg' | 'span' | 'outcome'>) {
    d.span.end();
    processed.add(1, {
      consumer: def.durable,
      outcome: d.outcome,
      redelivered: d.msg.info.deliveryCount > 1,
    });
  }

  /** Decodes and opens the message's span; one that cannot be decoded is settled at once. */
  async function receive(msg: JsMsg): Promise<Delivery | undefined> {
    const headers = headersOf(msg);
    const deliveryCount = msg.info.deliveryCount;
    const meta: MessageMeta = {
      subject: msg.subject,
      raw: msg.string(),
      stream: def.stream,
      streamSeq: msg.seq,
      deliveryCount,
      consumer: def.durable,
    };
    const span = messagingSpan(
      'process',
      msg.subject,
      { consumer: def.durable, deliveryCount, messageId: headers['Nats-Msg-Id'] },
      contextFromHeaders(headers),
    );
    try {
      return { msg, meta, event: decode(msg, def.contracts), span, outcome: 'failed' };
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      finish({ msg, span, outcome: await settleFailure(msg, error, undefined) });
      return undefined;
    }
  }

  async function settleFailure(
    msg: JsMsg,
    error: unknown,
    event: EventUnion<C> | undefined,
  ): Promise<'retried' | 'dead-lettered'> {
    const deliveryCount = msg.info.deliveryCount;
    const transient = error instanceof TransientError || isTransientDatabaseError(error);
    const poison = error instanceof PoisonMessageError;
    if (transient || (!poison && deliveryCount < maxAttempts)) {
      const delay = backoffMs(deliveryCount, 500, transient ? 30_000 : 10_000);
      logger.warn(
        { consumer: def.durable, seq: msg.seq, deliveryCount, delay, error: String(error) },
        'message failed; will retry',
      );
      msg.nak(delay);
      return 'retried';
    }
    const reason = poison ? 'poison' : `failed ${deliveryCount} times`;
    try {
      await deadLetter(msg, { reason, error: String(error) }, event?.id, event?.type);
      // nats-server 2.9 ignores "+TERM <reason>" (reasons arrived in 2.10); the reason is in our row.
      msg.term();
      logger.error(
        { consumer: def.durable, seq: msg.seq, reason, error: String(error) },
        'message set aside as a dead letter',
      );
      return 'dead-lettered';
    } catch (recordError) {
      logger.warn(
        { consumer: def.durable, error: String(recordError) },
        'cannot record dead letter; will retry',
      );
      msg.nak(backoffMs(deliveryCount, 500, 30_000));
      return 'retried';
    }
  }

  /** The batch a lane has in hand: since when, where it is, and how many messages it holds. */
  interface InHand {
    since: number;
    stage: 'waiting for a transaction slot' | 'in its transaction or acks';
    messages: number;
  }

  // Messages are spread over lanes by their event's subject (an application, a case): a lane
  // handles its queue a batch at a time, so events about one subject are applied in order and
  // never by two transactions at once, while other lanes go on in parallel.
  const lanes = Array.from({ length: concurrency }, () => ({
    queue: [] as Delivery[],
    busy: false,
    inHand: undefined as InHand | undefined,
  }));
  const buffered = { count: 0, drained: undefined as (() => void) | undefined };
  const limit = concurrency * batchSize * 2;
  const stopping = new AbortController();
  const working = new Set<Promise<void>>();
  let current: { close(): Promise<unknown> } | undefined;

  function laneOf(event: EventUnion<C>) {
    const key = event.subject ?? event.id;
    let hash = 0;
    for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
    return lanes[Math.abs(hash) % lanes.length] as (typeof lanes)[number];
  }

  const slots = deps.slots ?? createSlots(concurrency);

  /**
   * Says, every stallWarningMs, which lanes have had a batch in hand at least that long: its
   * messages, and the lane's next, wait meanwhile, and the batch metrics only show a batch once it
   * ends. One timer per consumer, not one per batch. (The fault-injection suite once saw three
   * services' consumers take nothing more after a PostgreSQL outage, and say nothing. One way
   * that can happen, a transaction begun behind a full pipeline waiting forever for its
   * connection, is fixed in patches/postgres@3.4.9.patch.)
   */
  const stallWatch = setInterval(() => {
    const now = Date.now();
    for (const { inHand } of lanes) {
      if (!inHand || now - inHand.since < stallWarningMs) continue;
      logger.warn(
        {
          consumer: def.durable,
          stage: inHand.stage,
          messages: inHand.messages,
          seconds: Math.round((now - inHand.since) / 1000),
        },
        'batch stalled',
      );
    }
  }, stallWarningMs);
  stallWatch.unref();

  async function drain(lane: (typeof lanes)[number]) {
    lane.busy = true;
    while (lane.queue.length > 0) {
      const inHand: InHand = {
        since: Date.now(),
        stage: 'waiting for a transaction slot',
        messages: Math.min(lane.queue.length, batchSize),
      };
      lane.inHand = inHand;
      await slots.acquire();
      const batch = lane.queue.splice(0, batchSize);
      Object.assign(inHand, { stage: 'in its transaction or acks', messages: batch.length });
      const started = performance.now();
      await processBatch(batch).finally(() => {
        slots.release();
        lane.inHand = undefined;
      });
      batchMessages.record(batch.length, { consumer: def.durable });
      batchSeconds.record((performance.now() - started) / 1000, { consumer: def.durable });
      for (const d of batch) finish(d);
      buffered.count -= batch.length;
      if (buffered.count < limit / 2) buffered.drained?.();
    }
    lane.busy = false;
  }

  function enqueue(delivery: Delivery) {
    const lane = laneOf(delivery.event);
    lane.queue.push(delivery);
    buffered.count += 1;
    if (lane.busy) return;
    const task = drain(lane).finally(() => working.delete(task));
    working.add(task);
  }

  /** Says when the client found its pull request gone (no heartbeat) and pulled again. */
  function watchPulls(messages: ConsumerMessages) {
    void (async () => {
      for await (const status of messages.status()) {
        if (status.type === 'heartbeats_missed') {
          logger.warn(
            { consumer: def.durable, missed: status.count },
            'no heartbeat from the server for the pull request; pulling again',
          );
        }
      }
    })().catch(() => {});
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        const consumer = await nats.js.consumers.get(def.stream, def.durable);
        const messages = await consumer.consume({
          max_messages: Math.min(limit, 512),
          idle_heartbeat: PULL_HEARTBEAT_MS,
        });
        current = messages;
        failures = 0;
        watchPulls(messages);
        for await (const msg of messages) {
          const delivery = await receive(msg);
          if (delivery) enqueue(delivery);
          if (buffered.count >= limit) {
            await new Promise<void>((resolve) => {
              buffered.drained = resolve;
            });
            buffered.drained = undefined;
          }
        }
      } catch (error) {
        if (stopping.signal.aborted) break;
        failures += 1;
        logger.warn({ consumer: def.durable, error: String(error) }, 'consumer interrupted; resubscribing');
        await sleep(backoffMs(failures, 500, 10_000), stopping.signal);
      }
    }
  })();

  return {
    /** Stops taking messages and waits for those in flight to settle. */
    async stop() {
      stopping.abort();
      clearInterval(stallWatch);
      await current?.close();
      await loop;
      await Promise.allSettled(working);
    },
  };
}
