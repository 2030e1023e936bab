import { env, loadConfig } from '@onego/config';

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      PORT: env.port(8080),
      HOST: env.host(),
      LOG_LEVEL: env.logLevel(),
      IDENTITY_URL: env.url().default('http://127.0.0.1:8081'),
      APPLICATIONS_URL: env.url().default('http://127.0.0.1:8082'),
      CERTIFICATES_URL: env.url().default('http://127.0.0.1:8083'),
      DEPARTMENT_ADAPTERS_URL: env.url().default('http://127.0.0.1:8084'),
      NATS_URL: env.natsUrl(),
      /** Requests per minute per client address across the whole API: a flood guard, not a quota. */
      RATE_LIMIT_PER_MINUTE: env.port(1200),
      /** The built web pages (default: services/web/dist of this checkout). */
      WEB_ROOT: env.optional(),
    },
    source,
  );
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
