import { randomUUID } from 'node:crypto';
import { pause } from '../support/faults.ts';
import { type InvariantResult, result } from '../support/invariants/index.ts';
import { latestEvent, publish } from '../support/messages.ts';
import type { Scenario, ScenarioContext } from '../support/scenario.ts';

// Duplicate publications of real events, as a producer that retries (or a relay that crashed
// between publishing and marking sent) would make them:
//   a. the same message, same msgID, inside JetStream's duplicate window: JetStream drops it;
//   b. the same message under a msgID JetStream no longer remembers (as after the 2-minute
//      window): stored and delivered again, recognised by the consumer's inbox;
//   c. the same data as a new event (new id): the handler runs and changes nothing;
//   d. (long profile) the same message and msgID again after waiting out the window.
// For every application touched, each item still has one decision, one request sent and one
// certificate, and the certificate was announced once.

const EVENTS = [
  'onego.item.requested.v1.*',
  'onego.item.decided.v1.*',
  'onego.certificate.requested.v1.*',
  'onego.certificate.issued.v1.*',
] as const;

async function touchedApplicationsUnchanged(
  ctx: ScenarioContext,
  touched: Set<string>,
): Promise<InvariantResult> {
  const ids = [...touched];
  const rows = await ctx.cp.sql<
    { id: string; decisions: number; exchanges: number; certificates: number; announced: number }[]
  >`
    select i.id,
      (select count(*)::int from applications.timeline t where t.item_id = i.id and t.actor like 'department:%'
        and t.kind in ('item.approved', 'item.completed', 'item.rejected')) as decisions,
      (select count(*)::int from department_adapters.exchanges x where x.item_id = i.id) as exchanges,
      (select count(*)::int from certificates.certificates c where c.item_id = i.id) as certificates,
      (select count(*)::int from applications.timeline t where t.application_id = i.application_id
        and t.kind = 'certificate.issued' and t.details->>'certificateId' = i.certificate_id) as announced
    from applications.items i where i.application_id = any(${ids}::uuid[])`;
  const wrong = rows.filter(
    (r) => r.decisions !== 1 || r.exchanges !== 1 || r.certificates > 1 || r.announced > 1,
  );
  return result(
    'duplicates-no-effect',
    'the duplicates changed nothing: one decision, one request, one certificate per item',
    { applicationsTouched: ids.length, items: rows.length, itemsChanged: wrong.length },
    wrong.map((r) => `${r.id}: ${JSON.stringify(r)}`),
  );
}

export const duplicates: Scenario = {
  name: 'duplicates',
  title: 'duplicate publications inside and beyond the dedup window, and as new events',
  async inject(ctx) {
    const { cp } = ctx;
    const touched = new Set<string>();
    const counts = {
      sameMsgIdDropped: 0,
      sameMsgIdStored: 0,
      freshMsgIdStored: 0,
      newEventIdStored: 0,
      pastWindowStored: 0,
    };
    const stored = [];
    for (const filter of EVENTS) {
      const event = await latestEvent(cp, filter);
      stored.push(event);
      touched.add(String(event.envelope.data.applicationId));
      await ctx.faults.window(
        { kind: 'duplicate publication', target: filter, detail: `of stream seq ${event.seq}` },
        async () => {
          const same = await publish(cp, event.subject, event.text, event.msgID);
          if (same.duplicate) counts.sameMsgIdDropped += 1;
          else counts.sameMsgIdStored += 1;
          await publish(cp, event.subject, event.text, `${event.msgID}:after-the-window`);
          counts.freshMsgIdStored += 1;
          const copy = { ...event.envelope, id: randomUUID() };
          await publish(cp, event.subject, JSON.stringify(copy), copy.id);
          counts.newEventIdStored += 1;
        },
        async () => {},
      );
    }
    if (ctx.profile.waitPastDuplicateWindow) {
      await pause(125_000);
      for (const event of stored) {
        const again = await publish(cp, event.subject, event.text, event.msgID);
        if (!again.duplicate) counts.pastWindowStored += 1;
      }
    }
    ctx.checks.push(
      result(
        'dedup-window',
        'JetStream dropped each same-msgID copy inside its duplicate window (and kept those past it)',
        counts,
        [
          ...(counts.sameMsgIdStored > 0 ? [`${counts.sameMsgIdStored} same-msgID copies were stored`] : []),
          ...(ctx.profile.waitPastDuplicateWindow && counts.pastWindowStored !== stored.length
            ? ['a copy published after the window was dropped']
            : []),
        ],
      ),
    );
    ctx.afterQuiet.push(() => touchedApplicationsUnchanged(ctx, touched));
  },
};
