import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomCitizenId } from '../support/citizens.ts';
import { type Client, canonicalSubmission, signIn } from '../support/client.ts';
import {
  DEVELOPMENT_ACCOUNTS,
  requestClientToken,
  type StaffUsername,
  signInStaff,
} from '../support/identity.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { until, untilSettled } from '../support/settle.ts';
import { received } from '../support/simulators.ts';
import { type ApplicationView, freshBirthDate } from '../support/views.ts';

// Issue 5, "an access matrix test": every public route the gateway publishes, called by every
// kind of caller, with the exact status each gets. The objects are real and belong to citizen A
// (the mother on the canonical form), so for everyone else they are foreign ids: citizen B's
// token on A's application, a clerk's on A's certificate, and so on. The other parent (the
// father on the form) holds A's consent to see the application, and nothing more.
//
// The routes are enumerated, not only listed: the test reads the merged OpenAPI document the
// gateway publishes (GET /api/docs/json) and fails when a (method, path) there has no row here,
// or a row names a route that is gone. Every service checks the caller in an onRequest hook,
// before the body is validated, and a well-formed body is sent anyway, so each status is the
// access decision itself (a 409 says the owner got past it to the state of the object).

const CALLERS = [
  'anonymous',
  'citizen A',
  'citizen B',
  'other parent',
  'clerk',
  'operator',
  'department X',
  'department Y',
] as const;
type Caller = (typeof CALLERS)[number];
/** One status per caller, in the order of CALLERS. */
type Answers = readonly [number, number, number, number, number, number, number, number];
/** Callers who must never get a success that carries the id of A's application. */
const STRANGERS: Caller[] = ['anonymous', 'citizen B', 'clerk', 'department X', 'department Y'];

/** The objects the rows call on, made in beforeAll: all citizen A's unless the name says otherwise. */
interface World {
  application: string;
  /** A second application of A's, also shared with the other parent: its consent is the one taken back. */
  secondApplication: string;
  secondConsent: string;
  certificate: string;
  credential: string;
  /** A certificate of citizen B's: the one the operator suspends, reinstates and revokes. */
  certificateOfB: string;
  /** The status list A's certificate is in (path). */
  statusList: string;
  /** The signed link to the statement A supplied for the second application (path and query). */
  material: string;
  /** The follow-up A's bad rating opened. */
  followUp: string;
  /** The health department's case for A's birth certificate (department X is health). */
  caseRef: string;
  citizenId: string;
  /** A session of A's made only for the operator to revoke. */
  spareSession: string;
}

type Body = { json: unknown } | { form: Record<string, string> } | { multipart: () => FormData };

interface Row {
  answers: Answers;
  /** The route as the OpenAPI document names it: method and path template. */
  route: string;
  url: (w: World) => string;
  body?: (w: World) => Body;
  /** Each caller signs in afresh for this row: signing out ends the session it is called with. */
  fresh?: true;
  /** A server-sent event stream: the status is read, then the stream is closed. */
  stream?: true;
}

const password = 'a-long-test-password';
const { health: X, cdc: Y } = DEVELOPMENT_ACCOUNTS.clients;
const A_ID = canonicalSubmission().form.mother.idNumber;
const B_ID = randomCitizenId();
const json = (value: unknown) => () => ({ json: value });
const reason = json({ reason: 'access matrix check' });
const submission = () => {
  const s = canonicalSubmission();
  freshBirthDate(s, new Date());
  return s;
};
const pdf = () =>
  new Blob([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], {
    type: 'application/pdf',
  });
function statement() {
  const form = new FormData();
  form.append('code', 'birth-outside-marriage-statement');
  form.append('file', pdf(), 'statement.pdf');
  return form;
}

// Rows run in this order, one caller after another, so an action that changes its object comes
// after the rows that read it: the operator suspends, reinstates, then revokes B's certificate.
// biome-ignore format: a table: one row per route, one column per caller (othr: the other parent)
const MATRIX: Row[] = [
  //          anon A    B    othr clrk oper X    Y
  // identity: registration and sign-in are open to all; a token changes nothing there
  { answers: [201, 201, 201, 201, 201, 201, 201, 201], route: 'POST /api/identity/citizens', url: () => '/api/identity/citizens',
    body: () => ({ json: { idNumber: randomCitizenId(), name: '注册人', phone: '13900000009', password } }) },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'POST /api/identity/login', url: () => '/api/identity/login',
    body: json({ idNumber: A_ID, password }) },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'POST /api/identity/staff/login', url: () => '/api/identity/staff/login',
    body: json({ username: 'clerk.miluo', password: DEVELOPMENT_ACCOUNTS.staff['clerk.miluo'].password }) },
  // The token endpoint authenticates the department system itself: a bearer token beside its
  // client_secret_post credentials is a second authentication method, refused (RFC 6749 §2.3).
  { answers: [200, 400, 400, 400, 400, 400, 400, 400], route: 'POST /api/identity/oauth/token', url: () => '/api/identity/oauth/token',
    body: () => ({ form: { grant_type: 'client_credentials', client_id: X.clientId, client_secret: X.secret } }) },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/identity/.well-known/openid-configuration', url: () => '/api/identity/.well-known/openid-configuration' },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/identity/.well-known/jwks.json', url: () => '/api/identity/.well-known/jwks.json' },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/identity/sessions/revoked', url: () => '/api/identity/sessions/revoked' },
  { answers: [401, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/identity/me', url: () => '/api/identity/me' },
  { answers: [401, 200, 200, 200, 403, 403, 403, 403], route: 'GET /api/identity/me/document', url: () => '/api/identity/me/document' },
  { answers: [401, 403, 403, 403, 200, 403, 403, 403], route: 'POST /api/identity/citizens/lookup', url: () => '/api/identity/citizens/lookup',
    body: json({ idNumber: A_ID }) },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/identity/sessions', url: (w) => `/api/identity/sessions?subject=${w.citizenId}` },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'POST /api/identity/sessions/{sessionId}/revoke', url: (w) => `/api/identity/sessions/${w.spareSession}/revoke`,
    body: reason },
  { answers: [401, 204, 204, 204, 204, 204, 204, 204], route: 'POST /api/identity/logout', url: () => '/api/identity/logout', fresh: true },

  // applications: the catalogue is public; applications are their applicant's, shown read-only
  // to the other parent while A's consent stands, and 404 "as if it did not exist" to anyone else
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/bundles', url: () => '/api/bundles' },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/bundles/{key}', url: () => '/api/bundles/newborn' },
  { answers: [401, 202, 202, 202, 403, 403, 403, 403], route: 'POST /api/applications', url: () => '/api/applications',
    body: () => ({ json: submission() }) },
  { answers: [401, 200, 200, 200, 200, 200, 403, 403], route: 'GET /api/applications', url: () => '/api/applications' },
  { answers: [401, 200, 404, 200, 404, 404, 403, 403], route: 'GET /api/applications/{id}', url: (w) => `/api/applications/${w.application}` },
  { answers: [401, 200, 404, 200, 404, 404, 403, 403], route: 'GET /api/applications/{id}/live', url: (w) => `/api/applications/${w.application}/live`,
    stream: true },
  // A's application is completed: withdrawing it, resubmitting an approved item and supplying a
  // material nothing waits for are conflicts (409), and it was rated in beforeAll.
  { answers: [401, 409, 404, 404, 404, 404, 403, 403], route: 'POST /api/applications/{id}/withdraw', url: (w) => `/api/applications/${w.application}/withdraw`,
    body: json({}) },
  { answers: [401, 409, 404, 404, 404, 404, 403, 403], route: 'POST /api/applications/{id}/items/{itemKey}/resubmit',
    url: (w) => `/api/applications/${w.application}/items/vaccination-certificate/resubmit`,
    body: json({ corrections: { child: { weightGrams: 3300 } } }) },
  { answers: [401, 409, 404, 404, 404, 404, 403, 403], route: 'POST /api/applications/{id}/materials', url: (w) => `/api/applications/${w.application}/materials`,
    body: () => ({ multipart: statement }) },
  { answers: [401, 409, 404, 404, 404, 404, 403, 403], route: 'POST /api/applications/{id}/rating', url: (w) => `/api/applications/${w.application}/rating`,
    body: json({ score: 5 }) },
  // The signed link is the credential (it goes to the department deciding the item): any bearer.
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/materials/{id}', url: (w) => w.material },
  { answers: [401, 200, 404, 404, 404, 404, 403, 403], route: 'POST /api/applications/{id}/consents', url: (w) => `/api/applications/${w.application}/consents`,
    body: json({ grantee: 'other-parent' }) },
  { answers: [401, 204, 404, 404, 404, 404, 403, 403], route: 'DELETE /api/applications/{id}/consents/{consentId}',
    url: (w) => `/api/applications/${w.secondApplication}/consents/${w.secondConsent}` },
  { answers: [401, 200, 200, 200, 403, 403, 403, 403], route: 'GET /api/consents', url: () => '/api/consents' },
  { answers: [401, 403, 403, 403, 202, 403, 403, 403], route: 'POST /api/clerk/applications', url: () => '/api/clerk/applications',
    body: () => ({ json: { applicant: 'mother', consent: { method: 'signed-form', statement: '本人同意窗口代为申请' }, submission: submission() } }) },
  { answers: [401, 403, 403, 403, 200, 403, 403, 403], route: 'GET /api/clerk/applications', url: () => '/api/clerk/applications' },

  // applications: operators of the region (A's application is in 汨罗市, the operator's county)
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/operator/applications', url: () => '/api/operator/applications' },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/operator/applications/{id}/timeline',
    url: (w) => `/api/operator/applications/${w.application}/timeline` },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/operator/applications/{id}/record',
    url: (w) => `/api/operator/applications/${w.application}/record?reason=access%20matrix%20check` },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/operator/figures', url: () => '/api/operator/figures' },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/operator/follow-ups', url: () => '/api/operator/follow-ups' },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'POST /api/operator/follow-ups/{id}/close', url: (w) => `/api/operator/follow-ups/${w.followUp}/close`,
    body: json({ resolution: 'called the parent back' }) },
  // No message was set aside: the operator gets past the check to "no such dead letter" (404).
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/operator/dead-letters/applications', url: () => '/api/operator/dead-letters/applications' },
  { answers: [401, 403, 403, 403, 403, 404, 403, 403], route: 'POST /api/operator/dead-letters/applications/{id}/replay',
    url: () => '/api/operator/dead-letters/applications/1/replay', body: reason },

  // certificates: the applicant's (the list by application id is empty for anyone else, by design)
  { answers: [401, 200, 200, 200, 200, 200, 403, 403], route: 'GET /api/certificates', url: (w) => `/api/certificates?applicationId=${w.application}` },
  { answers: [401, 200, 404, 404, 404, 404, 403, 403], route: 'GET /api/applications/{id}/certificates', url: (w) => `/api/applications/${w.application}/certificates` },
  { answers: [401, 200, 404, 404, 404, 404, 403, 403], route: 'GET /api/applications/{id}/certificates/presentation',
    url: (w) => `/api/applications/${w.application}/certificates/presentation` },
  { answers: [401, 200, 404, 404, 404, 404, 403, 403], route: 'GET /api/applications/{id}/certificates/download',
    url: (w) => `/api/applications/${w.application}/certificates/download` },
  { answers: [401, 200, 404, 404, 404, 404, 403, 403], route: 'GET /api/certificates/{id}/print.html', url: (w) => `/api/certificates/${w.certificate}/print.html` },
  { answers: [401, 200, 404, 404, 404, 404, 403, 403], route: 'GET /api/certificates/{id}/print.pdf', url: (w) => `/api/certificates/${w.certificate}/print.pdf` },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'POST /api/certificates/{id}/suspend', url: (w) => `/api/certificates/${w.certificateOfB}/suspend`, body: reason },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'POST /api/certificates/{id}/unsuspend', url: (w) => `/api/certificates/${w.certificateOfB}/unsuspend`, body: reason },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'POST /api/certificates/{id}/revoke', url: (w) => `/api/certificates/${w.certificateOfB}/revoke`, body: reason },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'POST /api/certificates/issuers/{department}/keys/rotate',
    url: () => '/api/certificates/issuers/cdc/keys/rotate', body: json({}) },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/operator/dead-letters/certificates', url: () => '/api/operator/dead-letters/certificates' },
  { answers: [401, 403, 403, 403, 403, 404, 403, 403], route: 'POST /api/operator/dead-letters/certificates/{id}/replay',
    url: () => '/api/operator/dead-letters/certificates/1/replay', body: reason },
  // certificates: what any verifier reads, with or without a token
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'POST /api/certificates/verify', url: () => '/api/certificates/verify',
    body: (w) => ({ json: { credential: w.credential } }) },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/certificates/issuers/{department}/jwks.json', url: () => '/api/certificates/issuers/health/jwks.json' },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/certificates/issuers/{department}/did.json', url: () => '/api/certificates/issuers/health/did.json' },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/certificates/issuers/{department}/status-lists/{list}/{purpose}', url: (w) => w.statusList },
  { answers: [200, 200, 200, 200, 200, 200, 200, 200], route: 'GET /api/certificates/schemas/{type}.json', url: () => '/api/certificates/schemas/birth-medical-certificate.json' },

  // department adapters: a department's worklist is its own systems' only (X is health, Y cdc)
  { answers: [401, 403, 403, 403, 403, 403, 200, 403], route: 'GET /api/departments/{department}/cases', url: () => '/api/departments/health/cases?status=decided' },
  { answers: [401, 403, 403, 403, 403, 403, 200, 403], route: 'GET /api/departments/{department}/cases/{caseRef}', url: (w) => `/api/departments/health/cases/${w.caseRef}` },
  { answers: [401, 403, 403, 403, 403, 200, 403, 403], route: 'GET /api/operator/dead-letters/department-adapters', url: () => '/api/operator/dead-letters/department-adapters' },
  { answers: [401, 403, 403, 403, 403, 404, 403, 403], route: 'POST /api/operator/dead-letters/department-adapters/{id}/replay',
    url: () => '/api/operator/dead-letters/department-adapters/1/replay', body: reason },
];

let p: TestPlatform;
let world: World;
const tokens = new Map<Caller, string>();
/** How each caller signs in again, for the rows that end the session they are called with. */
const signInAgain = new Map<Caller, () => Promise<string>>();

async function citizenToken(idNumber: string) {
  const response = await fetch(`${p.origin}/api/identity/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idNumber, password }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}
const staffToken = async (username: StaffUsername) => (await signInStaff(p.origin, username)).token;
const departmentToken = async (client: { clientId: string; secret: string }) =>
  (await requestClientToken(`${p.origin}/api/identity/oauth/token`, client.clientId, client.secret))
    .access_token;

beforeAll(async () => {
  p = await startTestPlatform();
  // Given citizen A (the mother on the form), the other parent (the father) and citizen B (on no form)
  const { mother, father } = canonicalSubmission().form;
  const a = await signIn(p.origin, { idNumber: A_ID, name: mother.name, phone: '13900000001', password });
  await signIn(p.origin, { idNumber: father.idNumber, name: father.name, phone: '13900000002', password });
  const b = await signIn(p.origin, { idNumber: B_ID, name: '赵六', phone: '13900000003', password });
  // And a clerk and an operator of 汨罗市, and the systems of two departments
  const accounts: [Caller, () => Promise<string>][] = [
    ['citizen A', () => citizenToken(A_ID)],
    ['citizen B', () => citizenToken(B_ID)],
    ['other parent', () => citizenToken(father.idNumber)],
    ['clerk', () => staffToken('clerk.miluo')],
    ['operator', () => staffToken('operator.miluo')],
    ['department X', () => departmentToken(X)],
    ['department Y', () => departmentToken(Y)],
  ];
  for (const [caller, again] of accounts) {
    signInAgain.set(caller, again);
    tokens.set(caller, await again());
  }

  // And A's application, B's, and a second of A's whose household registration waits for a
  // statement the unmarried parents said they would supply later (容缺受理)
  const submit = async (client: Client, body: unknown) =>
    (await client.post<{ id: string }>('/api/applications', body)).body.id;
  const application = await submit(a, submission());
  const ofB = await submit(b, submission());
  const unmarried = submission();
  Object.assign(unmarried.form, {
    marriage: { status: 'unmarried' },
    missingMaterials: ['birth-outside-marriage-statement'],
  });
  const secondApplication = await submit(a, unmarried);
  // And A lets the other parent see both
  await a.post(`/api/applications/${application}/consents`, { grantee: 'other-parent' });
  const shared = await a.post<{ id: string }>(`/api/applications/${secondApplication}/consents`, {
    grantee: 'other-parent',
  });

  // When A's and B's applications complete
  expect((await untilSettled(a, application)).status).toBe('completed');
  expect((await untilSettled(b, ofB)).status).toBe('completed');
  // And A supplies the statement, which reaches public security by a signed link
  await until('the second application to wait for the statement', async () => {
    const view = (await a.get<ApplicationView>(`/api/applications/${secondApplication}`)).body;
    return view.items.some((i) => i.status === 'awaiting-materials') ? view : undefined;
  });
  expect((await a.postForm(`/api/applications/${secondApplication}/materials`, statement())).status).toBe(
    201,
  );
  const material = await until('the statement at public security', async () => {
    const { requests } = await received(p.simulatorsUrl, 'public-security');
    const href = requests.map((r) => JSON.parse(r.payload)?.data?.fj?.[0]?.href).find(Boolean);
    return href ? `${new URL(href).pathname}${new URL(href).search}` : undefined;
  });
  // And A rates the first badly, which opens a follow-up for the operators
  expect((await a.post(`/api/applications/${application}/rating`, { score: 2 })).status).toBe(201);
  const operator = (await signInStaff(p.origin, 'operator.miluo')).client;
  const { followUps } = (
    await operator.get<{ followUps: { id: string; applicationId: string }[] }>('/api/operator/follow-ups')
  ).body;

  type Certificates = { certificates: { id: string; credential: string }[] };
  const certificatesOf = async (client: Client, id: string) =>
    (await client.get<Certificates>(`/api/applications/${id}/certificates`)).body.certificates;
  const [certificate] = await certificatesOf(a, application);
  const [certificateOfB] = await certificatesOf(b, ofB);
  const { credentialStatus } = decodeJwt(certificate?.credential ?? '') as {
    credentialStatus?: { statusListCredential: string } | { statusListCredential: string }[];
  };
  const status = [credentialStatus ?? []].flat()[0];
  const view = (await a.get<ApplicationView>(`/api/applications/${application}`)).body;
  const birth = view.items.find((i) => i.department === 'health');
  world = {
    application,
    secondApplication,
    secondConsent: shared.body.id,
    certificate: certificate?.id ?? '',
    credential: certificate?.credential ?? '',
    certificateOfB: certificateOfB?.id ?? '',
    statusList: new URL(status?.statusListCredential ?? '/').pathname,
    material,
    followUp: followUps.find((f) => f.applicationId === application)?.id ?? '',
    caseRef: `WJ${(birth?.id ?? '').replaceAll('-', '').toUpperCase()}`,
    citizenId: String(decodeJwt(a.token ?? '').sub),
    spareSession: String(decodeJwt(await citizenToken(A_ID)).sid),
  };
  for (const [name, value] of Object.entries(world)) expect(value, name).not.toBe('');
});
afterAll(() => p?.stop());

/** Calls a row's route as one caller, through the public origin; the status and the answer's text. */
async function call(row: Row, caller: Caller) {
  const [method] = row.route.split(' ');
  const token = row.fresh ? await signInAgain.get(caller)?.() : tokens.get(caller);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const sent = row.body?.(world);
  let body: RequestInit['body'];
  if (sent && 'json' in sent) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(sent.json);
  } else if (sent && 'form' in sent) {
    body = new URLSearchParams(sent.form);
  } else if (sent) {
    // Encoded up front and sent in one piece: streamed part by part, an upload the service
    // refuses at once (401, 403) can meet a connection already closed (EPIPE) instead of the answer.
    const encoded = new Response(sent.multipart());
    headers['content-type'] = encoded.headers.get('content-type') ?? '';
    body = Buffer.from(await encoded.arrayBuffer());
  }
  const stream = new AbortController();
  const response = await fetch(new URL(row.url(world), p.origin), {
    method,
    headers,
    body,
    signal: stream.signal,
  });
  const text = row.stream && response.ok ? '' : await response.text();
  stream.abort();
  return { status: response.status, text };
}

describe('who may call which route', () => {
  const cases = MATRIX.flatMap((row) =>
    CALLERS.map((caller, n) => ({ row, caller, status: row.answers[n] })),
  );

  it.each(cases)('$row.route, called by $caller, answers $status', async ({ row, caller, status }) => {
    // Given A's objects (beforeAll), when the caller calls the route on them
    const answer = await call(row, caller);
    // Then the status is exactly the expected one
    expect(answer.status, `${row.route} as ${caller}: ${answer.text.slice(0, 300)}`).toBe(status);
    // And no success a stranger gets carries the id of A's application
    if (STRANGERS.includes(caller) && answer.status < 300) {
      expect(answer.text.includes(world.application), `${row.route} as ${caller} shows A's application`).toBe(
        false,
      );
    }
  });
});

describe('the matrix', () => {
  it('has a row for every route the gateway publishes, and none for a route that is gone', async () => {
    // Given the merged OpenAPI document, once every service's routes are in it
    type Document = { paths: Record<string, Record<string, unknown>> };
    const published = await until('every service in the merged document', async () => {
      const doc = (await (await fetch(`${p.origin}/api/docs/json`)).json()) as Document;
      const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      );
      const services = ['/api/identity/', '/api/applications', '/api/certificates/', '/api/departments/'];
      return services.every((prefix) => routes.some((r) => r.includes(` ${prefix}`))) ? routes : undefined;
    });
    // Then each published route has a row, and each row a published route, once
    const rows = MATRIX.map((r) => r.route);
    expect(
      published.filter((r) => !rows.includes(r)),
      'published routes without a row',
    ).toEqual([]);
    expect(
      rows.filter((r) => !published.includes(r)),
      'rows for routes that are not published',
    ).toEqual([]);
    expect(new Set(rows).size, 'rows named twice').toBe(rows.length);
  });

  it('needs no row for the routes the document leaves out: the public origin does not reach them', async () => {
    // Given the services' unpublished routes: certificate facts for other services, the test
    // clock, the Prometheus scrape (each on its service's own port only)
    const hidden = [
      { method: 'GET', path: `/internal/certificates/${world.certificate}`, service: '"facts"' },
      { method: 'POST', path: '/internal/test-clock', service: '"now"' },
      { method: 'GET', path: '/metrics', service: '# HELP' },
    ];
    for (const { method, path, service } of hidden) {
      // When an operator asks the public origin for them
      const response = await fetch(new URL(path, p.origin), {
        method,
        headers: { authorization: `Bearer ${tokens.get('operator')}`, 'content-type': 'application/json' },
        ...(method === 'POST' && { body: JSON.stringify({ advanceMs: 0 }) }),
      });
      // Then no service answers (the web pages or a 404 do)
      expect((await response.text()).includes(service), `${method} ${path} reached a service`).toBe(false);
    }
  });
});
