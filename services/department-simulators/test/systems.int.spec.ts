import { createNamespace, type Department, departmentContracts, type Envelope } from '@onego/contracts';
import {
  connectNats,
  createEvent,
  ensureConsumer,
  ensureStreams,
  type Nats,
  publishEvent,
} from '@onego/messaging';
import {
  createTestDatabase,
  createTestNamespace,
  eventually,
  type TestDatabase,
  type TestNamespace,
} from '@onego/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The platform provisions each department system's consumers; here the test plays the platform.
import { provisionDepartmentConsumers } from '../../department-adapters/src/provision.ts';
import { buildDepartmentSimulatorsService } from '../src/app.ts';
import { loadDepartmentSimulatorsConfig } from '../src/config.ts';
import { openReceived } from './fixture/received.ts';
import { requestOf } from './fixture/requests.ts';

// The simulated department systems on their own: requests published straight onto the
// departments' streams, decisions read back from them, behaviour changed through the control API.

let database: TestDatabase;
let testNamespace: TestNamespace;
let nats: Nats;
let sql: postgres.Sql;
let simulators: Awaited<ReturnType<typeof buildDepartmentSimulatorsService>>;
const namespace = () => createNamespace(testNamespace.prefix);

beforeAll(async () => {
  database = await createTestDatabase('simulators');
  testNamespace = createTestNamespace();
  nats = await connectNats({ url: testNamespace.natsUrl, name: 'simulators-test' });
  await ensureStreams(nats.jsm, namespace().streams());
  await provisionDepartmentConsumers(nats.jsm, namespace());
  simulators = await buildDepartmentSimulatorsService(
    loadDepartmentSimulatorsConfig({
      DATABASE_URL: database.url,
      NATS_URL: testNamespace.natsUrl,
      NATS_NAMESPACE: testNamespace.prefix,
      PORT: '0',
      LOG_LEVEL: 'silent',
      SIMULATOR_BEHAVIOUR: JSON.stringify({ health: { mode: 'approve', delayMs: 400 } }),
    }),
  );
  await (await simulators.start()).bound;
  sql = postgres(database.url, { max: 2, onnotice: () => {} });
});

afterAll(async () => {
  await simulators?.stop();
  await nats?.close();
  await sql?.end({ timeout: 5 });
  await testNamespace?.cleanup();
  await database?.drop();
});

/** Sends a department its request, as the adapters would. */
async function send<D extends Department>(department: D) {
  const contract = departmentContracts[department].request;
  const event = createEvent(contract, requestOf(department) as never, { source: '/tests' });
  await publishEvent(nats.js, namespace().subject(contract, event.data), event);
}

/** The department's next decision, read from its stream through a consumer of the test's own. */
async function decisionOf(department: Department) {
  const contract = departmentContracts[department].decision;
  const stream = namespace().streamOf(contract);
  const durable = `test-${department}-decisions`;
  await ensureConsumer(nats.jsm, { stream, durable, filterSubject: namespace().filter(contract) });
  const consumer = await nats.js.consumers.get(stream, durable);
  const msg = await eventually(async () => (await consumer.next({ expires: 1000 })) ?? undefined);
  msg.ack();
  return JSON.parse(msg.string()) as Envelope<Record<string, unknown>>;
}

const receivedRows = (department: Department) =>
  sql`select case_ref, received_at from department_simulators.received_requests where department = ${department}`;

describe('the simulated department systems', () => {
  it('answers a slow department after its configured delay, dated accordingly', async () => {
    // Given health configured (SIMULATOR_BEHAVIOUR) to answer 400 ms after receipt
    await send('health');
    // When its decision arrives
    const decision = await decisionOf('health');
    // Then it is valid under its contract and dated at least 400 ms after the request's receipt
    expect(departmentContracts.health.decision.schema.safeParse(decision.data).error).toBeUndefined();
    const [row] = await receivedRows('health');
    const receivedAt = Number(row?.received_at);
    expect(Date.parse(decision.data.decidedAt as string) - receivedAt).toBeGreaterThanOrEqual(400);
    // And, once the sending transaction has committed, nothing is left pending
    await eventually(async () =>
      (await sql`select 1 from department_simulators.pending_answers`).length === 0 ? true : undefined,
    );
  });

  it('sends an answer whose publish failed from its pending row, once its stream takes it again', async () => {
    // Given the CDC's stream no longer taking decisions (a publish of one fails: no stream has its subject)
    const stream = namespace().streamOf(departmentContracts.cdc.decision);
    const { config } = await nats.jsm.streams.info(stream);
    await nats.jsm.streams.update(stream, {
      subjects: [namespace().filter(departmentContracts.cdc.request)],
    });
    // When the CDC receives a request and answers it at once
    await send('cdc');
    await eventually(async () => ((await receivedRows('cdc')).length > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pending = await sql`select 1 from department_simulators.pending_answers where department = 'cdc'`;
    expect(pending).toHaveLength(1);
    // And the stream takes decisions again
    await nats.jsm.streams.update(stream, { subjects: config.subjects });
    // Then the answer is sent from its pending row, and the row is gone
    const decision = await decisionOf('cdc');
    expect(decision.data).toMatchObject({ ref: requestOf('cdc').ref, accepted: true });
    await eventually(async () =>
      (await sql`select 1 from department_simulators.pending_answers where department = 'cdc'`).length === 0
        ? true
        : undefined,
    );
  });

  it('receives nothing while failing, and answers once it is back', async () => {
    // Given public security is down
    const put = await simulators.app.inject({
      method: 'PUT',
      url: '/simulators/public-security/behaviour',
      payload: { mode: 'fail' },
    });
    expect(put.statusCode).toBe(200);
    await send('public-security');
    // When the request has been delivered (and refused) more than once
    await eventually(async () => {
      const info = await nats.jsm.consumers.info(
        namespace().streamOf(departmentContracts['public-security'].request),
        'public-security-system',
      );
      return info.delivered.consumer_seq >= 2 ? true : undefined;
    });
    // Then nothing was recorded as received; and once back up, it answers
    expect(await receivedRows('public-security')).toHaveLength(0);
    await simulators.app.inject({
      method: 'PUT',
      url: '/simulators/public-security/behaviour',
      payload: { mode: 'approve' },
    });
    const decision = await decisionOf('public-security');
    expect(decision.data).toMatchObject({ ywlsh: requestOf('public-security').ywlsh, bjjg: '1' });
    expect(await receivedRows('public-security')).toHaveLength(1);
  });

  it('reports and changes behaviour through its control API, refusing what it cannot use', async () => {
    // Given the control API
    const get = (url: string) => simulators.app.inject({ url });
    // Then a department without an override approves, the configured one is as configured
    expect((await get('/simulators/cdc/behaviour')).json()).toEqual({ mode: 'approve' });
    expect((await get('/simulators/health/behaviour')).json()).toEqual({ mode: 'approve', delayMs: 400 });
    // And an unknown mode, a bad reject code or an unknown department is a 400 naming the field
    const bad = await simulators.app.inject({
      method: 'PUT',
      url: '/simulators/cdc/behaviour',
      payload: { mode: 'reject', rejectCode: 'lower case' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['rejectCode']);
    expect((await get('/simulators/tax/behaviour')).statusCode).toBe(400);
    // And what a department received can be listed by case reference
    const received = await get(`/simulators/health/received?caseRef=${requestOf('health').caseRef}`);
    expect(received.json().requests).toHaveLength(1);
    expect(JSON.parse(received.json().requests[0].payload).data).toEqual(requestOf('health'));
  });

  it('drops the answer to a case withdrawn on its stream, and records the withdrawal', async () => {
    // Given a slow cdc system with a request received and its answer scheduled a minute later
    await simulators.app.inject({
      method: 'PUT',
      url: '/simulators/cdc/behaviour',
      payload: { mode: 'approve', delayMs: 60_000 },
    });
    await send('cdc');
    const ref = requestOf('cdc').ref;
    await eventually(async () =>
      (await sql`select 1 from department_simulators.pending_answers where case_ref = ${ref}`).length > 0
        ? true
        : undefined,
    );
    // When the platform withdraws it on the cdc stream
    const contract = departmentContracts.cdc.cancellation;
    const cancellation = { ref, cancelledAt: '2026-11-23T09:00:00+08:00', reason: '申请人撤回申请' };
    const event = createEvent(contract, cancellation, { source: '/tests' });
    await publishEvent(nats.js, namespace().subject(contract, cancellation), event);
    // Then the withdrawal is recorded as received, and the scheduled answer is gone
    const [received] = await eventually(async () => {
      const rows = await openReceived(
        sql,
        await sql<
          { transport: string; payload_sealed: string; department: string; case_ref: string; kind: string }[]
        >`
          select transport, payload_sealed, department, case_ref, kind from department_simulators.received_requests
          where case_ref = ${ref} and kind = 'cancellation'`,
      );
      return rows.length > 0 ? rows : undefined;
    });
    expect(received?.transport).toBe('nats');
    expect(JSON.parse(received?.payload as string).data).toEqual(cancellation);
    expect(
      await sql`select 1 from department_simulators.pending_answers where case_ref = ${ref}`,
    ).toHaveLength(0);
    expect(await sql`select 1 from department_simulators.cancellations where case_ref = ${ref}`).toHaveLength(
      1,
    );
  });
});
