import type { JsMsg } from '@nats-io/jetstream';
import type { Envelope, EventOf, MessageContract } from '@onego/contracts';
import { envelopeSchema } from '@onego/contracts';
import { type Database, isTransientDatabaseError, type Transaction } from '@onego/db';
import type { Vault } from '@onego/vault';
import { context, metrics, SpanStatusCode, trace } from '@opentelemetry/api';
import { PoisonMessageError, TransientError } from './errors.ts';
import { failpoint } from './failpoints.ts';
import { backoffMs, type Logger, sleep } from './logger.ts';
import { type ConsumerSpec, ensureConsumer, type Nats } from './nats.ts';
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
  /** Attempts for a non-transient failure before the message becomes a dead letter. */
  maxAttempts?: number;
  concurrency?: number;
}

export interface ConsumerDeps {
  nats: Nats;
  db: Database;
  tables: MessagingTables;
  logger: Logger;
  /** Seals a dead letter's payload: what was set aside may hold personal data. */
  vault: Vault;
}

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

export async function startConsumer<C extends MessageContract>(
  deps: ConsumerDeps,
  def: ConsumerDefinition<C>,
) {
  const { nats, db, tables, logger } = deps;
  const maxAttempts = def.maxAttempts ?? 5;
  const concurrency = def.concurrency ?? 8;
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

  /** The inbox row and the handler's effect, in one transaction: false when already applied. */
  async function apply(event: EventUnion<C>, meta: MessageMeta): Promise<boolean> {
    return db.transaction(async (tx) => {
      const claimed = await tx
        .insert(tables.inbox)
        .values({ consumer: def.durable, messageId: event.id })
        .onConflictDoNothing()
        .returning({ id: tables.inbox.messageId });
      if (claimed.length === 0) return false;
      await def.handle(event, tx, meta);
      return true;
    });
  }

  async function process(msg: JsMsg) {
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
    let event: EventUnion<C> | undefined;
    let outcome = 'failed';
    try {
      await context.with(trace.setSpan(context.active(), span), async () => {
        event = decode(msg, def.contracts);
        const applied = await apply(event, meta);
        if (!applied) span.setAttribute('onego.duplicate', true);
        outcome = applied ? 'applied' : 'duplicate';
      });
      await failpoint('consumer.after-commit-before-ack');
      msg.ack();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      outcome = await settleFailure(msg, error, event);
    } finally {
      span.end();
      processed.add(1, { consumer: def.durable, outcome, redelivered: deliveryCount > 1 });
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

  const stopping = new AbortController();
  const inflight = new Set<Promise<void>>();
  let current: { close(): Promise<unknown> } | undefined;

  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        const consumer = await nats.js.consumers.get(def.stream, def.durable);
        const messages = await consumer.consume({ max_messages: concurrency * 2 });
        current = messages;
        failures = 0;
        for await (const msg of messages) {
          const task = process(msg).finally(() => inflight.delete(task));
          inflight.add(task);
          if (inflight.size >= concurrency) await Promise.race(inflight);
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
      await current?.close();
      await loop;
      await Promise.allSettled(inflight);
    },
  };
}
