import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireRole, requireScope, verifierFor } from '@onego/http';
import { createService } from '@onego/service';
import { createCallerDocuments } from './caller-documents.ts';
import { newbornBundle } from './catalogue/newborn.ts';
import { createClock, testClockRoutes } from './clock.ts';
import type { ApplicationsConfig } from './config.ts';
import { createConsentStore } from './consents.ts';
import { tables } from './db/schema.ts';
import { calendarFrom } from './domain/working-days.ts';
import { observeFigures } from './figures.ts';
import { orchestrationConsumers } from './handlers.ts';
import { createIdentityClient } from './identity-client.ts';
import { createIntake } from './intake.ts';
import { createMaterialLinks } from './materials/links.ts';
import { startReconciler } from './reconciler.ts';
import { applicationRoutes } from './routes/applications.ts';
import { bundleRoutes } from './routes/bundles.ts';
import { clerkRoutes } from './routes/clerk.ts';
import { consentRoutes } from './routes/consents.ts';
import { itemActionRoutes } from './routes/item-actions.ts';
import { liveRoutes } from './routes/live.ts';
import { materialRoutes } from './routes/materials.ts';
import { operatorRoutes } from './routes/operator.ts';
import { ratingRoutes } from './routes/ratings.ts';
import { createApplicationStore } from './store.ts';
import { startDeadlineSupervision } from './supervision.ts';
import { startMaterialsSweeper } from './sweeper.ts';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
const defaultCalendar = fileURLToPath(new URL('./catalogue/calendar-cn.json', import.meta.url));

/** The applications service: intake of one form, and the orchestration of its items. */
export async function buildApplicationsService(config: ApplicationsConfig) {
  const testClock = createClock();
  const clock = config.ONEGO_TEST_CLOCK === '1' ? testClock.now : () => new Date();
  const calendar = calendarFrom(
    JSON.parse(readFileSync(config.HOLIDAY_CALENDAR_FILE ?? defaultCalendar, 'utf8')),
  );
  const verify = verifierFor(config);
  // Applications and their certificates belong to people (citizens; staff acting for them),
  // never to a department system: its client id is no account id, and owner lookups by it
  // failed with a 500 (issue 7's fuzz run). Department systems get a 403 that says so.
  const authenticate = requireScope(verify, 'citizen', 'clerk', 'operator');
  const authorise = requireRole(verify, 'operator');
  const service = await createService({
    name: 'applications',
    operators: authorise,
    schema: 'applications',
    migrationsFolder,
    tables,
    config,
    openApi: {
      title: 'OneGo applications',
      description: 'The bundle catalogue, and applications: one form in, every department’s item tracked.',
      version: '1.0.0',
      prefix: '/api/applications',
    },
  });
  const { app, runtime } = service;
  const links = createMaterialLinks({
    origin: config.PUBLIC_ORIGIN,
    secret: config.MATERIALS_LINK_SECRET,
    ttlMs: config.MATERIALS_LINK_TTL_DAYS * 24 * 3600_000,
    clock,
  });
  const store = createApplicationStore({ outbox: runtime.outbox, links, vault: runtime.vault });
  const context = () => ({
    now: clock(),
    ...(config.ITEM_DELAYED_AFTER_MS !== undefined && { delayedAfterMs: config.ITEM_DELAYED_AFTER_MS }),
  });
  const identity = createIdentityClient({
    baseUrl: config.IDENTITY_URL,
    timeoutMs: config.IDENTITY_TIMEOUT_MS,
  });
  const documents = createCallerDocuments({
    identity,
    vault: runtime.vault,
    ttlMs: config.DOCUMENT_CACHE_TTL_SECONDS * 1000,
  });
  const consents = createConsentStore(runtime.vault);
  const intake = createIntake({ db: runtime.db, store, calendar, clock });
  const routeDeps = { db: runtime.db, store, authenticate, clock, context };
  const citizensOnly = requireScope(verify, 'citizen');
  bundleRoutes(app);
  applicationRoutes(app, { ...routeDeps, intake, consents, documents, citizensOnly });
  consentRoutes(app, { ...routeDeps, consents, documents, citizensOnly });
  clerkRoutes(app, {
    db: runtime.db,
    intake,
    consents,
    identity,
    documents,
    clerksOnly: requireRole(verify, 'clerk'),
    clock,
  });
  itemActionRoutes(app, routeDeps);
  materialRoutes(app, { ...routeDeps, links });
  ratingRoutes(app, { ...routeDeps, authorise, calendar });
  liveRoutes(app, routeDeps);
  operatorRoutes(app, { db: runtime.db, store, authorise, clock });
  observeFigures(runtime.db);
  if (config.ONEGO_TEST_CLOCK === '1') testClockRoutes(app, testClock);

  const background: { stop(): Promise<void> }[] = [];
  return {
    app,
    async start() {
      const deps = { store, namespace: runtime.namespace, bundle: newbornBundle, calendar, clock };
      await service.listen(orchestrationConsumers(deps));
      const sweep = { db: runtime.db, clock, logger: service.logger };
      background.push(
        startMaterialsSweeper({ ...sweep, store, intervalMs: config.MATERIALS_SWEEP_INTERVAL_MS }),
        startDeadlineSupervision({
          ...sweep,
          outbox: runtime.outbox,
          intervalMs: config.DEADLINE_SWEEP_INTERVAL_MS,
        }),
        startReconciler({
          ...sweep,
          store,
          afterMs: config.RECONCILE_AFTER_MS,
          intervalMs: config.RECONCILE_INTERVAL_MS,
        }),
      );
    },
    async stop() {
      await app.close();
      await Promise.all(background.map((b) => b.stop()));
      await runtime.stop();
    },
  };
}
