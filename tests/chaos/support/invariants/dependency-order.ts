import { type Evidence, type InvariantResult, result } from './types.ts';

// 3. Dependency order held: no item was requested before the items it depends on (same child)
// were approved. Checked twice: in the applications service's timeline (when it asked), and at
// the adapters (when the request reached the department side, against when the dependency's
// decision came back from its department).

export async function dependencyOrder(e: Evidence): Promise<InvariantResult> {
  const { sql } = e.cp;
  const ids = [...e.accepted, ...e.unacknowledged];
  const pairs = await sql<
    {
      item: string;
      item_key: string;
      dependency_key: string;
      requested_at: Date | null;
      dependency_approved_at: Date | null;
      sent_at: Date | null;
      dependency_answered_at: Date | null;
    }[]
  >`
    select i.id as item, i.item_key, d.item_key as dependency_key,
      (select min(t.at) from applications.timeline t
        where t.item_id = i.id and t.kind = 'item.requested') as requested_at,
      (select min(t.at) from applications.timeline t
        where t.item_id = d.id and t.actor like 'department:%'
          and t.kind in ('item.approved', 'item.completed')) as dependency_approved_at,
      (select min(x.requested_at) from department_adapters.exchanges x where x.item_id = i.id) as sent_at,
      (select min(x.decided_at) from department_adapters.exchanges x
        where x.item_id = d.id and x.outcome = 'approved') as dependency_answered_at
    from applications.items i
    join applications.items d on d.application_id = i.application_id
      and d.child_index = i.child_index and d.item_key = any(i.depends_on)
    where i.application_id = any(${ids}::uuid[])`;
  const problems: string[] = [];
  const before = (a: Date | null, b: Date | null) => a !== null && (b === null || a.getTime() < b.getTime());
  let orderedInTimeline = 0;
  let orderedAtAdapters = 0;
  for (const p of pairs) {
    if (before(p.requested_at, p.dependency_approved_at)) {
      problems.push(`${p.item_key} ${p.item} requested before ${p.dependency_key} was approved`);
    } else orderedInTimeline += 1;
    if (before(p.sent_at, p.dependency_answered_at)) {
      problems.push(
        `${p.item_key} ${p.item} sent to its department before ${p.dependency_key}'s answer came back`,
      );
    } else orderedAtAdapters += 1;
  }
  return result(
    '3',
    'dependency order held: nothing requested before what it depends on was approved',
    { dependencyPairs: pairs.length, orderedInTimeline, orderedAtAdapters },
    problems,
  );
}
