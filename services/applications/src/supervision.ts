import { ITEM_DEPARTMENT, type ItemKey, itemDeadlineWarning } from '@onego/contracts';
import type { Database } from '@onego/db';
import type { Logger, Outbox } from '@onego/messaging';
import { type SQL, sql } from 'drizzle-orm';
import { chinaDate } from './domain/working-days.ts';
import { startPeriodic } from './periodic.ts';
import { record } from './timeline.ts';

// The deadline sweeper. Warnings are rows with one key per (item, level): raising one is an
// INSERT ... ON CONFLICT DO NOTHING, and only the transaction whose insert took effect emits the
// event and the timeline entry. So each warning fires exactly once, with any number of replicas
// sweeping, across restarts, and a sweep that was down on an item's due date still raises its
// yellow before its red. The open items' statuses are spelled out in the statement as in the
// partial index `items_open_due_idx` (schema.ts), so that the planner can use it.

interface Raised {
  item_id: string;
  level: 'yellow' | 'red';
  application_id: string;
  item_key: ItemKey;
  child_index: number;
  due_date: string;
}

/**
 * The sweep's one statement: the open items due (at most 1,000, yellow before red), each
 * warning inserted unless it was raised before, and the ones this statement raised.
 */
export function dueWarningsStatement(today: string, now: Date): SQL {
  return sql`
    with due as (
      select i.id, i.application_id, i.item_key, i.child_index, i.due_date::text as due_date, l.level
      from applications.items i
      join applications.applications a on a.id = i.application_id and a.withdrawn_at is null
      cross join lateral (values ('yellow', 1), ('red', 2)) as l(level, rank)
      where i.status in ('waiting', 'awaiting-materials', 'requested', 'approved')
        and i.due_date <= ${today}::date
        and (l.level = 'yellow' or i.due_date < ${today}::date)
      order by i.id, l.rank
      limit 1000
    ), inserted as (
      insert into applications.deadline_alerts (item_id, level, raised_at)
      select id, level, ${now.toISOString()}::timestamptz from due
      on conflict do nothing
      returning item_id, level
    )
    select d.id as item_id, d.level, d.application_id, d.item_key, d.child_index, d.due_date
    from inserted ins join due d on d.id = ins.item_id and d.level = ins.level
    order by d.id, d.level desc
  `;
}

export async function raiseDueWarnings(db: Database, outbox: Outbox, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const raised = (await tx.execute(dueWarningsStatement(chinaDate(now), now))) as unknown as Raised[];
    for (const r of raised) {
      const department = ITEM_DEPARTMENT[r.item_key];
      const warning = {
        applicationId: r.application_id,
        itemId: r.item_id,
        itemKey: r.item_key,
        childIndex: r.child_index,
        department,
        level: r.level,
        dueDate: r.due_date,
        raisedAt: now.toISOString(),
      };
      await outbox.enqueue(tx, itemDeadlineWarning, warning, { subject: r.application_id });
      await record(tx, r.application_id, 'system:deadline-supervision', now, [
        {
          kind: `deadline.${r.level}`,
          item: { id: r.item_id, itemKey: r.item_key, childIndex: r.child_index },
          details: { dueDate: r.due_date },
        },
      ]);
    }
    return raised.length;
  });
}

export function startDeadlineSupervision(options: {
  db: Database;
  outbox: Outbox;
  clock: () => Date;
  intervalMs: number;
  logger: Logger;
}) {
  return startPeriodic({
    ...options,
    name: 'deadline sweep',
    async round() {
      const raised = await raiseDueWarnings(options.db, options.outbox, options.clock());
      if (raised > 0) options.logger.info({ raised }, 'deadline warnings raised');
    },
  });
}
