import { env, loadConfig } from '@onego/config';
import { identitySettings } from '@onego/http';
import { z } from 'zod';
import { parseTransport } from './domain/transport.ts';

const ms = (fallback: number) => z.coerce.number().int().min(1).max(3_600_000).default(fallback);

export function loadDepartmentAdaptersConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      PORT: env.port(8084),
      HOST: env.host(),
      LOG_LEVEL: env.logLevel(),
      DATABASE_URL: env.postgresUrl(),
      NATS_URL: env.natsUrl(),
      NATS_NAMESPACE: env.natsNamespace(),
      ...identitySettings,
      NATS_USER: env.natsUser(),
      NATS_PASSWORD: env.natsPassword(),
      /** Which departments are reached over NATS and which over HTTP: `department=nats|http,…`. */
      DEPARTMENT_TRANSPORT: z
        .string()
        .default('')
        .transform((text, ctx) => {
          const parsed = parseTransport(text);
          if (typeof parsed === 'string') {
            ctx.addIssue({ code: 'custom', message: parsed });
            return z.NEVER;
          }
          return parsed;
        }),
      /** Where the HTTP-style departments' APIs are: `<base>/<department>/api/v1/…`. */
      DEPARTMENT_HTTP_BASE_URL: env.url().default('http://127.0.0.1:8085'),
      /** One call to a department's HTTP API gives up after this long (then retries later). */
      DEPARTMENT_HTTP_TIMEOUT_MS: ms(5000),
      /**
       * The largest answer body read from a department, in bytes. Their answers are small JSON
       * (a decision is well under 4 KB); a larger one is not buffered, not used, and set aside
       * for an operator with its first 4 KB.
       */
      DEPARTMENT_HTTP_MAX_ANSWER_BYTES: z.coerce
        .number()
        .int()
        .min(1024)
        .max(16 * 1024 * 1024)
        .default(64 * 1024),
      /**
       * Calls in flight to one department at most (and so connections open to it). A department
       * slow to answer fills its own window, not the others'; when it is full, more of its calls
       * are taken when half of them are answered.
       */
      DEPARTMENT_HTTP_WINDOW: z.coerce.number().int().min(1).max(1024).default(64),
      /** Backoff with full jitter between retries: the first ceiling, and the largest. */
      DEPARTMENT_HTTP_RETRY_BASE_MS: ms(1000),
      DEPARTMENT_HTTP_RETRY_MAX_MS: ms(60_000),
      /** How often to ask an HTTP-style department whether it has decided. */
      DEPARTMENT_HTTP_POLL_MS: ms(1000),
      /**
       * The longest the calling worker sleeps when nothing is due. It wakes sooner for calls it
       * scheduled itself and for new ones committed in this process; this bounds how long a call
       * of another replica's, or one whose worker died, waits to be taken. Each look is a
       * transaction, so it is not shorter: 200 ms made half an idle platform's transactions.
       */
      DEPARTMENT_HTTP_IDLE_MS: ms(1000),
      /** Circuit breaker per department: consecutive failures that open it, and the cool-down. */
      DEPARTMENT_BREAKER_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
      DEPARTMENT_BREAKER_COOLDOWN_MS: ms(30_000),
    },
    source,
  );
}

export type DepartmentAdaptersConfig = ReturnType<typeof loadDepartmentAdaptersConfig>;
