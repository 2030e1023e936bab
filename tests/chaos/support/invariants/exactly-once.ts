import { type Evidence, type InvariantResult, result } from './types.ts';

// 2. Exactly one decision per (application, child, item) and exactly one certificate per
// (application, child, certificate type): the constraints that make a second one impossible
// exist, and counting finds exactly one of each, no fewer, no more.

const CONSTRAINTS = [
  'items_one_per_child', // applications.items (application, child, item)
  'exchanges_item_attempt', // department_adapters.exchanges (item, attempt): one request, one outcome
  'certificates_item_version', // certificates.certificates (item, version)
  'certificates_one_per_child_type', // certificates.certificates (application, child, type, version)
];
const DECISION_KINDS = ['item.approved', 'item.completed', 'item.rejected', 'item.awaiting-materials'];

export async function exactlyOnce(e: Evidence): Promise<InvariantResult> {
  const { sql } = e.cp;
  const ids = [...e.accepted, ...e.unacknowledged];
  const problems: string[] = [];
  const present = await sql<{ conname: string }[]>`
    select conname from pg_constraint where conname = any(${CONSTRAINTS}) and contype in ('u', 'p')`;
  for (const name of CONSTRAINTS.filter((c) => !present.some((p) => p.conname === c))) {
    problems.push(`constraint ${name} is missing`);
  }
  const decisions = await sql<
    { id: string; item_key: string; decisions: number; exchanges: number; decided: number }[]
  >`
    select i.id, i.item_key,
      (select count(*)::int from applications.timeline t
        where t.item_id = i.id and t.actor like 'department:%' and t.kind = any(${DECISION_KINDS})) as decisions,
      (select count(*)::int from department_adapters.exchanges x where x.item_id = i.id) as exchanges,
      (select count(x.decided_at)::int from department_adapters.exchanges x where x.item_id = i.id) as decided
    from applications.items i where i.application_id = any(${ids}::uuid[])`;
  for (const d of decisions.filter((d) => d.decisions !== 1 || d.exchanges !== 1 || d.decided !== 1)) {
    problems.push(
      `item ${d.id} (${d.item_key}): ${d.decisions} decisions recorded, ${d.exchanges} exchanges, ${d.decided} decided`,
    );
  }
  const certificates = await sql<
    { item_id: string; certificate_type: string; issued: number; linked: number }[]
  >`
    select i.id as item_id, i.certificate_type,
      (select count(*)::int from certificates.certificates c
        where c.application_id = i.application_id and c.child_index = i.child_index
          and c.certificate_type = i.certificate_type) as issued,
      (select count(*)::int from certificates.certificates c where c.id = i.certificate_id and c.item_id = i.id) as linked
    from applications.items i
    where i.application_id = any(${ids}::uuid[]) and i.certificate_type is not null`;
  for (const c of certificates.filter((c) => c.issued !== 1 || c.linked !== 1)) {
    problems.push(
      `item ${c.item_id} (${c.certificate_type}): ${c.issued} certificates issued, ${c.linked} linked to the item`,
    );
  }
  return result(
    '2',
    'exactly one decision per (application, child, item) and one certificate per (application, child, type), enforced by constraints',
    {
      constraintsPresent: present.length,
      items: decisions.length,
      itemsWithExactlyOneDecision: decisions.filter((d) => d.decisions === 1 && d.decided === 1).length,
      itemsWithMoreThanOneDecision: decisions.filter((d) => d.decisions > 1 || d.decided > 1).length,
      certificateItems: certificates.length,
      certificatesIssued: certificates.reduce((n, c) => n + c.issued, 0),
      itemsWithMoreThanOneCertificate: certificates.filter((c) => c.issued > 1).length,
    },
    problems,
  );
}
