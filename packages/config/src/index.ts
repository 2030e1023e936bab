import { z } from 'zod';

// Configuration is read once at start, validated against a schema and typed. A missing or bad
// variable stops the start with a message naming it, never a crash half-way through.

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: Record<string, string | undefined> = process.env,
): z.output<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
}

/** Common variables, so every service names and checks them the same way. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  url: () => z.url({ message: 'must be a URL' }),
  postgresUrl: () =>
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
      .default('postgres://postgres@127.0.0.1:5432/onego'),
  natsUrl: () =>
    z
      .string()
      .regex(/^(nats|tls):\/\//, 'must be a nats:// URL')
      .default('nats://127.0.0.1:4222'),
  natsNamespace: () =>
    z
      .string()
      .regex(/^([a-z][a-z0-9-]{0,31})?$/, 'must be lowercase letters, digits and dashes')
      .default(''),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  host: () => z.string().default('127.0.0.1'),
  optional: () => z.string().min(1).optional(),
  /** NATS user name, when the server requires credentials (one user per service). */
  natsUser: () =>
    z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes')
      .optional(),
  natsPassword: () => z.string().min(1).optional(),
};

/**
 * NATS_USER and NATS_PASSWORD: both or neither. For services whose own configuration does not
 * list them; undefined when the server needs no credentials.
 */
export function loadNatsCredentials(
  source: Record<string, string | undefined> = process.env,
): { user: string; password: string } | undefined {
  const { NATS_USER, NATS_PASSWORD } = loadConfig(
    { NATS_USER: env.natsUser(), NATS_PASSWORD: env.natsPassword() },
    source,
  );
  if (NATS_USER === undefined && NATS_PASSWORD === undefined) return undefined;
  if (NATS_USER === undefined || NATS_PASSWORD === undefined) {
    throw new ConfigError(
      `invalid configuration:\n  ${NATS_USER === undefined ? 'NATS_USER' : 'NATS_PASSWORD'}: must be set together with ${NATS_USER === undefined ? 'NATS_PASSWORD' : 'NATS_USER'}`,
    );
  }
  return { user: NATS_USER, password: NATS_PASSWORD };
}

/**
 * Runs a service: `start` returns its stop function. A configuration error becomes one clear
 * line and exit code 78 (EX_CONFIG); SIGINT/SIGTERM stop it gracefully (stop taking work,
 * finish what is in flight, drain NATS, close the pool), with a deadline.
 */
export async function runService(name: string, start: () => Promise<() => Promise<void>>, graceMs = 15_000) {
  let stop: () => Promise<void>;
  try {
    stop = await start();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${name}: ${error.message}`);
      process.exit(78);
    }
    console.error(`${name}: failed to start`, error);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      console.error(`${name}: did not stop within ${graceMs} ms after ${signal}; exiting`);
      process.exit(1);
    }, graceMs);
    deadline.unref();
    try {
      await stop();
      process.exit(0);
    } catch (error) {
      console.error(`${name}: error while stopping`, error);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
