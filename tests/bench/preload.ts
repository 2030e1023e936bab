import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';

// Synthetic history for the "growth with data" runs: completed newborn applications written
// straight into the applications service's tables (applications, items, timeline) with
// INSERT ... SELECT generate_series, as many rows per application as a real single-child one
// leaves (6 items, 24 timeline entries). The sealed columns get random base64url of the real
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
  const started = Date.now();
  let count = current;
  while (count < target) {
    const n = Math.min(BATCH, target - count);
    await insertBatch(sql, count, n, form, outputs);
    count += n;
    const rate = (count - current) / ((Date.now() - started) / 1000);
    log(
      `preload: ${count.toLocaleString('en')} / ${target.toLocaleString('en')} applications (${Math.round(rate)}/s)`,
    );
  }
  log('preload: analyze');
  await sql`analyze applications.applications, applications.items, applications.timeline`;
  return count;
}

async function insertBatch(sql: postgres.Sql, offset: number, n: number, form: string, outputs: string) {
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
      returning id, submitted_at, due_date
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
      returning id, application_id, item_key, department, certificate_type, requested_at, decided_at, completed_at
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
