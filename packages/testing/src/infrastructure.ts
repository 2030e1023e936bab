import { connect } from '@nats-io/transport-node';
import postgres from 'postgres';

// Where the tests' Postgres and NATS come from: DATABASE_URL and NATS_URL when given (CI and
// machines with the services installed), otherwise containers when a Docker engine answers.
// With neither, the run fails with a message saying so: integration tests never skip silently.

export interface Infrastructure {
  /** A URL to an existing database; test files create their own databases beside it. */
  databaseUrl: string;
  natsUrl: string;
  source: 'environment' | 'testcontainers';
}

async function reachable(databaseUrl: string, natsUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } finally {
    await sql.end({ timeout: 1 });
  }
  const nc = await connect({ servers: natsUrl, timeout: 5000 });
  const info = nc.info;
  await nc.close();
  if (!info?.jetstream) throw new Error(`NATS at ${natsUrl} does not have JetStream enabled`);
}

export async function provisionInfrastructure(): Promise<{
  infra: Infrastructure;
  stop: () => Promise<void>;
}> {
  const { DATABASE_URL, NATS_URL } = process.env;
  if (DATABASE_URL && NATS_URL) {
    await reachable(DATABASE_URL, NATS_URL).catch((error) => {
      throw new Error(`DATABASE_URL/NATS_URL are set but not usable: ${String(error)}`);
    });
    return {
      infra: { databaseUrl: DATABASE_URL, natsUrl: NATS_URL, source: 'environment' },
      stop: async () => {},
    };
  }
  const { getContainerRuntimeClient, GenericContainer, Wait } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    throw new Error(
      'No Postgres and NATS for the integration tests: set DATABASE_URL and NATS_URL, or start a Docker engine for Testcontainers.',
    );
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [pg, nats] = await Promise.all([
    new PostgreSqlContainer('postgres:15-alpine').withUsername('postgres').withPassword('postgres').start(),
    new GenericContainer('nats:2.10-alpine')
      .withCommand(['-js'])
      .withExposedPorts(4222)
      .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
      .start(),
  ]);
  return {
    infra: {
      databaseUrl: pg.getConnectionUri(),
      natsUrl: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
      source: 'testcontainers',
    },
    stop: async () => {
      await Promise.all([pg.stop(), nats.stop()]);
    },
  };
}
