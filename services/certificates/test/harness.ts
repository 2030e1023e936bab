import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import {
  certificateIssued,
  certificateRequested,
  createNamespace,
  type DataOf,
  type Envelope,
  type MessageContract,
} from '@onego/contracts';
import { openDatabase } from '@onego/db';
import { connectNats, createEvent, publishEvent } from '@onego/messaging';
import { createTestDatabase, createTestNamespace, eventually } from '@onego/testing';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys } from '@onego/vault';
import { eq } from 'drizzle-orm';
import { buildCertificatesService } from '../src/app.ts';
import { loadCertificatesConfig } from '../src/config.ts';
import * as schema from '../src/db/schema.ts';
import { openCertificate } from '../src/sealed.ts';
import type { CertificateRequest } from './fixtures.ts';

// The certificates service on its own database and NATS namespace, with what a test needs to
// talk to it as the applications service would: publish requests, and read back what it did.

export const PUBLIC_ORIGIN = 'https://onego.test';
const CONSUMER = 'certificates-certificate-requested';

export async function startCertificates(env: Record<string, string> = {}) {
  const database = await createTestDatabase('certificates');
  const testNamespace = createTestNamespace();
  const namespace = createNamespace(testNamespace.prefix);
  const service = await buildCertificatesService(
    loadCertificatesConfig({
      DATABASE_URL: database.url,
      NATS_URL: testNamespace.natsUrl,
      NATS_NAMESPACE: testNamespace.prefix,
      PORT: '0',
      LOG_LEVEL: 'silent',
      PUBLIC_ORIGIN,
      VERIFY_RATE_LIMIT_PER_MINUTE: '1000',
      ...env,
    }),
  );
  await service.start();
  const nats = await connectNats({ url: testNamespace.natsUrl, name: 'certificates-tests' });
  const handle = openDatabase(database.url, { max: 3 });
  // The service's own data keys (created at its start), to read the sealed columns back.
  const vault = await openVault({
    sql: handle.sql,
    schema: 'certificates',
    masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
  });
  const open = (row: typeof schema.certificates.$inferSelect) => openCertificate(vault, row);
  const stream = namespace.streamOf(certificateRequested);
  let lastSeq = 0;

  const event = (data: CertificateRequest) =>
    createEvent(certificateRequested, data, { source: '/onego/applications', subject: data.applicationId });

  /** Publishes a request as the applications service's relay would (msgID = event id). */
  async function request(data: CertificateRequest | Envelope<CertificateRequest>, msgID?: string) {
    const envelope = 'specversion' in data ? data : event(data);
    const subject = namespace.subject(certificateRequested, envelope.data);
    const ack = msgID
      ? await nats.js.publish(subject, JSON.stringify(envelope), { msgID })
      : await publishEvent(nats.js, subject, envelope);
    lastSeq = Math.max(lastSeq, ack.seq);
    return envelope;
  }

  /** Waits until every request published so far is acked (processed and committed) and the outbox is empty. */
  async function settled() {
    await eventually(
      async () => {
        const info = await nats.jsm.consumers.info(stream, CONSUMER);
        const done =
          info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.stream_seq >= lastSeq;
        return done ? true : undefined;
      },
      20_000,
      'the requests to be processed',
    );
    await eventually(
      async () => {
        return (await handle.db.$count(schema.outboxUnsent)) === 0 ? true : undefined;
      },
      20_000,
      'the outbox to drain',
    );
  }

  return {
    open,
    service,
    db: handle.db,
    schema,
    namespace,
    event,

    request,
    settled,

    /** Publishes any other platform event (not awaited by `settled`). */
    async publish<C extends MessageContract>(contract: C, data: DataOf<C>, subject: string) {
      const event = createEvent(contract, data, { source: '/onego/applications', subject });
      await publishEvent(nats.js, namespace.subject(contract, data), event);
    },

    /** Publishes a request, waits until it is processed, and returns the item's certificates, newest first. */
    async issue(data: CertificateRequest) {
      await request(data);
      await settled();
      const rows = await handle.db
        .select()
        .from(schema.certificates)
        .where(eq(schema.certificates.itemId, data.itemId));
      return rows.map(open).sort((a, b) => b.version - a.version);
    },

    /** POST /api/certificates/verify with a body and content type. */
    async verify(
      body: string | object,
      contentType = typeof body === 'string' ? 'application/vc+jwt' : 'application/json',
    ) {
      const response = await service.app.inject({
        method: 'POST',
        url: '/api/certificates/verify',
        headers: { 'content-type': contentType },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return response;
    },

    /** Every `certificate.issued` event on the stream, read with an ephemeral consumer. */
    async issuedEvents() {
      const info = await nats.jsm.consumers.add(namespace.streamOf(certificateIssued), {
        ack_policy: AckPolicy.None,
        deliver_policy: DeliverPolicy.All,
        filter_subject: namespace.filter(certificateIssued),
      });
      const consumer = await nats.js.consumers.get(namespace.streamOf(certificateIssued), info.name);
      const events: Envelope<DataOf<typeof certificateIssued>>[] = [];
      const pending = info.num_pending;
      while (events.length < pending) {
        const batch = await consumer.fetch({ max_messages: pending - events.length, expires: 2000 });
        for await (const m of batch) events.push(m.json());
      }
      await nats.jsm.consumers.delete(namespace.streamOf(certificateIssued), info.name);
      return events;
    },

    async close() {
      await service.stop();
      await nats.close();
      await handle.close();
      await testNamespace.cleanup();
      await database.drop();
    },
  };
}

export type Certificates = Awaited<ReturnType<typeof startCertificates>>;
