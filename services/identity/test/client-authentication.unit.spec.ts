import { describe, expect, it } from 'vitest';
import { authenticateClientRequest } from '../src/domain/client-authentication.ts';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('authenticating a client at the token endpoint', () => {
  it('reads HTTP Basic credentials (client_secret_basic)', () => {
    expect(authenticateClientRequest(basic('department-cdc', 's3cret'), {})).toEqual({
      ok: true,
      credentials: { method: 'client_secret_basic', clientId: 'department-cdc', secret: 's3cret' },
    });
  });

  it('form-decodes both halves of the Basic credentials, as RFC 6749 §2.3.1 asks', () => {
    // Given a secret with a colon, a plus and a space, encoded the way the RFC says
    const header = basic('department-cdc', encodeURIComponent('a:b+c d').replace(/%20/g, '+'));
    // Then the secret is read back exactly
    const result = authenticateClientRequest(header, {});
    expect(result.ok && result.credentials.secret).toBe('a:b+c d');
  });

  it('reads credentials from the body (client_secret_post)', () => {
    expect(
      authenticateClientRequest(undefined, { client_id: 'department-cdc', client_secret: 's3cret' }),
    ).toEqual({
      ok: true,
      credentials: { method: 'client_secret_post', clientId: 'department-cdc', secret: 's3cret' },
    });
  });

  it('refuses two methods at once as an invalid request', () => {
    const result = authenticateClientRequest(basic('department-cdc', 's3cret'), {
      client_id: 'department-cdc',
      client_secret: 's3cret',
    });
    expect(result).toMatchObject({ ok: false, error: 'invalid_request' });
  });

  it('refuses a body client_id that differs from the Basic one', () => {
    const result = authenticateClientRequest(basic('department-cdc', 's3cret'), {
      client_id: 'department-health',
    });
    expect(result).toMatchObject({ ok: false, error: 'invalid_request' });
  });

  it('refuses a secret without a client_id as an invalid request', () => {
    expect(authenticateClientRequest(undefined, { client_secret: 's3cret' })).toMatchObject({
      ok: false,
      error: 'invalid_request',
    });
  });

  it('treats no credentials, a client_id alone, or a malformed or non-Basic header as an unauthenticated client', () => {
    for (const [header, body] of [
      [undefined, {}],
      [undefined, { client_id: 'department-cdc' }],
      ['Basic !!!', {}],
      [`Basic ${Buffer.from('no-colon').toString('base64')}`, {}],
      ['Bearer abc', {}],
    ] as const) {
      expect(authenticateClientRequest(header, body)).toMatchObject({ ok: false, error: 'invalid_client' });
    }
  });
});
