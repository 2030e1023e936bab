import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { ensureConsumer, ensureStreams, type Nats } from '@onego/messaging';
import postgres from 'postgres';

// The machine's own ceilings, measured in the same run with the same client libraries as the
// platform (@nats-io/jetstream v3 through @onego/messaging, postgres.js): what the platform's
// figures are divided by, so they still mean something on a noisy 2-core machine. A scratch
// stream configured like the platform's (file storage, 2-minute duplicate window) and scratch
// tables in the bench database; both are removed before the platform is measured.

export interface Baseline {
  payloadBytes: number;
  /** Pipelined JetStream publishes with msgID, acknowledged by the server, per second. */
  jetstreamPublishPerS: number;
  /** Pull-consumed messages, each acked, per second (a durable consumer like the platform's). */
  jetstreamConsumePerS: number;
  /** Transactions of two inserts committed per second by `loops` concurrent loops. */
  postgresCommitsPerS: number;
  /** The same transaction followed by one JetStream publish with msgID: a naive design's hop. */
  transactionAndPublishPerS: number;
  /**
   * The CPU reference (CPU_REFERENCE) done per second of this process's CPU time: how fast the
   * machine's cores are that day. The platform is CPU-bound on this machine kind, and the same
   * code has measured two to three times more CPU per application from one evening to the next.
   */
  cpuReferencePerCpuS: number;
  messages: number;
  loops: number;
  seconds: number;
}

export const scratchStreamName = (namespace: string) => `${namespace.toUpperCase()}_BENCH_SCRATCH`;

const PAYLOAD_BYTES = 1024;

/** What one operation of the CPU reference is, for the report. */
export const CPU_REFERENCE =
  'a 1 KB event through JSON.stringify and JSON.parse, sealed with AES-256-GCM, its text hashed with SHA-256';

/**
 * The platform's kind of work in miniature, in a loop on this process's one thread for about
 * `seconds`: operations per second of CPU time (not of wall time, so that other processes
 * sharing the cores do not count against it).
 */
export function cpuReference(seconds: number) {
  const key = randomBytes(32);
  const event = {
    specversion: '1.0',
    id: randomUUID(),
    type: 'onego.item.requested.v1',
    source: '/applications',
    time: new Date().toISOString(),
    data: {
      note: randomBytes(600).toString('base64'),
      items: [1, 2, 3].map((i) => ({ i, key: `item-${i}` })),
    },
  };
  const iv = randomBytes(12);
  const hundred = () => {
    for (let i = 0; i < 100; i++) {
      const text = JSON.stringify(event);
      const back = JSON.parse(text) as typeof event;
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.update(text);
      cipher.final();
      cipher.getAuthTag();
      createHash('sha256').update(back.data.note).digest();
    }
  };
  // Warmed up first: the first half second runs unoptimised code, a quarter slower.
  const warmUntil = performance.now() + 500;
  while (performance.now() < warmUntil) hundred();
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = process.cpuUsage();
  while (performance.now() < until) {
    hundred();
    done += 100;
  }
  const used = process.cpuUsage(started);
  return done / ((used.user + used.system) / 1e6);
}

async function publishPipelined(nats: Nats, subject: string, payload: string, count: number, window: number) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await nats.js.publish(subject, payload, { msgID: randomUUID() });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: window }, worker));
  return count / ((performance.now() - started) / 1000);
}

async function consumeAll(nats: Nats, stream: string, subject: string, count: number) {
  const durable = 'bench-scratch-consumer';
  await ensureConsumer(nats.jsm, { stream, durable, filterSubject: subject });
  const consumer = await nats.js.consumers.get(stream, durable);
  const started = performance.now();
  const messages = await consumer.consume({ max_messages: 1000 });
  let n = 0;
  for await (const message of messages) {
    message.ack();
    n += 1;
    if (n >= count) break;
  }
  // The acks are fire-and-forget, as the platform's: a flush makes sure the server has them all.
  await nats.nc.flush();
  const rate = n / ((performance.now() - started) / 1000);
  await messages.close();
  return rate;
}

async function loopsFor(seconds: number, loops: number, once: () => Promise<void>) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (performance.now() < until) {
        await once();
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export async function measureBaseline(options: {
  nats: Nats;
  namespace: string;
  databaseUrl: string;
  messages: number;
  seconds: number;
  loops: number;
  log: (line: string) => void;
}): Promise<Baseline> {
  const { nats, namespace, log } = options;
  const stream = scratchStreamName(namespace);
  const subject = `${namespace}.bench.scratch`;
  await ensureStreams(nats.jsm, [{ name: stream, subjects: [subject], description: 'bench scratch' }]);
  const payload = randomBytes(PAYLOAD_BYTES * 0.75).toString('base64');

  log('baseline: the CPU reference on one core…');
  const cpuReferencePerCpuS = cpuReference(2);
  log(`baseline: JetStream publish with msgID, ${options.messages} messages pipelined…`);
  const jetstreamPublishPerS = await publishPipelined(nats, subject, payload, options.messages, 512);
  log(`baseline: JetStream pull-consume with ack…`);
  const jetstreamConsumePerS = await consumeAll(nats, stream, subject, options.messages);

  const sql = postgres(options.databaseUrl, { max: options.loops, onnotice: () => {} });
  try {
    await sql`create schema if not exists bench_scratch`;
    await sql`create table if not exists bench_scratch.a (id uuid primary key, body text not null, at timestamptz not null default now())`;
    await sql`create table if not exists bench_scratch.b (id bigserial primary key, a_id uuid not null, body text not null)`;
    const body = payload.slice(0, 512);
    const transaction = () =>
      sql.begin(async (tx) => {
        const id = randomUUID();
        await tx`insert into bench_scratch.a (id, body) values (${id}, ${body})`;
        await tx`insert into bench_scratch.b (a_id, body) values (${id}, ${body})`;
      });
    log(`baseline: Postgres two-insert transactions, ${options.loops} loops for ${options.seconds} s…`);
    const postgresCommitsPerS = await loopsFor(options.seconds, options.loops, async () => {
      await transaction();
    });
    log(`baseline: the same transaction plus one JetStream publish, ${options.loops} loops…`);
    const transactionAndPublishPerS = await loopsFor(options.seconds, options.loops, async () => {
      await transaction();
      await nats.js.publish(subject, payload, { msgID: randomUUID() });
    });
    await sql`drop schema bench_scratch cascade`;
    return {
      payloadBytes: PAYLOAD_BYTES,
      jetstreamPublishPerS,
      jetstreamConsumePerS,
      postgresCommitsPerS,
      transactionAndPublishPerS,
      cpuReferencePerCpuS,
      messages: options.messages,
      loops: options.loops,
      seconds: options.seconds,
    };
  } finally {
    await sql.end({ timeout: 5 });
    await nats.jsm.streams.delete(stream).catch(() => undefined);
  }
}
