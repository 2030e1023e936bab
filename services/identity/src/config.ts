import { ConfigError, env, loadConfig } from '@onego/config';
import { type MasterKeyRing, masterKeysFromEnvironment } from '@onego/vault';
import { z } from 'zod';

const count = (fallback: number, min: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

export function loadIdentityConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      PORT: env.port(8081),
      HOST: env.host(),
      LOG_LEVEL: env.logLevel(),
      DATABASE_URL: env.postgresUrl(),
      /** The `iss` of every access token: the identity service as seen through the gateway. */
      TOKEN_ISSUER: env.url().default('http://127.0.0.1:8080/api/identity'),
      TOKEN_AUDIENCE: env.optional().default('onego'),
      ACCESS_TOKEN_TTL_SECONDS: count(900, 60, 3600),
      /** Development accounts to create at start when absent (infra/identity/seed.json); unset in production. */
      IDENTITY_SEED_FILE: env.optional(),
      /** Failed sign-ins on one account within the window before it is refused (429) for a while. */
      LOGIN_LOCKOUT_FAILURES: count(5, 1, 100),
      LOGIN_LOCKOUT_WINDOW_SECONDS: count(900, 60, 86_400),
      /** Requests a minute per client address on each route without a tighter limit. */
      RATE_LIMIT_PER_MINUTE: count(300, 1, 100_000),
    },
    source,
  );
}

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;

/**
 * The master keys that wrap the vault's data keys: ONEGO_MASTER_KEYS, `<id>:<base64 32 bytes>`
 * separated by commas, the current one first (development keys when unset, refused unset when
 * ONEGO_ENV is production). Kept out of the configuration object, which may be printed.
 */
export function loadMasterKeys(source: Record<string, string | undefined> = process.env): MasterKeyRing {
  try {
    return masterKeysFromEnvironment(source);
  } catch (error) {
    throw new ConfigError(
      `invalid configuration:\n  ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
