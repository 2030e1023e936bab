import { loadNatsCredentials } from '@onego/config';
import type { MessageContract } from '@onego/contracts';
import { createHttpApp, type HttpAppOptions } from '@onego/http';
import {
  type ConsumerDefinition,
  type Logger,
  type MessagingTables,
  observeMessaging,
  openServiceRuntime,
  type ServiceRuntime,
} from '@onego/messaging';
import { masterKeysFromEnvironment } from '@onego/vault';
import type { FastifyRequest } from 'fastify';
import { deadLetterRoutes, metricsRoute } from './operations.ts';

// @onego/service: a OneGo service that owns tables and speaks NATS and HTTP, assembled the same
// way everywhere: the Fastify app (ready only when its database answers), then the runtime
// (migrations, pool, NATS, streams, outbox). `listen` starts the relay and consumers, then HTTP.

export interface ServiceConfig {
  PORT: number;
  HOST: string;
  LOG_LEVEL: string;
  DATABASE_URL: string;
  NATS_URL: string;
  NATS_NAMESPACE: string;
  /** The service's own NATS user; when a service's configuration omits them, NATS_USER/NATS_PASSWORD are read from the environment. */
  NATS_USER?: string | undefined;
  NATS_PASSWORD?: string | undefined;
}

export interface ServiceOptions {
  name: string;
  /** The service's own Postgres schema and its checked-in migrations. */
  schema: string;
  migrationsFolder: string;
  tables: MessagingTables;
  config: ServiceConfig;
  openApi?: HttpAppOptions['openApi'];
  /** Checks a caller is an operator: enables the service's dead-letter routes. */
  operators?: (request: FastifyRequest) => Promise<void>;
}

export async function createService(options: ServiceOptions) {
  const { config } = options;
  const credentials =
    config.NATS_USER !== undefined
      ? loadNatsCredentials({ NATS_USER: config.NATS_USER, NATS_PASSWORD: config.NATS_PASSWORD })
      : loadNatsCredentials();
  let runtime: ServiceRuntime | undefined;
  const app = await createHttpApp({
    name: options.name,
    logLevel: config.LOG_LEVEL,
    ...(options.openApi && { openApi: options.openApi }),
    ready: async () => Boolean(runtime && (await runtime.sql`select 1`)),
  });
  const opened = await openServiceRuntime({
    name: options.name,
    schema: options.schema,
    migrationsFolder: options.migrationsFolder,
    tables: options.tables,
    databaseUrl: config.DATABASE_URL,
    natsUrl: config.NATS_URL,
    natsNamespace: config.NATS_NAMESPACE,
    ...(credentials && { natsUser: credentials.user, natsPassword: credentials.password }),
    masterKeys: masterKeysFromEnvironment(),
    logger: app.log as Logger,
  });
  runtime = opened;
  metricsRoute(app);
  observeMessaging(opened.sql, options.schema, options.name);
  if (options.operators) {
    deadLetterRoutes(
      app,
      options.name,
      { db: opened.db, tables: options.tables, nats: opened.nats, vault: opened.vault },
      options.operators,
    );
  }
  return {
    app,
    runtime: opened,
    logger: app.log as Logger,
    async listen(consumers: ConsumerDefinition<MessageContract>[]) {
      await opened.start(consumers);
      await app.listen({ port: config.PORT, host: config.HOST });
    },
  };
}

export type Service = Awaited<ReturnType<typeof createService>>;
