import { departmentContracts } from '@onego/contracts';
import {
  createTestDatabase,
  createTestNamespace,
  type TestDatabase,
  type TestNamespace,
} from '@onego/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartmentSimulatorsService } from '../src/app.ts';
import { loadDepartmentSimulatorsConfig } from '../src/config.ts';
import { openReceived } from './fixture/received.ts';
import { requestOf, requestWithMaterialOf } from './fixture/requests.ts';

// The legacy departments' own HTTP APIs, as the adapters call them: every department HTTP-style
// here, so the simulators open no NATS connection at all.

let database: TestDatabase;
let testNamespace: TestNamespace;
let sql: postgres.Sql;
let simulators: Awaited<ReturnType<typeof buildDepartmentSimulatorsService>>;
const enrolments = '/medical-insurance/api/v1/enrolments';
const cards = '/social-security/api/v1/card-applications';

beforeAll(async () => {
  database = await createTestDatabase('simulator_apis');
  testNamespace = createTestNamespace();
  simulators = await buildDepartmentSimulatorsService(
    loadDepartmentSimulatorsConfig({
      DATABASE_URL: database.url,
      NATS_URL: testNamespace.natsUrl,
      NATS_NAMESPACE: testNamespace.prefix,
      DEPARTMENT_TRANSPORT: '*=http',
      PORT: '0',
      LOG_LEVEL: 'silent',
    }),
  );
  await simulators.start();
  sql = postgres(database.url, { max: 2, onnotice: () => {} });
});

afterAll(async () => {
  await simulators?.stop();
  await sql?.end({ timeout: 5 });
  await database?.drop();
});

const post = (url: string, body: unknown, key?: string) =>
  simulators.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (url: string) => simulators.app.inject({ url });
const behave = (department: string, behaviour: object) =>
  simulators.app.inject({ method: 'PUT', url: `/simulators/${department}/behaviour`, payload: behaviour });
const withRef = <T extends object>(request: T, field: string, ref: string) => ({ ...request, [field]: ref });

describe('a legacy department’s HTTP API', () => {
  it('gives a receipt for a submission, the same receipt for its repeat, then the decision', async () => {
    // Given an enrolment submitted twice under one Idempotency-Key
    const request = requestOf('medical-insurance');
    const first = await post(enrolments, request, 'key-1');
    const again = await post(enrolments, request, 'key-1');
    // Then both are the same 202 receipt
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({
      caseRef: request.requestId,
      status: 'RECEIVED',
      receiptNo: expect.stringMatching(/^SL\d{14}$/),
    });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    // And the case then shows the department's decision, valid under its contract
    const state = await get(`${enrolments}/${request.requestId}`);
    expect(state.json()).toMatchObject({ status: 'DECIDED', decision: { status: 'ENROLLED' } });
    expect(
      departmentContracts['medical-insurance'].decision.schema.safeParse(state.json().decision).success,
    ).toBe(true);
    // And the department kept both submissions exactly as they arrived
    const rows = await openReceived(
      sql,
      await sql<
        {
          transport: string;
          kind: string;
          subject: string;
          payload_sealed: string;
          department: string;
          case_ref: string;
        }[]
      >`
        select transport, kind, subject, payload_sealed, department, case_ref from department_simulators.received_requests
        where case_ref = ${request.requestId} order by id`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ transport: 'http', kind: 'request', subject: `POST ${enrolments}` });
    expect(rows[0]?.payload).toBe(JSON.stringify(request));
  });

  it('refuses a reused key with another body, a missing key and a body outside its contract, with reasons', async () => {
    const request = withRef(
      requestOf('medical-insurance'),
      'requestId',
      'YB00000000000000000000000000000002',
    );
    expect((await post(enrolments, request, 'key-2')).statusCode).toBe(202);
    const reused = await post(enrolments, { ...request, contributionYear: 2027 }, 'key-2');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const keyless = await post(enrolments, request);
    expect(keyless.statusCode).toBe(400);
    expect(keyless.json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const invalid = await post(enrolments, { ...request, insutype: '310' }, 'key-3');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('insutype'),
    });
  });

  it('answers 503 to everything while down, receiving nothing', async () => {
    // Given social security is down
    await behave('social-security', { mode: 'fail' });
    const request = requestOf('social-security');
    // Then submission, query and withdrawal all get 503 with a reason
    const submitted = await post(cards, request, 'key-4');
    expect(submitted.statusCode).toBe(503);
    expect(submitted.json().code).toBe('SERVICE_UNAVAILABLE');
    expect((await get(`${cards}/${request.applicationNo}`)).statusCode).toBe(503);
    expect((await post(`${cards}/${request.applicationNo}/cancel`, {}, 'key-5')).statusCode).toBe(503);
    expect(
      await sql`select 1 from department_simulators.received_requests where case_ref = ${request.applicationNo}`,
    ).toHaveLength(0);
    await behave('social-security', { mode: 'approve' });
  });

  it('withdraws a case still in progress: it shows cancelled and never a decision', async () => {
    // Given a slow department with a case in progress
    await behave('social-security', { mode: 'approve', delayMs: 60_000 });
    const request = withRef(
      requestOf('social-security'),
      'applicationNo',
      'SB00000000000000000000000000000006',
    );
    expect((await post(cards, request, 'key-6')).statusCode).toBe(202);
    expect((await get(`${cards}/${request.applicationNo}`)).json().status).toBe('PROCESSING');
    // When the platform withdraws it
    const cancellation = {
      ref: request.applicationNo,
      cancelledAt: '2026-11-23T09:00:00+08:00',
      reason: '申请人撤回申请',
    };
    const withdrawn = await post(`${cards}/${request.applicationNo}/cancel`, cancellation, 'key-7');
    // Then it is cancelled, stays so, and the withdrawal was recorded as received
    expect(withdrawn.statusCode).toBe(200);
    expect((await get(`${cards}/${request.applicationNo}`)).json()).toEqual({
      caseRef: request.applicationNo,
      status: 'CANCELLED',
    });
    const [received] = await openReceived(
      sql,
      await sql<
        { kind: string; payload_sealed: string; department: string; case_ref: string; transport: string }[]
      >`
        select kind, payload_sealed, department, case_ref, transport from department_simulators.received_requests
        where case_ref = ${request.applicationNo} and kind = 'cancellation'`,
    );
    expect(JSON.parse(received?.payload as string)).toEqual(cancellation);
    await behave('social-security', { mode: 'approve' });
  });

  it('refuses a submission withdrawn before it arrived, and a withdrawal of a decided case', async () => {
    // Given a withdrawal that overtook its submission
    const late = withRef(requestOf('social-security'), 'applicationNo', 'SB00000000000000000000000000000008');
    const ref = late.applicationNo;
    await post(
      `${cards}/${ref}/cancel`,
      { ref, cancelledAt: '2026-11-23T09:00:00+08:00', reason: '撤回' },
      'key-8',
    );
    // Then the submission is refused as cancelled
    const refused = await post(cards, late, 'key-9');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CASE_CANCELLED');
    // And a decided case cannot be withdrawn
    const decided = requestOf('medical-insurance');
    const tooLate = await post(
      `${enrolments}/${decided.requestId}/cancel`,
      { ref: decided.requestId, cancelledAt: '2026-11-23T09:00:00+08:00', reason: '撤回' },
      'key-10',
    );
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().code).toBe('ALREADY_DECIDED');
  });

  it('asks for materials until a submission brings them', async () => {
    await behave('medical-insurance', { mode: 'materials' });
    const first = withRef(requestOf('medical-insurance'), 'requestId', 'YB00000000000000000000000000000011');
    const second = withRef(
      requestWithMaterialOf('medical-insurance'),
      'requestId',
      'YB00000000000000000000000000000011-2',
    );
    await post(enrolments, first, 'key-11');
    await post(enrolments, second, 'key-12');
    expect((await get(`${enrolments}/${first.requestId}`)).json().decision).toMatchObject({
      status: 'PENDING_DOCUMENTS',
      documents: [{ code: 'parent-identity-document' }],
    });
    expect((await get(`${enrolments}/${second.requestId}`)).json().decision).toMatchObject({
      status: 'ENROLLED',
    });
    await behave('medical-insurance', { mode: 'approve' });
  });
});
