import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, client, someAddress, startIdentity, testClock } from './harness.ts';

// Staff sign-in with the seeded development accounts, and per-account throttling of sign-in
// (citizens and staff alike), with a clock the tests move.

const clock = testClock();
let identity: Awaited<ReturnType<typeof startIdentity>>;
beforeAll(async () => {
  identity = await startIdentity('identity_staff', { seed: true, clock: clock.now });
});
afterAll(() => identity?.close());

describe('a clerk or an operator signing in', () => {
  it('gets a token with their role as scope and their region', async () => {
    // When the seeded operator and clerk sign in
    const api = client(identity.app);
    const operator = decodeJwt(await api.staffToken('operator.miluo'));
    const clerk = decodeJwt(await api.staffToken('clerk.miluo'));
    // Then each token carries the claims every service checks
    for (const token of [operator, clerk]) {
      expect(Object.keys(token).sort()).toEqual(
        ['aud', 'exp', 'iat', 'iss', 'jti', 'region', 'scope', 'sid', 'sub'].sort(),
      );
    }
    expect(operator).toMatchObject({ scope: 'operator', region: '汨罗市' });
    expect(clerk).toMatchObject({ scope: 'clerk', region: '汨罗市' });
  });

  it('sees their own account', async () => {
    const api = client(identity.app);
    const response = await api.me(await api.staffToken('clerk.miluo'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: expect.any(String),
      name: '周敏',
      username: 'clerk.miluo',
      role: 'clerk',
      region: '汨罗市',
    });
  });

  it('gets the same 401 for a wrong password and an unknown username', async () => {
    const api = client(identity.app);
    const wrong = await api.staffLogin({ username: 'clerk.miluo', password: 'not the password' });
    const unknown = await api.staffLogin({ username: 'nobody.here', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: 'username or password is wrong' });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('must send exactly the declared fields', async () => {
    const response = await client(identity.app).staffLogin({
      username: 'clerk.miluo',
      password: 'onego-dev-clerk-password',
      role: 'operator',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: 'role', message: 'is not a known field' }]);
  });
});

describe('an account guessed at from many addresses', () => {
  it('is refused after five failures, whatever the address, even with the right password', async () => {
    // Given a citizen whose password was guessed wrong five times, each from another address
    const body = citizen();
    await client(identity.app).register(body);
    for (let i = 0; i < 5; i++) {
      const wrong = await client(identity.app).login({ idNumber: body.idNumber, password: `guess ${i}` });
      expect(wrong.statusCode).toBe(401);
    }
    // When the right password comes from yet another address
    const locked = await client(identity.app, someAddress()).login({
      idNumber: body.idNumber,
      password: body.password,
    });
    // Then the account is refused for now, saying when to retry
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect(locked.json()).toEqual({
      error: expect.stringMatching(/^too many failed sign-ins for this account/),
    });
    // And other accounts are not affected
    expect((await client(identity.app).signedIn()).token).toEqual(expect.any(String));
    // And once the window has passed, the right password works again
    clock.advance(15 * 60);
    const later = await client(identity.app).login({ idNumber: body.idNumber, password: body.password });
    expect(later.statusCode).toBe(200);
  });

  it('counts simultaneous guesses too', async () => {
    // Given a staff account tried twelve times at once with wrong passwords, from twelve addresses
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        client(identity.app).staffLogin({ username: 'operator.miluo', password: `guess number ${i}` }),
      ),
    );
    // Then at most five were checked; the rest were refused before any password check
    const codes = guesses.map((g) => g.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(7);
    clock.advance(15 * 60);
  });

  it('is open again after a success, which clears the failures', async () => {
    // Given four failures on the clerk's account
    for (let i = 0; i < 4; i++) {
      await client(identity.app).staffLogin({ username: 'clerk.miluo', password: `guess ${i}` });
    }
    // When the clerk signs in, then mistypes four more times
    await client(identity.app).staffToken('clerk.miluo');
    for (let i = 0; i < 4; i++) {
      await client(identity.app).staffLogin({ username: 'clerk.miluo', password: `typo ${i}` });
    }
    // Then the clerk can still sign in
    expect(await client(identity.app).staffToken('clerk.miluo')).toEqual(expect.any(String));
  });
});
