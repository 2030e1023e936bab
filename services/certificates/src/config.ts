import { env, loadConfig } from '@onego/config';
import { identitySettings } from '@onego/http';

export function loadCertificatesConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      PORT: env.port(8083),
      HOST: env.host(),
      LOG_LEVEL: env.logLevel(),
      DATABASE_URL: env.postgresUrl(),
      NATS_URL: env.natsUrl(),
      NATS_NAMESPACE: env.natsNamespace(),
      ...identitySettings,
      /** Where citizens and verifiers reach the platform: issuer and schema URLs are built on it. */
      PUBLIC_ORIGIN: env
        .url()
        .default('http://127.0.0.1:8080')
        .transform((origin) => origin.replace(/\/+$/, '')),
      /** POST /api/certificates/verify requests per minute per client address. */
      VERIFY_RATE_LIMIT_PER_MINUTE: env.port(60),
    },
    source,
  );
}

export type CertificatesConfig = ReturnType<typeof loadCertificatesConfig>;
