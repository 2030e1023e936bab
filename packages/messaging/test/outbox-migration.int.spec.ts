import { fileURLToPath } from 'node:url';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { createNamespace } from '@onego/contracts';
import { applyMigrations, type DatabaseHandle, openDatabase } from '@onego/db';
import {
  createTestDatabase,
  createTestNamespace,
  eventually,
  migrateBefore,
  type TestDatabase,
  type TestNamespace,
} from '@onego/testing';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys } from '@onego/vault';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectNats,
  createEvent,
  ensureStreams,
  type Nats,
  outboxAad,
  startOutboxRelay,
} from '../src/index.ts';
import { quietLogger, widgetRenamed } from './fixture/harness.ts';

// An outbox from before it was insert-only (migration 0004), when a row was marked sent by
// setting its published_at: the events it had not sent yet are still to be sent after the
// migration, with their failed attempts, and the ones it had sent are not sent again.

const folder = fileURLToPath(new URL('./fixture/drizzle', import.meta.url));
const schema = 'messaging_fixture';
let database: TestDatabase;
let handle: DatabaseHandle;
let testNamespace: TestNamespace;
let nats: Nats;

beforeAll(async () => {
  database = await createTestDatabase('outbox_migration');
  await migrateBefore(database.url, { schema, folder, before: '0004' });
  handle = openDatabase(database.url, { max: 3 });
  testNamespace = createTestNamespace();
  nats = await connectNats({ url: testNamespace.natsUrl, name: 'outbox-migration-tests' });
});
afterAll(async () => {
  await nats?.close();
  await testNamespace?.cleanup();
  await handle?.close();
  await database?.drop();
});

describe('an outbox from before it was insert-only', () => {
  it('still sends the events it had not sent, keeps their failed attempts, and not the ones it had', async () => {
    // Given an outbox, as the code of then wrote it, with one event sent and two not (one of
    // them failed twice)
    const namespace = createNamespace(testNamespace.prefix);
    const vault = await openVault({
      sql: handle.sql,
      schema,
      masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
    });
    const write = async (
      name: string,
      state: { publishedAt?: string; attempts?: number; lastError?: string },
    ) => {
      const data = { widgetId: crypto.randomUUID(), name, lane: 'migration' };
      const event = createEvent(widgetRenamed, data, { source: '/tests' });
      await handle.sql`
        insert into messaging_fixture.outbox (id, subject, type, payload, headers, published_at, attempts, last_error)
        values (${event.id}, ${namespace.subject(widgetRenamed, data)}, ${event.type},
                ${vault.seal(JSON.stringify(event), outboxAad(event.id))}, '{}'::jsonb,
                ${state.publishedAt ?? null}::timestamptz, ${state.attempts ?? 0}, ${state.lastError ?? null})`;
      return event.id;
    };
    const sent = await write('sent', { publishedAt: new Date().toISOString(), attempts: 1 });
    const failed = await write('failed twice', { attempts: 2, lastError: 'timeout' });
    const waiting = await write('waiting', {});

    // When the service's migrations are brought up to date and its relay runs
    await applyMigrations(database.url, { schema, folder });
    const marks = await handle.sql<{ id: string; attempts: number; last_error: string | null }[]>`
      select id, attempts, last_error from messaging_fixture.outbox_unsent order by attempts`;
    await ensureStreams(nats.jsm, namespace.streams());
    const relay = startOutboxRelay({ sql: handle.sql, schema, js: nats.js, vault, logger: quietLogger });

    // Then the two unsent events were marked unsent, the failed one with its attempts and error
    expect(marks).toEqual([
      { id: waiting, attempts: 0, last_error: null },
      { id: failed, attempts: 2, last_error: 'timeout' },
    ]);
    // And the relay sends those two, and not the one already sent
    await eventually(
      async () =>
        (await handle.sql`select 1 from messaging_fixture.outbox_unsent`).length === 0 ? true : undefined,
      10_000,
      'the relay to send the unsent events',
    );
    await relay.stop();
    const info = await nats.jsm.consumers.add(namespace.streamOf(widgetRenamed), {
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      filter_subject: namespace.filter(widgetRenamed, 'migration'),
    });
    const consumer = await nats.js.consumers.get(namespace.streamOf(widgetRenamed), info.name);
    const ids: string[] = [];
    for await (const m of await consumer.fetch({ max_messages: 10, expires: 1000 }))
      ids.push(m.json<{ id: string }>().id);
    expect(ids.sort()).toEqual([failed, waiting].sort());
    expect(ids).not.toContain(sent);
    // And every event stays in the outbox as history
    expect((await handle.sql`select id from messaging_fixture.outbox`).length).toBe(3);
  });
});
