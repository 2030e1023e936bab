import type { Database } from '@onego/db';
import type { Logger } from '@onego/messaging';
import { eq } from 'drizzle-orm';
import { items } from './db/schema.ts';
import { expireMaterials, MATERIALS_NOT_SUPPLIED } from './domain/corrections.ts';
import { chinaDate } from './domain/working-days.ts';
import { startPeriodic } from './periodic.ts';
import type { ApplicationStore } from './store.ts';

// Materials not supplied by their deadline: the item is rejected with that reason. The sweep
// runs in every replica; each application is changed under its row lock and the change is
// decided from the locked state, so two replicas sweeping at once reject an item once.

export async function sweepOverdueMaterials(
  db: Database,
  store: ApplicationStore,
  now: Date,
): Promise<number> {
  const waiting = await db
    .selectDistinct({ applicationId: items.applicationId })
    .from(items)
    .where(eq(items.status, 'awaiting-materials'));
  let rejected = 0;
  for (const { applicationId } of waiting) {
    rejected += await db.transaction(async (tx) => {
      const locked = await store.lock(tx, applicationId);
      if (!locked || locked.withdrawn) return 0;
      const expiry = expireMaterials(locked.states, chinaDate(now));
      if (!expiry) return 0;
      for (const item of expiry.expired) {
        await store.patchItem(tx, applicationId, item.id, { reason: MATERIALS_NOT_SUPPLIED });
      }
      await store.persist(tx, locked.app, expiry.transition, now, 'system:materials-deadline');
      return expiry.expired.length;
    });
  }
  return rejected;
}

export function startMaterialsSweeper(options: {
  db: Database;
  store: ApplicationStore;
  clock: () => Date;
  intervalMs: number;
  logger: Logger;
}) {
  return startPeriodic({
    ...options,
    name: 'materials sweep',
    async round() {
      const rejected = await sweepOverdueMaterials(options.db, options.store, options.clock());
      if (rejected > 0) options.logger.info({ rejected }, 'items rejected: materials not supplied in time');
    },
  });
}
