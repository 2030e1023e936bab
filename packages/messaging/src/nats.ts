import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
import type { StreamSpec } from '@onego/contracts';

export interface NatsOptions {
  url: string;
  name: string;
  user?: string;
  pass?: string;
  /** Inbox prefix for replies, when credentials only allow a service's own `_INBOX_<name>.>`. */
  inboxPrefix?: string;
  /**
   * Ask the server for the account's JetStream info on connect (`$JS.API.INFO`). Default true;
   * false for clients whose credentials do not allow it (a department system).
   */
  checkJetStream?: boolean;
}

export interface Nats {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Drains subscriptions and pending publishes, then closes. */
  close(): Promise<void>;
}

export async function connectNats(options: NatsOptions): Promise<Nats> {
  const nc = await connect({
    servers: options.url.split(','),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Every request (each JetStream publish is one) would otherwise build an Error up front, for
    // its stack, in case the request fails later: 2.7% of the applications service's CPU at intake.
    // Our failures say what failed (the subject, the outbox row) without that stack.
    noAsyncTraces: true,
    ...(options.user && { user: options.user, pass: options.pass }),
    ...(options.inboxPrefix && { inboxPrefix: options.inboxPrefix }),
  });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc, { checkAPI: options.checkJetStream ?? true });
  return {
    nc,
    js,
    jsm,
    close: async () => {
      if (!nc.isClosed()) await nc.drain().catch(() => nc.close());
    },
  };
}

const DAY_NS = nanos(24 * 3600 * 1000);

/** How long the streams keep a message: the outbox and inbox keep theirs longer (retention.ts). */
export const STREAM_MAX_AGE_DAYS = 14;

/**
 * Creates or updates the platform's streams. File storage, so acknowledged messages survive a
 * server restart; a 2-minute duplicate window for msgID de-duplication; 14 days of history.
 * Postgres, not JetStream, is the system of record: an outbox can always re-publish.
 */
export async function ensureStreams(jsm: JetStreamManager, specs: readonly StreamSpec[]) {
  for (const spec of specs) {
    const config = {
      name: spec.name,
      subjects: [...spec.subjects],
      description: spec.description,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: STREAM_MAX_AGE_DAYS * DAY_NS,
      duplicate_window: nanos(120_000),
      num_replicas: 1,
    };
    const exists = await jsm.streams.info(spec.name).then(
      () => true,
      () => false,
    );
    if (exists) await jsm.streams.update(spec.name, config);
    else await jsm.streams.add(config);
  }
}

/**
 * How long JetStream waits for an acknowledgement before redelivering, unless a consumer says:
 * 30 s, or ONEGO_CONSUMER_ACK_WAIT_MS (the fault-injection suite shortens it to pause a worker
 * past it). Every process must agree: a department system binding to a consumer the adapters
 * provisioned may not change it.
 */
export function defaultAckWaitMs(env: Record<string, string | undefined> = process.env) {
  const text = env.ONEGO_CONSUMER_ACK_WAIT_MS;
  if (text === undefined || text === '') return 30_000;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 1000 || ms > 3_600_000) {
    throw new Error(
      `ONEGO_CONSUMER_ACK_WAIT_MS: expected whole milliseconds from 1000 to 3600000, got "${text}"`,
    );
  }
  return ms;
}

export interface ConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs?: number;
  maxAckPending?: number;
}

/** Creates or updates a durable pull consumer (explicit acks; redelivery limits are ours). */
export async function ensureConsumer(jsm: JetStreamManager, spec: ConsumerSpec) {
  const config = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    ack_wait: nanos(spec.ackWaitMs ?? defaultAckWaitMs()),
    max_ack_pending: spec.maxAckPending ?? 1000,
    // Retries are decided by the consumer (transient: forever, with backoff; otherwise a bounded
    // number, then a dead letter). A server-side limit would strand messages silently.
    max_deliver: -1,
  };
  const existing = await jsm.consumers.info(spec.stream, spec.durable).then(
    (info) => info.config,
    () => undefined,
  );
  if (existing) {
    const { durable_name: _name, deliver_policy: _policy, ...mutable } = config;
    // A consumer already as wanted is left alone: a client allowed only to read and consume
    // from it (a department system, on a consumer the platform provisioned) can bind to it.
    const unchanged = Object.entries(mutable).every(
      ([key, value]) => existing[key as keyof typeof existing] === value,
    );
    if (!unchanged) await jsm.consumers.update(spec.stream, spec.durable, mutable);
  } else {
    await jsm.consumers.add(spec.stream, config);
  }
}
