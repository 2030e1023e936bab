import { fileURLToPath } from 'node:url';
import { createNamespace, DEPARTMENTS, type MessageContract } from '@onego/contracts';
import { applyMigrations, openDatabase } from '@onego/db';
import { createHttpApp } from '@onego/http';
import type { ConsumerDefinition, Logger } from '@onego/messaging';
import { masterKeysFromEnvironment, openVault } from '@onego/vault';
import { createAnswerDesk } from './answers.ts';
import type { DepartmentSimulatorsConfig } from './config.ts';
import { tables } from './db/schema.ts';
import { createBehaviours } from './domain/behaviour.ts';
import { bindSystems } from './nats/bind.ts';
import { connectSystems } from './nats/connections.ts';
import { cancellationConsumer, requestConsumer } from './nats/consumers.ts';
import { registerDepartmentApis } from './routes/department-apis.ts';
import { simulatorRoutes } from './routes/simulators.ts';
import { startAnswerScheduler } from './scheduler.ts';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Six simulated department systems in one process, in their own vocabularies: the event-native
 * ones each a NATS client of its own (its own credentials, its own stream), the legacy ones an
 * HTTP API each; with a control API to make them refuse, ask for materials, fail, misbehave or
 * be slow. They stand for systems outside OneGo, so they are not a OneGo service: they have no
 * platform NATS user and create no streams or consumers.
 */
export async function buildDepartmentSimulatorsService(
  config: DepartmentSimulatorsConfig,
  options: { clock?: () => Date } = {},
) {
  const clock = options.clock ?? (() => new Date());
  await applyMigrations(config.DATABASE_URL, { schema: 'department_simulators', folder: migrationsFolder });
  const database = openDatabase(config.DATABASE_URL, { applicationName: 'department-simulators' });
  const app = await createHttpApp({
    name: 'department-simulators',
    logLevel: config.LOG_LEVEL,
    openApi: {
      title: 'OneGo department simulators',
      description:
        'The simulated legacy departments’ own HTTP APIs, and the control API of all six simulated department systems (tests and demo only; not behind the gateway).',
      version: '1.0.0',
      prefix: '/simulators',
    },
    ready: async () => Boolean(await database.sql`select 1`),
  });
  const logger = app.log as Logger;
  // What the department systems received and answered holds personal data: sealed at rest.
  const vault = await openVault({
    sql: database.sql,
    schema: 'department_simulators',
    masterKeys: masterKeysFromEnvironment(),
  });
  const namespace = createNamespace(config.NATS_NAMESPACE);
  const eventNative = DEPARTMENTS.filter((d) => config.DEPARTMENT_TRANSPORT[d] === 'nats');
  const systems = await connectSystems(config, eventNative);
  const behaviours = createBehaviours(config.SIMULATOR_BEHAVIOUR);
  const desk = createAnswerDesk({
    db: database.db,
    vault,
    namespace,
    systems,
    source: '/onego/department-simulators',
    logger,
    clock,
  });
  const deps = { vault, namespace, behaviours, desk, clock };
  simulatorRoutes(app, { db: database.db, behaviours, vault });
  await registerDepartmentApis(app, { db: database.db, vault, behaviours, clock });

  let running: { stop(): Promise<void> }[] = [];
  return {
    app,
    db: database.db,
    behaviours,
    systems,
    async start() {
      const bindings = bindSystems({
        db: database.db,
        tables,
        vault,
        logger,
        systems,
        consumersOf: (department) =>
          [
            requestConsumer(department, deps),
            cancellationConsumer(department, deps),
          ] as ConsumerDefinition<MessageContract>[],
      });
      running = [startAnswerScheduler({ desk, logger, clock }), bindings, desk];
      await app.listen({ port: config.PORT, host: config.HOST });
      return { bound: bindings.bound };
    },
    async stop() {
      await app.close();
      await Promise.all(running.map((r) => r.stop()));
      await Promise.all([...systems.values()].map((s) => s.close()));
      await database.close();
    },
  };
}
