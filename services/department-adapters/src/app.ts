import { fileURLToPath } from 'node:url';
import { requireAuth, requireRole, verifierFor } from '@onego/http';
import { createService } from '@onego/service';
import type { DepartmentAdaptersConfig } from './config.ts';
import { adapterConsumers } from './consumers/index.ts';
import { tables } from './db/schema.ts';
import { type Dispatcher, startDispatcher } from './dispatch/dispatcher.ts';
import { createDepartmentApi } from './http/department-api.ts';
import { provisionDepartmentConsumers } from './provision.ts';
import { caseRoutes } from './routes/cases.ts';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * The department adapters: between OneGo's canonical item events and each department system's
 * own vocabulary, over the department's NATS stream or its HTTP API. Their HTTP API is each
 * department's worklist of cases and the operators' dead letters.
 */
export async function buildDepartmentAdaptersService(
  config: DepartmentAdaptersConfig,
  options: { clock?: () => Date } = {},
) {
  const clock = options.clock ?? (() => new Date());
  const verify = verifierFor(config);
  const service = await createService({
    name: 'department-adapters',
    operators: requireRole(verify, 'operator'),
    schema: 'department_adapters',
    migrationsFolder,
    tables,
    config,
    openApi: {
      title: 'OneGo department adapters',
      description:
        'Each department’s worklist of cases, and the operators’ view of decisions and answers set aside as dead letters.',
      version: '1.0.0',
      prefix: '/api/department-adapters',
    },
  });
  const { app, runtime } = service;
  caseRoutes(app, { db: runtime.db, authenticate: requireAuth(verify) });
  const deps = {
    outbox: runtime.outbox,
    namespace: runtime.namespace,
    logger: app.log,
    clock,
    transport: config.DEPARTMENT_TRANSPORT,
    vault: runtime.vault,
    dispatched: () => dispatcher?.wake(),
  };
  let dispatcher: Dispatcher | undefined;
  return {
    app,
    runtime,
    dispatcher: () => dispatcher,
    async start() {
      await provisionDepartmentConsumers(runtime.nats.jsm, runtime.namespace);
      await service.listen(adapterConsumers(deps));
      dispatcher = startDispatcher({
        ...deps,
        db: runtime.db,
        api: createDepartmentApi({
          baseUrl: config.DEPARTMENT_HTTP_BASE_URL,
          timeoutMs: config.DEPARTMENT_HTTP_TIMEOUT_MS,
          maxAnswerBytes: config.DEPARTMENT_HTTP_MAX_ANSWER_BYTES,
        }),
        retry: { baseMs: config.DEPARTMENT_HTTP_RETRY_BASE_MS, maxMs: config.DEPARTMENT_HTTP_RETRY_MAX_MS },
        breaker: {
          failureThreshold: config.DEPARTMENT_BREAKER_THRESHOLD,
          coolDownMs: config.DEPARTMENT_BREAKER_COOLDOWN_MS,
        },
        pollMs: config.DEPARTMENT_HTTP_POLL_MS,
        idleMs: config.DEPARTMENT_HTTP_IDLE_MS,
        timeoutMs: config.DEPARTMENT_HTTP_TIMEOUT_MS,
        window: config.DEPARTMENT_HTTP_WINDOW,
      });
    },
    async stop() {
      await app.close();
      await dispatcher?.stop();
      await runtime.stop();
    },
  };
}
