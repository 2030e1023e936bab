import type { Department, MessageContract } from '@onego/contracts';
import { type Database, poolMax } from '@onego/db';
import {
  backoffMs,
  type ConsumerDefinition,
  createSlots,
  type Logger,
  type MessagingTables,
  type Nats,
  sleep,
  startConsumer,
} from '@onego/messaging';
import type { Vault } from '@onego/vault';

// A department system does not create its consumers: the platform provisions them, and the
// system's credentials would refuse the attempt. Until they exist (the adapters start beside
// the simulators), each system keeps trying to bind, in the background.

export function bindSystems(options: {
  db: Database;
  tables: MessagingTables;
  vault: Vault;
  logger: Logger;
  systems: ReadonlyMap<Department, Nats>;
  consumersOf: (department: Department) => ConsumerDefinition<MessageContract>[];
}) {
  const { db, tables, logger, vault } = options;
  // The systems' batches share the pool, two connections left for the HTTP departments.
  const slots = createSlots(poolMax(process.env.DATABASE_POOL_MAX) - 2);
  const stopping = new AbortController();
  const running: { stop(): Promise<void> }[] = [];

  async function bind(nats: Nats, def: ConsumerDefinition<MessageContract>) {
    for (let attempt = 1; !stopping.signal.aborted; attempt++) {
      try {
        running.push(await startConsumer({ nats, db, tables, logger, vault, slots }, def));
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 20 === 0) {
          logger.info(
            { consumer: def.durable, error: String(error) },
            'waiting for the platform to provision the consumer',
          );
        }
        await sleep(backoffMs(attempt, 100, 2000), stopping.signal);
      }
    }
  }

  const bound = Promise.all(
    [...options.systems].flatMap(([department, nats]) =>
      options.consumersOf(department).map((def) => bind(nats, def)),
    ),
  );
  return {
    /** Resolves once every system is consuming (or stopping). */
    bound,
    async stop() {
      stopping.abort();
      await bound;
      await Promise.all(running.map((r) => r.stop()));
    },
  };
}
