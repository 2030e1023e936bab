import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';

// Synthetic history for the "growth with data" runs: completed newborn applications written
// straight into the applications service's tables (applications, items, timeline) and their
// certificates into the certificates service's, with INSERT ... SELECT generate_series, as many
// rows per application as a real single-child one leaves (6 items, 24 timeline entries, 5
// certificates). The sealed columns get random base64url of the real
// sealed length, since ciphertext does not compress: the tables and their TOAST take the space
// real ones would. Nothing reads these rows back (their owners are random and nobody signs in
// as them); they are there so indexes, plans and caches meet a realistic amount of data.

const BATCH = 50_000;

/** The newborn items as the catalogue defines them (services/applications/src/catalogue/newborn.ts). */
const ITEMS = [
  ['birth-certificate', 'health', '{}', 'birth-medical-certificate', 0],
  ['household-registration', 'public-security', '{birth-certificate}', 'household-registration-record', 1],
  ['vaccination-certificate', 'cdc', '{birth-certificate}', 'vaccination-certificate', 1],
  ['child-health-handbook', 'maternal-child-health', '{birth-certificate}', 'child-health-handbook', 1],
  [
    'medical-insurance-enrolment',
    'medical-insurance',
    '{household-registration}',
    'medical-insurance-enrolment-voucher',
    2,
  ],
  ['social-security-card', 'social-security', '{household-registration}', null, 2],
] as const;

const sealedLike = (bytes: number) => `v1.bench-preload.${randomBytes(bytes).toString('base64url')}`;

/**
 * Adds synthetic applications until `target` exist (`current` already do), in batches of
 * 50,000 applications, each batch its own statement and transaction. Returns the new count.
 */
export async function preloadApplications(
  sql: postgres.Sql,
  current: number,
  target: number,
  log: (line: string) => void,
): Promise<number> {
  if (target <= current) return current;
  // About the sealed sizes of the canonical single-child form and of a department's outputs.
  const form = sealedLike(1200);
  const outputs = sealedLike(120);
  const certificate = { credential: sealedLike(1800), facts: sealedLike(300) };
  const started = Date.now();
  let count = current;
  while (count < target) {
    const n = Math.min(BATCH, target - count);
    await insertBatch(sql, count, n, { form, outputs, ...certificate });
    count += n;
    const rate = (count - current) / ((Date.now() - started) / 1000);
    log(
      `preload: ${count.toLocaleString('en')} / ${target.toLocaleString('en')} applications (${Math.round(rate)}/s)`,
    );
  }
  log('preload: analyze');
  await sql`analyze applications.applications, applications.items, applications.timeline, certificates.certificates`;
  return count;
}

interface Sealed {
  form: string;
  outputs: string;
  credential: string;
  facts: string;
}

async function insertBatch(sql: postgres.Sql, offset: number, n: number, sealed: Sealed) {
  const { form, outputs } = sealed;
  const items = JSON.stringify(
    ITEMS.map(([key, department, dependsOn, certificate, stage]) => ({
      key,
      department,
      dependsOn,
      certificate,
      stage,
    })),
  );
  // Submitted over the past year, newest first, a few seconds apart; completed 2 s later with
  // the items done stage by stage (birth certificate, then what it unlocks, then the rest).
  await sql`
    with apps as (
      insert into applications.applications
        (id, owner_id, bundle, status, form_sealed, children_masked, items, late, idempotency_key,
         request_hash, submitted_at, due_date, completed_at, region, trace_id)
      select gen_random_uuid(), gen_random_uuid(), 'newborn', 'completed', ${form}, array['王*满'],
             array(select x->>'key' from jsonb_array_elements(${items}::text::jsonb) x), false, null,
             'bench-preload', s.at, (s.at + interval '20 days')::date, s.at + interval '2 seconds',
             (array['汨罗市','岳阳县','平江县','湘阴县','临湘市'])[1 + g % 5], md5(g::text) || md5((g + 1)::text)
      from generate_series(${offset + 1}::bigint, ${offset + n}::bigint) g,
           lateral (select now() - interval '1 hour' - (g % 31536000) * interval '1 second' as at) s
      returning id, owner_id, submitted_at, due_date
    ),
    its as (
      insert into applications.items
        (id, application_id, child_index, item_key, department, status, depends_on, certificate_type,
         due_date, attempt, materials, requested_at, decided_at, completed_at, outputs_sealed, certificate_id)
      select gen_random_uuid(), a.id, 0, i->>'key', i->>'department', 'completed',
             (i->>'dependsOn')::text[], i->>'certificate', a.due_date, 1, '[]'::jsonb,
             a.submitted_at + (i->>'stage')::int * interval '400 ms',
             a.submitted_at + (i->>'stage')::int * interval '400 ms' + interval '150 ms',
             a.submitted_at + (i->>'stage')::int * interval '400 ms' + interval '250 ms',
             ${outputs}, case when i->>'certificate' is null then null else md5(a.id::text || (i->>'key')) end
      from apps a cross join jsonb_array_elements(${items}::text::jsonb) i
      returning id, application_id, item_key, department, certificate_type, requested_at, decided_at, completed_at,
                certificate_id
    ),
    -- Each certificate the items name, in the certificates service's table, its serial the
    -- next of its type after those already there (as the allocator numbers them).
    certs as (
      insert into certificates.certificates
        (id, application_id, owner_id, item_id, child_index, item_key, department, certificate_type,
         serial, version, issuer_kid, credential_sealed, facts_sealed, issued_at)
      select i.certificate_id, i.application_id, a.owner_id, i.id, 0, i.item_key, i.department,
             i.certificate_type,
             (select coalesce(max(c.serial), 0) from certificates.certificates c
               where c.department = i.department and c.certificate_type = i.certificate_type)
               + row_number() over (partition by i.certificate_type order by i.id),
             1, 'bench-preload', ${sealed.credential}, ${sealed.facts}, i.completed_at
      from its i join apps a on a.id = i.application_id
      where i.certificate_type is not null
    ),
    entries as (
      select application_id, requested_at as at, 'item.requested' as kind, id, item_key, department from its
      union all
      select application_id, decided_at, 'item.approved', id, item_key, department from its where certificate_type is not null
      union all
      select application_id, completed_at, 'certificate.issued', null, null, null from its where certificate_type is not null
      union all
      select application_id, completed_at, 'item.completed', id, item_key, department from its
      union all
      select id, submitted_at, 'application.submitted', null, null, null from apps
      union all
      select id, submitted_at + interval '2 seconds', 'application.completed', null, null, null from apps
    )
    insert into applications.timeline
      (application_id, at, kind, item_id, item_key, department, child_index, attempt, actor, details, trace_id)
    select application_id, at, kind, id, item_key, department,
           case when id is null then null else 0 end, case when id is null then null else 1 end,
           case kind when 'item.approved' then 'department:' || department
                     when 'application.submitted' then 'citizen:bench-preload'
                     else 'system:certificates' end,
           '{}'::jsonb, null
    from entries`;
}
