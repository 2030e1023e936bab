import { env, loadConfig } from '@onego/config';
import { identitySettings } from '@onego/http';
import { z } from 'zod';

export function loadApplicationsConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      PORT: env.port(8082),
      HOST: env.host(),
      LOG_LEVEL: env.logLevel(),
      DATABASE_URL: env.postgresUrl(),
      NATS_URL: env.natsUrl(),
      NATS_NAMESPACE: env.natsNamespace(),
      ...identitySettings,
      /** The identity service, called with the caller's own token (their document; a clerk's lookups). */
      IDENTITY_URL: env.url().default('http://127.0.0.1:8081'),
      IDENTITY_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3_000),
      /** How long a citizen's document hash is remembered for their session (never past the token's expiry). */
      DOCUMENT_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
      /** JSON file with { holidays: [...], workdays: [...] }; defaults to the bundled calendar. */
      HOLIDAY_CALENDAR_FILE: env.optional(),
      PUBLIC_ORIGIN: env.url().default('http://127.0.0.1:8080'),
      /** Signs the links departments fetch supplied materials with. Set a long random secret in production. */
      MATERIALS_LINK_SECRET: z
        .string()
        .min(32, 'must be at least 32 characters')
        .default('development-only-materials-link-secret-0001'),
      MATERIALS_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
      /** How often items whose materials are overdue are looked for. */
      MATERIALS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
      /** How often deadline warnings (yellow, red) are looked for. */
      DEADLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
      /** Items without an answer this long are asked for again (the reconciler); keep it past any healthy wait. */
      RECONCILE_AFTER_MS: z.coerce.number().int().min(1000).default(3_600_000),
      /** How often the reconciler looks for them. */
      RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(300_000),
      /** Overrides the catalogue's expected turnaround: an item at a department longer is shown as delayed. */
      ITEM_DELAYED_AFTER_MS: z.coerce.number().int().min(0).optional(),
      /** Tests only: a clock that POST /internal/test-clock can move forward (never set in production). */
      ONEGO_TEST_CLOCK: z.enum(['0', '1']).default('0'),
    },
    source,
  );
}

export type ApplicationsConfig = ReturnType<typeof loadApplicationsConfig>;
