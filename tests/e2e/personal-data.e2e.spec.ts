import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citizenIdsIn, isValidCitizenId, makeCitizenId, maskIdNumber } from '@onego/codes';
import { SERVICE_NAMES } from '@onego/infra/platform';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomCitizenId } from '../support/citizens.ts';
import { type Client, canonicalSubmission, createClient, signIn } from '../support/client.ts';
import { DEVELOPMENT_ACCOUNTS, lookupCitizen, requestClientToken, signInStaff } from '../support/identity.ts';
import { startOtlpReceiver } from '../support/otlp-receiver.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { until, untilSettled } from '../support/settle.ts';
import { type ApplicationView, freshBirthDate } from '../support/views.ts';

// Issue 5, protection: after an end-to-end run that handles ID numbers everywhere they go
// (registration, sign-in, the canonical form, twins, a clerk at the window, a material, the
// other parent, look-ups, every department's worklist, the operators' views, certificates), no
// valid 18-digit mainland ID number (GB 11643 check character and all) is found in plain text:
// (a) in any column of any table of the test database, except the columns that hold what the
//     services' vaults sealed (AES-256-GCM), each listed below and checked to hold only that;
// (b) in the services' log files, written at debug level with every request logged;
// (c) in anything the services exported by OTLP: every span, with all its attributes and events.
// Masked values (4306**********0022) are what may appear, and the test checks that they do.

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let p: TestPlatform;
let sql: postgres.Sql;
const password = 'a-long-test-password';
const { form } = canonicalSubmission();
const MOTHER = form.mother.idNumber;

/**
 * The columns the services' vaults seal: `v1.<data key>.<AES-256-GCM ciphertext, base64url>`,
 * bound to their table, column and row. Only these are exempt from the scan, and only because
 * every value in them is checked to be such a ciphertext.
 */
const SEALED: Record<string, string[]> = {
  // a citizen's document number and phone; the private halves of the token signing keys
  'identity.citizens': ['id_number_sealed', 'phone_sealed'],
  'identity.signing_keys': ['private_jwk_sealed'],
  // the form (both parents' numbers), the departments' outputs (the child's new number), a
  // supplied file, and what a clerk recorded of a citizen's consent
  'applications.applications': ['form_sealed'],
  'applications.items': ['outputs_sealed'],
  'applications.materials': ['content_sealed'],
  'applications.consents': ['clerk_name_sealed', 'statement_sealed', 'reference_sealed'],
  // the signed credential and its facts (the child's number); the issuers' private keys
  'certificates.certificates': ['credential_sealed', 'facts_sealed'],
  'certificates.issuer_keys': ['private_jwk_sealed'],
  // the body of a request to a department's HTTP API, kept until it is sent
  'department_adapters.dispatches': ['body_sealed'],
  // the simulated departments' own records of what they received and decided
  'department_simulators.received_requests': ['payload_sealed'],
  'department_simulators.pending_answers': ['decision_sealed'],
  'department_simulators.http_cases': ['decision_sealed'],
  // the outbox (events carry personal data) and dead letters (messages as received) of every
  // service that speaks NATS (identity does not)
  ...Object.fromEntries(
    ['applications', 'certificates', 'department_adapters', 'department_simulators'].flatMap((schema) => [
      [`${schema}.outbox`, ['payload']],
      [`${schema}.dead_letters`, ['payload']],
    ]),
  ),
};
const CIPHERTEXT = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Every valid resident ID number in a text, and the same inside every JWT's payload (base64url is no protection). */
function idNumbersIn(text: string): string[] {
  const found = citizenIdsIn(text);
  for (const [, payload] of text.matchAll(/eyJ[A-Za-z0-9_-]*\.(eyJ[A-Za-z0-9_-]*)\.[A-Za-z0-9_-]*/g)) {
    for (const n of citizenIdsIn(Buffer.from(payload ?? '', 'base64url').toString('utf8'))) found.add(n);
  }
  return [...found];
}

/** A finding as the assertion shows it: where, and the number masked (the test output is a log too). */
const finding = (where: string, text: string) => idNumbersIn(text).map((n) => `${where}: ${maskIdNumber(n)}`);

const submission = () => {
  const s = canonicalSubmission();
  freshBirthDate(s, new Date());
  return s;
};
function twins() {
  const s = submission();
  s.form.children.push({ ...s.form.children[0], name: '王小圆', sex: 'male', relationshipToHead: 'son' });
  return s;
}
beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const env = {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_BSP_SCHEDULE_DELAY: '200',
    ONEGO_LOG_REQUESTS: 'true',
  };
  p = await startTestPlatform({
    logLevel: 'debug',
    extraEnv: Object.fromEntries(SERVICE_NAMES.map((s) => [s, env])),
  });
  sql = postgres(p.databaseUrl, { max: 1, onnotice: () => {} });
  await runTheFlow();
});
afterAll(async () => {
  await sql?.end();
  await p?.stop();
  await receiver?.close();
});

/** Follows an application live until its first event (the view, ID numbers masked or not at all). */
async function firstLiveEvent(client: Client, id: string) {
  const stream = new AbortController();
  const response = await fetch(`${p.origin}/api/applications/${id}/live`, {
    headers: { authorization: `Bearer ${client.token}` },
    signal: stream.signal,
  });
  const reader = response.body?.getReader();
  let text = '';
  while (reader && !text.includes('event: application')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += Buffer.from(value).toString('utf8');
  }
  stream.abort();
  return text;
}

/** Everything a parent, a clerk, the departments and an operator do with ID numbers. */
async function runTheFlow() {
  const anonymous = createClient(p.origin);
  // Given both parents registered and signed in, with their resident ID numbers
  const parent = (who: { idNumber: string; name: string }, phone: string) =>
    signIn(p.origin, { idNumber: who.idNumber, name: who.name, phone, password });
  const mother = await parent(form.mother, '13900000001');
  const father = await parent(form.father, '13900000002');
  // And the ways a number is turned away: registered twice, a wrong password, an unknown number
  const clerk = await signInStaff(p.origin, 'clerk.miluo');
  const unknown = randomCitizenId();
  expect(
    (
      await anonymous.post('/api/identity/citizens', {
        idNumber: MOTHER,
        name: '李芳',
        phone: '13900000001',
        password,
      })
    ).status,
  ).toBe(409);
  expect(
    (await anonymous.post('/api/identity/login', { idNumber: MOTHER, password: 'wrong-password' })).status,
  ).toBe(401);
  expect((await anonymous.post('/api/identity/login', { idNumber: unknown, password })).status).toBe(401);
  expect((await lookupCitizen(p.origin, clerk.token, { idNumber: unknown })).status).toBe(404);
  expect((await lookupCitizen(p.origin, clerk.token, { idNumber: MOTHER })).status).toBe(200);
  expect((await mother.get<{ idNumber: string }>('/api/identity/me/document')).body.idNumber).toBe(MOTHER);
  // And a form whose mother is too young, refused with the reason (400)
  const young = submission();
  young.form.mother.idNumber = makeCitizenId({
    region: '430681',
    birthDate: '2015-05-12',
    sex: 'female',
    sequence: 11,
  });
  expect((await mother.post('/api/applications', young)).status).toBe(400);

  // When the mother submits the canonical form, twins, and a form with a statement to come later
  const submit = async (client: Client, body: unknown) => {
    const accepted = await client.post<{ id: string }>('/api/applications', body, {
      'idempotency-key': randomUUID(),
    });
    expect(accepted.status).toBe(202);
    return accepted.body.id;
  };
  const unmarried = submission();
  Object.assign(unmarried.form, {
    marriage: { status: 'unmarried' },
    missingMaterials: ['birth-outside-marriage-statement'],
  });
  const own = [await submit(mother, submission()), await submit(mother, twins())];
  const later = await submit(mother, unmarried);
  // And a clerk applies at the window for the mother, with her consent recorded; and is told the
  // father of another form has no account (422)
  const consent = {
    method: 'signed-form',
    statement: `本人李芳（身份证 ${MOTHER}）同意代办`,
    reference: MOTHER,
  };
  const atWindow = await clerk.client.post<{ id: string }>('/api/clerk/applications', {
    applicant: 'mother',
    consent,
    submission: twins(),
  });
  expect(atWindow.status).toBe(202);
  const strangerFather = submission();
  strangerFather.form.father.idNumber = randomCitizenId();
  expect(
    (
      await clerk.client.post('/api/clerk/applications', {
        applicant: 'father',
        consent,
        submission: strangerFather,
      })
    ).status,
  ).toBe(422);
  // And the mother lets the father see the first; he reads it and his list
  await mother.post(`/api/applications/${own[0]}/consents`, { grantee: 'other-parent' });
  expect((await father.get(`/api/applications/${own[0]}`)).status).toBe(200);
  await father.get('/api/applications');
  await father.get('/api/consents');
  await mother.get('/api/consents');

  // And supplies the statement (a PDF that itself states her number), after which all complete
  await until('the statement to be awaited', async () => {
    const view = (await mother.get<ApplicationView>(`/api/applications/${later}`)).body;
    return view.items.some((i) => i.status === 'awaiting-materials') || undefined;
  });
  const file = new FormData();
  file.append('code', 'birth-outside-marriage-statement');
  file.append(
    'file',
    new Blob([Buffer.from(`%PDF-1.4\n% 非婚生育说明 李芳 ${MOTHER}\n%%EOF\n`)], { type: 'application/pdf' }),
    'statement.pdf',
  );
  const supplied = await mother.postForm(`/api/applications/${later}/materials`, file);
  expect(supplied.status, await supplied.clone().text()).toBe(201);
  const all = [...own, later, atWindow.body.id];
  const views = await Promise.all(all.map((id) => untilSettled(mother, id)));
  expect(views.map((v) => v.status)).toEqual(all.map(() => 'completed'));
  // And the children's new numbers are real ones (what the scan must not find anywhere)
  const childNumbers = views.flatMap((v) =>
    v.items
      .filter((i) => i.itemKey === 'household-registration')
      .map((i) => String(i.outputs?.citizenIdNumber)),
  );
  expect(childNumbers).toHaveLength(6);
  expect(childNumbers.every(isValidCitizenId)).toBe(true);

  // And the mother reads, downloads, prints and has verified her certificates, and rates one
  for (const id of all) {
    await firstLiveEvent(mother, id);
    const { body } = await mother.get<{ certificates: { id: string; credential: string }[] }>(
      `/api/applications/${id}/certificates`,
    );
    await mother.get(`/api/applications/${id}/certificates/presentation`);
    await fetch(`${p.origin}/api/applications/${id}/certificates/download`, {
      headers: { authorization: `Bearer ${mother.token}` },
    }).then((r) => r.arrayBuffer());
    for (const certificate of body.certificates.slice(0, 2)) {
      await fetch(`${p.origin}/api/certificates/${certificate.id}/print.html`, {
        headers: { authorization: `Bearer ${mother.token}` },
      }).then((r) => r.text());
      expect(
        (await anonymous.post('/api/certificates/verify', { credential: certificate.credential })).status,
      ).toBe(200);
    }
  }
  await mother.get(`/api/certificates?applicationId=${own[0]}`);
  await mother.post(`/api/applications/${own[0]}/rating`, { score: 2, comment: '办得慢' });

  // And every department's system reads its worklist and one case
  for (const [department, account] of Object.entries(DEVELOPMENT_ACCOUNTS.clients)) {
    const token = await requestClientToken(
      `${p.origin}/api/identity/oauth/token`,
      account.clientId,
      account.secret,
    );
    const system = createClient(p.origin, token.access_token);
    const { body } = await system.get<{ cases: { caseRef: string }[] }>(
      `/api/departments/${department}/cases?status=decided`,
    );
    expect(body.cases.length).toBeGreaterThan(0);
    await system.get(`/api/departments/${department}/cases/${body.cases[0]?.caseRef}`);
  }

  // And an operator searches, opens every timeline and one full record (audited), and the follow-up
  const operator = (await signInStaff(p.origin, 'operator.miluo')).client;
  await operator.get('/api/operator/applications?limit=50');
  await operator.get('/api/operator/figures');
  for (const id of all) await operator.get(`/api/operator/applications/${id}/timeline`);
  const record = await operator.get(
    `/api/operator/applications/${own[0]}/record?reason=${encodeURIComponent('parent called the 12345 hotline')}`,
  );
  expect(record.status).toBe(200);
  const { body: followUps } = await operator.get<{ followUps: { id: string }[] }>('/api/operator/follow-ups');
  for (const f of followUps.followUps) {
    await operator.post(`/api/operator/follow-ups/${f.id}/close`, { resolution: 'called back' });
  }
  await operator.get(
    `/api/identity/sessions?subject=${(await mother.get<{ id: string }>('/api/identity/me')).body.id}`,
  );

  // Then, once the services have exported their last spans and written their last lines
  let seen = -1;
  await until('the exports to settle', async () => {
    const now = receiver.exports.length;
    if (now === seen) return true;
    seen = now;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return undefined;
  });
}

describe('after the end-to-end flow, no valid ID number in plain text', () => {
  it('is in any column of any table outside the sealed ones, which hold ciphertext only', async () => {
    // Given every column of every table in every schema of the test database
    const columns = await sql<{ schema: string; table: string; column: string; type: string }[]>`
      select c.table_schema as schema, c.table_name as table, c.column_name as column, c.data_type as type
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE'
        and c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg_toast%'
      order by 1, 2, c.ordinal_position`;
    const tables = Map.groupBy(columns, (c) => `${c.schema}.${c.table}`);
    // The sealed columns are all there (a renamed one would otherwise escape the scan)
    for (const [table, sealed] of Object.entries(SEALED)) {
      expect(
        tables.get(table)?.map((c) => c.column),
        table,
      ).toEqual(expect.arrayContaining(sealed));
    }
    const leaks: string[] = [];
    const notSealed: string[] = [];
    let rows = 0;
    for (const [table, cols] of tables) {
      // When each row is read, every column as text (bytea as escaped bytes, digits kept)
      const [schema, name] = table.split('.') as [string, string];
      const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
      const read = cols.map((c) =>
        c.type === 'bytea' ? `encode(${quoted(c.column)}, 'escape')` : `${quoted(c.column)}::text`,
      );
      const result = await sql
        .unsafe(`select ${read.join(', ')} from ${quoted(schema)}.${quoted(name)}`)
        .values();
      rows += result.length;
      for (const row of result) {
        row.forEach((value, n) => {
          const column = cols[n]?.column ?? '';
          if (value === null) return;
          const text = String(value);
          if (SEALED[table]?.includes(column)) {
            if (!CIPHERTEXT.test(text)) notSealed.push(`${table}.${column}: ${text.slice(0, 40)}`);
            return;
          }
          leaks.push(...finding(`${table}.${column}`, text));
        });
      }
    }
    // Then the sealed columns hold ciphertext only, and no other column holds a number
    expect(notSealed).toEqual([]);
    expect(leaks).toEqual([]);
    expect(rows).toBeGreaterThan(100);
  });

  it('is in the service logs, where the numbers appear masked', () => {
    // Given every log file the services wrote (at debug level, every request logged)
    const dir = join(p.workDir, 'logs');
    const files = readdirSync(dir);
    expect(files.sort()).toEqual(expect.arrayContaining(SERVICE_NAMES.map((s) => `${s}.log`)));
    const leaks: string[] = [];
    let lines = 0;
    let masked = 0;
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      text.split('\n').forEach((line, n) => {
        lines++;
        if (line.includes(maskIdNumber(MOTHER))) masked++;
        leaks.push(...finding(`${file}:${n + 1}`, line));
      });
    }
    // Then no line holds a number, and the clerk's look-up of the mother is logged masked
    expect(leaks).toEqual([]);
    expect(lines).toBeGreaterThan(100);
    expect(masked).toBeGreaterThan(0);
  });

  it('is in any span the services exported, in any attribute or event', () => {
    // Given everything the OTLP receiver got, exactly as exported
    const traces = receiver.exports.filter((e) => e.path === '/v1/traces');
    const services = new Set(receiver.spans.map((s) => s.service.replace(/^onego-/, '')));
    expect([...services].sort()).toEqual([...SERVICE_NAMES].sort());
    expect(traces.length).toBeGreaterThan(0);
    expect(receiver.spans.length).toBeGreaterThan(100);
    // Then no export holds a number
    const leaks = receiver.exports.flatMap((e, n) => finding(`${e.path} export ${n}`, e.body));
    expect(leaks).toEqual([]);
  });

  it('is found by the scan when it is there: the mother’s own document, as identity returns it to her', async () => {
    // Given the mother, signed in
    const mother = await signIn(p.origin, { idNumber: MOTHER, name: '李芳', phone: '13900000001', password });
    // When she reads her own document (the one answer that carries her number in full)
    const { body } = await mother.get('/api/identity/me/document');
    // Then the scan finds exactly her number in it, and nothing in its masked form
    expect(idNumbersIn(JSON.stringify(body))).toEqual([MOTHER]);
    expect(idNumbersIn(maskIdNumber(MOTHER))).toEqual([]);
  });
});
