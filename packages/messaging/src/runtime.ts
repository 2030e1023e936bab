import { createNamespace, type MessageContract, type Namespace } from '@onego/contracts';
import { applyMigrations, type DatabaseHandle, openDatabase, poolMax } from '@onego/db';
import { type MasterKeyRing, openVault, type Vault } from '@onego/vault';
import { type ConsumerDefinition, startConsumer } from './consumer.ts';
import type { Logger } from './logger.ts';
import { connectNats, ensureStreams, type Nats } from './nats.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import { createOutboxPublisher } from './publisher.ts';
import { republishLostEvents } from './recovery.ts';
import { type Relay, startOutboxRelay } from './relay.ts';
import { messageHistoryMs, startMessageRetention } from './retention.ts';
import { createSlots } from './slots.ts';
import type { MessagingTables } from './tables.ts';

// What every OneGo service that owns tables and speaks NATS does at start and stop, in one
// place: migrations (under an advisory lock), the pool, NATS and its streams (re-publishing what
// a recreated stream lost), the outbox relay, the message history's retention and the
// consumers; then stop in the reverse order so nothing in flight is cut off.

/** How old an unsent outbox row must be before the relay takes it from the publisher. */
const RELAY_GRACE_MS = 5000;
/**
 * How often the relay looks for rows nobody sent when it has not been asked: the publisher
 * reports what it could not send, so this only finds what a crashed replica left, or rows the
 * publisher sent but could not mark. Each look is a transaction, idle or not.
 */
const RELAY_IDLE_MS = 5000;

export interface ServiceRuntimeOptions {
  name: string;
  /** The service's own Postgres schema, and the folder of its checked-in migrations. */
  schema: string;
  migrationsFolder: string;
  tables: MessagingTables;
  databaseUrl: string;
  natsUrl: string;
  natsNamespace: string;
  natsUser?: string;
  natsPassword?: string;
  /** Master keys that wrap the service's data keys (personal data is sealed at rest). */
  masterKeys: MasterKeyRing;
  logger: Logger;
  poolSize?: number;
}

export interface ServiceRuntime extends DatabaseHandle {
  nats: Nats;
  namespace: Namespace;
  outbox: Outbox;
  vault: Vault;
  /** Starts the outbox relay and the consumers; call once routes and handlers are ready. */
  start(consumers: ConsumerDefinition<MessageContract>[]): Promise<void>;
  stop(): Promise<void>;
}

export async function openServiceRuntime(options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
  const keepMessagesMs = messageHistoryMs();
  await applyMigrations(options.databaseUrl, { schema: options.schema, folder: options.migrationsFolder });
  const poolSize = options.poolSize ?? poolMax(process.env.DATABASE_POOL_MAX);
  const database = openDatabase(options.databaseUrl, {
    max: poolSize,
    applicationName: options.name,
  });
  const nats = await connectNats({
    url: options.natsUrl,
    name: options.name,
    // With credentials, replies come on the service's own inbox prefix: its permissions allow
    // `_INBOX_<name>.>` and no other service's replies.
    ...(options.natsUser && {
      user: options.natsUser,
      pass: options.natsPassword,
      inboxPrefix: `_INBOX_${options.natsUser}`,
    }),
  });
  const namespace = createNamespace(options.natsNamespace);
  await ensureStreams(nats.jsm, namespace.streams());
  await republishLostEvents({
    sql: database.sql,
    schema: options.schema,
    jsm: nats.jsm,
    streams: namespace.streams(),
    logger: options.logger,
  });
  const vault = await openVault({
    sql: database.sql,
    schema: options.schema,
    masterKeys: options.masterKeys,
  });
  // Events go out the moment their transaction commits; the relay sweeps up what that missed.
  let relay: Relay | undefined;
  const publisher = createOutboxPublisher({
    sql: database.sql,
    schema: options.schema,
    js: nats.js,
    logger: options.logger,
    unsent: () => relay?.soon(),
  });
  const outbox = createOutbox({
    tables: options.tables,
    namespace,
    source: `/onego/${options.name}`,
    vault,
    publisher: { committed: publisher.committed, kick: () => relay?.kick() },
  });
  const running: { stop(): Promise<void> }[] = [];
  return {
    ...database,
    nats,
    namespace,
    outbox,
    vault,
    async start(consumers) {
      relay = startOutboxRelay({
        sql: database.sql,
        schema: options.schema,
        js: nats.js,
        vault,
        logger: options.logger,
        graceMs: RELAY_GRACE_MS,
        idleMs: RELAY_IDLE_MS,
      });
      running.push(relay);
      running.push(
        startMessageRetention({
          sql: database.sql,
          schema: options.schema,
          logger: options.logger,
          keepMs: keepMessagesMs,
        }),
      );
      // Batches of all the consumers share the pool, two connections left for requests and marks.
      const slots = createSlots(poolSize - 2);
      const deps = { nats, db: database.db, tables: options.tables, logger: options.logger, vault, slots };
      for (const consumer of consumers) running.push(await startConsumer(deps, consumer));
    },
    async stop() {
      await Promise.all(running.map((r) => r.stop()));
      await publisher.stop();
      await nats.close();
      await database.close();
    },
  };
}
