import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nulPaths } from '../src/guards.ts';
import { createHttpApp, type OneGoApp } from '../src/index.ts';

// Found by the fuzz campaign (tests/fuzz): a NUL character in a text field reached PostgreSQL,
// which cannot store it, and came back as a 500; an unknown field with an empty name was
// reported with an empty path. Both are now a 400 naming the field.

let app: OneGoApp;
let stored: unknown[] = [];
beforeAll(async () => {
  app = await createHttpApp({ name: 'field-names-test', logLevel: 'silent' });
  app.post(
    '/things',
    { schema: { body: z.strictObject({ name: z.string(), tags: z.array(z.string()).optional() }) } },
    async (request) => {
      stored.push(request.body);
      return { ok: true };
    },
  );
  app.get('/things', { schema: { querystring: z.object({ q: z.string().optional() }) } }, async () => ({}));
});
afterAll(() => app.close());

describe('a field holding a NUL character', () => {
  it.each([
    [{ name: 'a\u0000b' }, 'name'],
    [{ name: 'ok', tags: ['x', '\u0000'] }, 'tags.1'],
  ])('is refused with 400 naming it, and reaches no handler: %j', async (body, path) => {
    // Given a body with NUL in one field
    stored = [];
    // When it is posted
    const response = await app.inject({ method: 'POST', url: '/things', payload: body });
    // Then the answer names that field and nothing was handled
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path, message: expect.stringContaining('NUL') }]);
    expect(stored).toEqual([]);
  });

  it('is refused in the query string too', async () => {
    const response = await app.inject({ method: 'GET', url: '/things?q=%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: 'querystring.q', message: expect.any(String) }]);
  });
});

describe('an unknown field with an empty name', () => {
  it('is named with quotes, never an empty path', async () => {
    const response = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x', '': 1 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: '""', message: 'is not a known field' }]);
  });
});

describe('where NUL characters are', () => {
  it('lists the paths of strings and field names holding one, and nothing else', () => {
    expect(nulPaths({ a: 'x', b: { c: ['ok', 'n\u0000'] }, 'd\u0000': 1 }, '')).toEqual(['b.c.1', 'd\u0000']);
    expect(nulPaths(Buffer.from('\u0000'), '')).toEqual([]);
    expect(nulPaths(undefined, 'querystring')).toEqual([]);
  });
});
