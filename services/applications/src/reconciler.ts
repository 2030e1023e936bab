import type { Database } from '@onego/db';
import type { Logger } from '@onego/messaging';
import { and, eq, gte, isNotNull, lt, or } from 'drizzle-orm';
import { items, timeline } from './db/schema.ts';
import type { Transition } from './domain/orchestration.ts';
import { chaseEffects } from './domain/reconciliation.ts';
import { startPeriodic } from './periodic.ts';
import type { ApplicationStore } from './store.ts';

// The reconciler. Postgres is the system of record, JetStream only carries events: if an
// answer never reaches us (JetStream's store lost after a department published its decision,
// before the adapters read it), the item would wait forever. At start and then periodically,
// items at a department with no decision, or approved with no certificate, for longer than
// RECONCILE_AFTER_MS are asked for again through the outbox, under the application's lock,
// with a timeline entry ("item.chased") that also keeps the next chase one period away.
// The lost events the services' own outboxes can re-send are re-sent at start by
// @onego/messaging (republishLostEvents); this covers what only asking again can recover.

export async function chaseStaleItems(
  db: Database,
  store: ApplicationStore,
  now: Date,
  afterMs: number,
): Promise<number> {
  const cutoff = new Date(now.getTime() - afterMs);
  const stale = await db
    .selectDistinct({ applicationId: items.applicationId })
    .from(items)
    .where(
      or(
        and(eq(items.status, 'requested'), lt(items.requestedAt, cutoff)),
        and(eq(items.status, 'approved'), isNotNull(items.certificateType), lt(items.decidedAt, cutoff)),
      ),
    )
    .limit(500);
  let chased = 0;
  for (const { applicationId } of stale) {
    chased += await db.transaction(async (tx) => {
      const locked = await store.lock(tx, applicationId);
      if (!locked || locked.withdrawn) return 0;
      const recent = await tx
        .select({ itemId: timeline.itemId })
        .from(timeline)
        .where(
          and(
            eq(timeline.applicationId, applicationId),
            eq(timeline.kind, 'item.chased'),
            gte(timeline.at, cutoff),
          ),
        );
      const chasedSince = new Set(recent.flatMap((r) => (r.itemId ? [r.itemId] : [])));
      const effects = chaseEffects(locked.rows, chasedSince, cutoff);
      if (effects.length === 0) return 0;
      // Nothing changes state: the transition only carries the requests to send again.
      const transition: Transition = {
        items: locked.states,
        changed: [],
        effects,
        status: locked.app.status,
      };
      const entries = effects.flatMap((effect) => {
        const item = 'itemId' in effect ? locked.states.find((i) => i.id === effect.itemId) : undefined;
        const asked = effect.kind === 'request-certificate' ? 'certificate' : 'department';
        return item ? [{ kind: 'item.chased', item, details: { asked, waitedMoreThanMs: afterMs } }] : [];
      });
      await store.persist(tx, locked.app, transition, now, 'system:reconciler', entries);
      return effects.length;
    });
  }
  return chased;
}

export function startReconciler(options: {
  db: Database;
  store: ApplicationStore;
  clock: () => Date;
  afterMs: number;
  intervalMs: number;
  logger: Logger;
}) {
  return startPeriodic({
    ...options,
    name: 'reconciliation',
    async round() {
      const chased = await chaseStaleItems(options.db, options.store, options.clock(), options.afterMs);
      if (chased > 0) {
        options.logger.warn({ chased, afterMs: options.afterMs }, 'items without an answer asked for again');
      }
    },
  });
}
