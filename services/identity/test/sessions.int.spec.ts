import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, client, startIdentity } from './harness.ts';

// Ending sessions: the citizen signing out, an operator revoking someone's session, and the list
// of revoked sessions every other service polls.

let identity: Awaited<ReturnType<typeof startIdentity>>;
beforeAll(async () => {
  identity = await startIdentity('identity_sessions', { seed: true });
});
afterAll(() => identity?.close());

const sidOf = (token: string) => String(decodeJwt(token).sid);
const revokedList = async (headers: Record<string, string> = {}) =>
  identity.app.inject({ url: '/api/identity/sessions/revoked', headers });
const revoke = (sid: string, token: string, body: object = { reason: 'phone reported stolen' }) =>
  identity.app.inject({
    method: 'POST',
    url: `/api/identity/sessions/${sid}/revoke`,
    headers: bearer(token),
    payload: body,
  });

describe('signing out', () => {
  it('ends the session: its token is refused and listed as revoked', async () => {
    // Given a signed-in citizen
    const api = client(identity.app);
    const { token } = await api.signedIn();
    expect((await api.me(token)).statusCode).toBe(200);
    // When they sign out
    const response = await api.logout(token);
    // Then the token no longer works here, and every other service is told
    expect(response.statusCode).toBe(204);
    const refused = await api.me(token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({ error: 'access token rejected: ERR_SESSION_REVOKED' });
    expect(refused.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect((await revokedList()).json().sessions).toContain(sidOf(token));
  });

  it('leaves the citizen’s other sessions alone', async () => {
    const api = client(identity.app);
    const { idNumber, password, token } = await api.signedIn();
    const other = (await api.login({ idNumber, password })).json().accessToken;
    await api.logout(token);
    expect((await api.me(other)).statusCode).toBe(200);
  });

  it('refuses a body with fields', async () => {
    const { token } = await client(identity.app).signedIn();
    const response = await identity.app.inject({
      method: 'POST',
      url: '/api/identity/logout',
      headers: bearer(token),
      payload: { everywhere: true },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('an operator revoking a session', () => {
  it('finds the account’s sessions and revokes one, recording who and why', async () => {
    // Given a signed-in citizen and an operator
    const api = client(identity.app);
    const citizen = await api.signedIn();
    const operator = await api.staffToken('operator.miluo');
    // When the operator lists the citizen's sessions and revokes the one in use
    const listed = await identity.app.inject({
      url: `/api/identity/sessions?subject=${citizen.id}`,
      headers: bearer(operator),
    });
    expect(listed.statusCode).toBe(200);
    const [session] = listed.json().sessions;
    expect(session).toMatchObject({
      id: sidOf(citizen.token),
      subjectType: 'citizen',
      scope: 'citizen',
      revokedAt: null,
    });
    const response = await revoke(session.id, operator);
    // Then the session is revoked by the operator, for the reason given
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: session.id,
      subject: citizen.id,
      revokedAt: expect.any(String),
      revokedBy: decodeJwt(operator).sub,
      revocationReason: 'phone reported stolen',
    });
    // And the citizen's token is refused
    expect((await api.me(citizen.token)).statusCode).toBe(401);
    // And revoking it again changes nothing
    const again = await revoke(session.id, operator, { reason: 'again' });
    expect(again.json()).toMatchObject({
      revokedAt: response.json().revokedAt,
      revocationReason: 'phone reported stolen',
    });
  });

  it('is for operators only', async () => {
    const api = client(identity.app);
    const citizen = await api.signedIn();
    const clerk = await api.staffToken('clerk.miluo');
    for (const token of [citizen.token, clerk]) {
      const response = await revoke(sidOf(citizen.token), token);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: 'this needs the operator scope' });
    }
    expect(
      (
        await identity.app.inject({
          method: 'POST',
          url: `/api/identity/sessions/${sidOf(citizen.token)}/revoke`,
          payload: { reason: 'x' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('answers 404 for a session that does not exist, and 400 without a reason', async () => {
    const operator = await client(identity.app).staffToken('operator.miluo');
    expect((await revoke('00000000-0000-4000-8000-000000000000', operator)).statusCode).toBe(404);
    const noReason = await revoke(sidOf(operator), operator, {});
    expect(noReason.statusCode).toBe(400);
  });
});

describe('the list of revoked sessions', () => {
  it('is answered 304 while unchanged, and changes when a session is revoked', async () => {
    // Given the list as a verifier last saw it
    const first = await revokedList();
    const etag = String(first.headers.etag);
    expect(first.headers['cache-control']).toBe('no-cache');
    // When it is asked again with its ETag, nothing has changed
    expect((await revokedList({ 'if-none-match': etag })).statusCode).toBe(304);
    // When a session is revoked, the same question gets the new list
    const api = client(identity.app);
    const { token } = await api.signedIn();
    await api.logout(token);
    const changed = await revokedList({ 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().sessions).toContain(sidOf(token));
  });
});
