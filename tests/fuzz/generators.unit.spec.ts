import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judge } from './invariants.ts';
import { mutate } from './mutations.ts';
import type { Operation } from './openapi.ts';
import { arbitraryOf } from './schema-arbitrary.ts';

const registration: Operation = {
  key: 'POST /api/things/{id}',
  method: 'POST',
  path: '/api/things/{id}',
  parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
  body: {
    contentType: 'application/json',
    required: true,
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 8 },
        age: { type: 'integer', minimum: 0, maximum: 150 },
      },
      required: ['name'],
      additionalProperties: false,
    },
  },
  secured: false,
};
const plan = {
  pathParams: { id: '7d0f4c1e-3c1a-4e5b-9a7d-2b1c3d4e5f60' },
  query: {},
  headers: {},
  body: { name: '王芳', age: 30 },
};
const answer = (status: number, body: unknown) => ({ status, body: JSON.stringify(body), ms: 1 });

describe('requests generated from the published schemas', () => {
  it('are shaped by the schema: required fields present, bounds and enums kept', () => {
    // given an object schema with a required bounded string and an optional bounded integer
    const values = fc.sample(arbitraryOf(registration.body?.schema ?? {}), {
      seed: 1,
      numRuns: 200,
    }) as Record<string, unknown>[];
    // then every value has the required field within its bounds, and no field outside the schema
    for (const value of values) {
      expect(typeof value.name).toBe('string');
      expect(String(value.name).length).toBeLessThanOrEqual(8);
      if ('age' in value) expect(value.age).toBeGreaterThanOrEqual(0);
      expect(Object.keys(value).every((k) => k === 'name' || k === 'age')).toBe(true);
    }
  });

  it('break the body in the bytes when asked for invalid UTF-8, out-of-range numbers or deep nesting', () => {
    // when each mutation is applied at its first location
    const utf8 = mutate(registration, plan, 'invalid-utf8', [1, 0]).wire.body as Buffer;
    const number = mutate(registration, plan, 'out-of-range', [1, 9]).wire.body as Buffer;
    const deep = mutate(registration, plan, 'deep-nesting', [0, 2]).wire.body as Buffer;
    // then the bytes are what JSON.stringify could never have produced
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(utf8)).toThrow();
    expect(number.toString()).toContain('"age":1e400');
    expect(deep.toString().startsWith('['.repeat(1000))).toBe(true);
  });

  it('drop a required field or add an unknown one, and say where', () => {
    const missing = mutate(registration, plan, 'missing-required', [0, 0]);
    const extra = mutate(registration, plan, 'extra-field', [1, 0]);
    expect(JSON.parse(String(missing.wire.body))).toEqual({ age: 30 });
    expect(missing.detail).toBe('body name removed');
    expect(JSON.parse(String(extra.wire.body))).toMatchObject({ extra: { injected: true } });
  });
});

describe('the invariants an answer is judged by', () => {
  it('refuse any 5xx and any 4xx that does not say what is wrong', () => {
    expect(judge(answer(500, { error: 'internal error' }))).toMatchObject({ ok: false, invariant: 'no-5xx' });
    expect(judge(answer(400, { error: 'Bad Request', message: 'Client Error' }))).toMatchObject({
      ok: false,
    });
    expect(
      judge(answer(400, { error: 'invalid request', issues: [{ path: '', message: 'expected object' }] })),
    ).toMatchObject({ ok: false });
    expect(judge({ status: 0, body: '', failure: 'socket hang up', ms: 1 })).toMatchObject({
      invariant: 'answered',
    });
  });

  it('accept a 400 that names the field, and other 4xx with a message of their own', () => {
    expect(
      judge(answer(400, { error: 'invalid request', issues: [{ path: 'name', message: 'is too long' }] })),
    ).toEqual({ ok: true });
    expect(
      judge(answer(400, { error: "Body is not valid JSON but content-type is set to 'application/json'" })),
    ).toEqual({ ok: true });
    expect(judge(answer(413, { error: 'Request body is too large' }))).toEqual({ ok: true });
    expect(judge(answer(201, { id: 'x' }))).toEqual({ ok: true });
  });

  it('accept a connection closed under a body over every limit, and only then', () => {
    // Given a reset while sending: the server refused the body by closing the connection
    const reset = { status: 0, body: '', failure: 'Error: write EPIPE', ms: 1 };
    const request = (bytes: number) => ({ target: '/api/x', headers: {}, body: Buffer.alloc(bytes) });
    // Then it is a refusal for a 6 MB body, and a missing answer for a small one
    expect(judge(reset, request(6 * 1024 * 1024))).toEqual({ ok: true });
    expect(judge(reset, request(1024))).toMatchObject({ ok: false, invariant: 'answered' });
    // And a timeout is never excused, whatever the body
    expect(
      judge({ ...reset, failure: 'Error: no answer in 15000 ms' }, request(6 * 1024 * 1024)),
    ).toMatchObject({
      ok: false,
    });
  });
});
