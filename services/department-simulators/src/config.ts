import { env, loadConfig } from '@onego/config';
import { DEPARTMENTS } from '@onego/contracts';
import { z } from 'zod';
import { behaviourOverridesSchema } from './domain/behaviour.ts';
import { parseTransport } from './domain/transport.ts';

const json = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON' });
    return z.NEVER;
  }
});

const credentials = z.partialRecord(
  z.enum(DEPARTMENTS),
  z.strictObject({ user: env.natsUser().unwrap(), password: z.string().min(1) }),
);

export function loadDepartmentSimulatorsConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      PORT: env.port(8085),
      HOST: env.host(),
      LOG_LEVEL: env.logLevel(),
      DATABASE_URL: env.postgresUrl(),
      NATS_URL: env.natsUrl(),
      NATS_NAMESPACE: env.natsNamespace(),
      /**
       * Each event-native department system's own NATS user: `{ "health": { "user": "health",
       * "password": "…" }, … }`. A department without an entry connects without credentials.
       */
      DEPARTMENT_NATS_CREDENTIALS: json.pipe(credentials).default({}),
      /** Which systems take requests over NATS and which serve HTTP: `department=nats|http,…`. */
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
      /** Per department: { "mode": "approve" | "reject" | "materials" | "fail" | "malformed", "delayMs"?, "rejectCode"?, "rejectReason"?, "materialCode"?, "materialNote"? }. */
      SIMULATOR_BEHAVIOUR: json.pipe(behaviourOverridesSchema).default({}),
    },
    source,
  );
}

export type DepartmentSimulatorsConfig = ReturnType<typeof loadDepartmentSimulatorsConfig>;
