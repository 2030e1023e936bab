// Shows that the operators' search stays fast on a large table: seeds N applications (default a
// million, six items each) into a scratch database, then runs EXPLAIN (ANALYZE, BUFFERS) on the
// exact SQL the search route runs, for each kind of filter. Writes the plans to a report file.
//
//   node services/applications/tools/explain-search.ts [--applications 1000000] [--database-url URL] [--out FILE]
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { applyMigrations, ensureDatabase, openDatabase } from '@onego/db';
import { cursorOf, type SearchQuery, searchApplications, searchQuery } from '../src/routes/operator.ts';

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '1000000' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/onego_explain' },
    out: { type: 'string', default: 'services/applications/tools/explain-search.md' },
  },
});
const target = Number(values.applications);
const url = values['database-url'];
await ensureDatabase(url);
await applyMigrations(url, {
  schema: 'applications',
  folder: fileURLToPath(new URL('../drizzle', import.meta.url)),
});
const { db, sql, close } = openDatabase(url, { max: 2 });

const [{ count }] = (await sql`select count(*)::int as count from applications.applications`) as unknown as [
  { count: number },
];
if (count < target) {
  const started = Date.now();
  // The form is sealed at rest: random text of about a sealed single-child form's length (the
  // search never opens it, but the rows then take the room real ones do).
  const form = `v1.explain-seed.${randomBytes(1200).toString('base64url')}`;
  console.log(`seeding ${target - count} applications…`);
  await sql.unsafe(
    `insert into applications.applications
       (id, owner_id, bundle, status, form_sealed, children_masked, items, late, request_hash, submitted_at, due_date, region, completed_at)
     select gen_random_uuid(), gen_random_uuid(), 'newborn',
       (array['completed','completed','completed','in-progress','action-required','withdrawn'])[1 + g % 6],
       $1, array['王*满'],
       array['birth-certificate','household-registration','medical-insurance-enrolment','social-security-card','vaccination-certificate','child-health-handbook'],
       false, 'seed', now() - (g * 31) * interval '1 second',
       (now() - (g * 31) * interval '1 second')::date + 3,
       (array['汨罗市','岳阳楼区','平江县','湘阴县','华容县','临湘市','屈原区'])[1 + g % 7],
       case when g % 6 < 3 then now() end
     from generate_series(${count + 1}, ${target}) g`,
    [form],
  );
  console.log(`seeding items… (${((Date.now() - started) / 1000).toFixed(0)} s so far)`);
  await sql.unsafe(`
    insert into applications.items (id, application_id, child_index, item_key, department, status, depends_on, due_date)
    select gen_random_uuid(), a.id, 0, k.key, k.dept,
      case when a.status = 'completed' then 'completed'
           when a.status = 'withdrawn' then 'cancelled'
           when (hashtext(a.id::text) & 7) = k.n then 'requested'
           else 'waiting' end,
      '{}', a.due_date
    from applications.applications a
    cross join (values (0,'birth-certificate','health'), (1,'household-registration','public-security'),
                       (2,'medical-insurance-enrolment','medical-insurance'), (3,'social-security-card','social-security'),
                       (4,'vaccination-certificate','cdc'), (5,'child-health-handbook','maternal-child-health')) as k(n, key, dept)
    where a.request_hash = 'seed' and not exists (select 1 from applications.items i where i.application_id = a.id)`);
  await sql`analyze applications.applications`;
  await sql`analyze applications.items`;
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const first = await searchApplications(db, searchQuery.parse({}), today);
const last = first.at(-2);
const cursor = last ? cursorOf(last) : undefined;
const cases: [string, Partial<Record<keyof SearchQuery, unknown>>][] = [
  ['newest first, no filter', {}],
  ['the next page (keyset cursor)', { cursor }],
  ['status in-progress', { status: 'in-progress' }],
  ['region and a date range', { region: '平江县', from: '2026-06-01', to: '2026-06-30' }],
  ['held by public security', { department: 'public-security' }],
  ['overdue', { deadline: 'overdue' }],
];

const [{ total }] = (await sql`select count(*)::int as total from applications.applications`) as unknown as [
  { total: number },
];
let report = `# Operator search on ${total.toLocaleString('en')} applications\n\nEach plan is \`EXPLAIN (ANALYZE, BUFFERS)\` of the SQL the route \`GET /api/operator/applications\` runs (20 rows a page).\n`;
for (const [name, query] of cases) {
  const { sql: text, params } = searchApplications(db, searchQuery.parse(query), today).toSQL();
  const plan = (await sql.unsafe(`explain (analyze, buffers) ${text}`, params as never[])) as unknown as {
    'QUERY PLAN': string;
  }[];
  const lines = plan.map((r) => r['QUERY PLAN']);
  const time = lines.find((l) => l.startsWith('Execution Time')) ?? '';
  console.log(`${name.padEnd(34)} ${time}`);
  report += `\n## ${name} — ${time}\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`;
}
writeFileSync(values.out, report);
console.log(`plans written to ${values.out}`);
await close();
