import { setTimeout as sleep } from 'node:timers/promises';
import { DEPARTMENTS, departmentContracts } from '@onego/contracts';
import type { Database } from '@onego/db';
import type { OneGoApp } from '@onego/http';
import type { Vault } from '@onego/vault';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Behaviours } from '../domain/behaviour.ts';
import { resourcePath } from '../domain/http-api.ts';
import { type Arrival, createCaseFiles, refusal } from '../http-cases.ts';

// Each legacy department system's own HTTP API, as a provincial system would offer it: submit
// with an Idempotency-Key (a repeat with the same key and body gets the same receipt), query the
// case until it is decided, withdraw it. A system that is down answers 503 to everything.
// Bodies are taken as text, so what arrived is kept byte for byte.

const params = z.object({ caseRef: z.string().min(1).max(64) });
const unavailable = (reply: FastifyReply) =>
  reply.code(503).send(refusal('SERVICE_UNAVAILABLE', '系统维护中，请稍后再试'));

function parseBody(request: FastifyRequest): { text: string; json: unknown } {
  const text = typeof request.body === 'string' ? request.body : '';
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    return { text, json: undefined };
  }
}

const describe = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');

interface Deps {
  db: Database;
  vault: Vault;
  behaviours: Behaviours;
  clock: () => Date;
}

function departmentApiRoutes(app: OneGoApp, { db, vault, behaviours, clock }: Deps) {
  const files = createCaseFiles(db, vault);
  for (const department of DEPARTMENTS) {
    const path = resourcePath(department);
    const contracts = departmentContracts[department];
    const tags = [`${department} department API`];
    const down = () => behaviours.get(department).mode === 'fail';

    app.post(
      path,
      { schema: { tags, summary: `Submit a request (${contracts.request.type}; Idempotency-Key header)` } },
      async (request, reply) => {
        if (down()) return unavailable(reply);
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
          return reply.code(400).send(refusal('IDEMPOTENCY_KEY_REQUIRED', '缺少幂等键 Idempotency-Key'));
        }
        const { text, json } = parseBody(request);
        const checked = contracts.request.schema.safeParse(json);
        if (!checked.success)
          return reply.code(422).send(refusal('INVALID_REQUEST', describe(checked.error)));
        const arrival: Arrival = {
          department,
          subject: `POST ${path}`,
          text,
          body: checked.data,
          now: clock(),
        };
        const behaviour = behaviours.get(department);
        const [status, answer] = await files.submit(arrival, key, behaviour);
        // A slow network: the department has acted, its answer is late (the caller may time out).
        await sleep(behaviour.httpLatencyMs ?? 0);
        return reply.code(status).send(answer);
      },
    );

    app.get(
      `${path}/:caseRef`,
      { schema: { tags, summary: 'Where a case stands, with the decision once there is one', params } },
      async (request, reply) => {
        if (down()) return unavailable(reply);
        const [status, answer] = await files.state(department, request.params.caseRef, clock());
        return reply.code(status).send(answer);
      },
    );

    app.post(
      `${path}/:caseRef/cancel`,
      { schema: { tags, summary: `Withdraw a case (${contracts.cancellation.type})`, params } },
      async (request, reply) => {
        if (down()) return unavailable(reply);
        const { caseRef } = request.params;
        const { text, json } = parseBody(request);
        const checked = contracts.cancellation.schema.safeParse(json);
        if (!checked.success)
          return reply.code(422).send(refusal('INVALID_REQUEST', describe(checked.error)));
        if (checked.data.ref !== caseRef) {
          return reply.code(422).send(refusal('INVALID_REQUEST', 'ref 与路径中的业务号不一致'));
        }
        const arrival: Arrival = {
          department,
          subject: `POST ${path}/${caseRef}/cancel`,
          text,
          body: checked.data,
          now: clock(),
        };
        const [status, answer] = await files.withdraw(arrival, checked.data);
        return reply.code(status).send(answer);
      },
    );
  }
}

/** The department APIs take their bodies as text, so what arrived can be kept byte for byte. */
export async function registerDepartmentApis(app: OneGoApp, deps: Deps) {
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    departmentApiRoutes(scope as unknown as OneGoApp, deps);
  });
}
