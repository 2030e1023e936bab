import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_SECONDS, createAccessTokenVerifier } from '../src/index.ts';

// A service remembers, for a short while, a token it has checked, so a page polling with the
// same token is not an Ed25519 check each time; the token's expiry and its session still apply.

const ISSUER = 'https://identity.test';
const AUDIENCE = 'onego';
let sign: (claims: { iat: number; exp: number }) => Promise<string>;
let keys: JWTVerifyGetKey;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA' }] });
  keys = jwks;
  sign = ({ iat, exp }) =>
    new SignJWT({ scope: 'citizen', sid: 'session-1' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('citizen-1')
      .setJti(crypto.randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(privateKey);
});

/** A verifier on a clock moved by hand, counting how often it looks for a key (once per check). */
function verifierAt(start: number, rememberSeconds: number | undefined, revoked = new Set<string>()) {
  const clock = { now: start * 1000 };
  let checks = 0;
  const counting: JWTVerifyGetKey = (header, token) => {
    checks += 1;
    return keys(header, token);
  };
  const verify = createAccessTokenVerifier(counting, {
    issuer: ISSUER,
    audience: AUDIENCE,
    isRevoked: async (sid) => revoked.has(sid),
    clock: () => new Date(clock.now),
    ...(rememberSeconds !== undefined && { rememberSeconds }),
  });
  return { verify, clock, checks: () => checks };
}

describe('remembering checked access tokens', () => {
  it('checks the signature once while the token is remembered, and again after', async () => {
    // Given a token valid for ten minutes and a verifier remembering checks for a minute
    const t0 = Math.floor(Date.now() / 1000);
    const token = await sign({ iat: t0, exp: t0 + 600 });
    const { verify, clock, checks } = verifierAt(t0, 60);
    // When it is presented three times within the minute
    for (const _ of [1, 2, 3]) expect((await verify(token)).id).toBe('citizen-1');
    // Then its signature was checked once
    expect(checks()).toBe(1);
    // And once the minute is over, it is checked again
    clock.now += 61_000;
    await verify(token);
    expect(checks()).toBe(2);
  });

  it('refuses a remembered token once it has expired', async () => {
    // Given a token expiring in twenty seconds, checked and remembered for a minute
    const t0 = Math.floor(Date.now() / 1000);
    const token = await sign({ iat: t0, exp: t0 + 20 });
    const { verify, clock } = verifierAt(t0, 60);
    await verify(token);
    // When it is presented after its expiry (and the clock tolerance)
    clock.now += (20 + CLOCK_TOLERANCE_SECONDS + 1) * 1000;
    // Then it is refused, as it would be without remembering
    await expect(verify(token)).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });

  it('refuses a remembered token whose session is revoked', async () => {
    // Given a token checked and remembered
    const t0 = Math.floor(Date.now() / 1000);
    const token = await sign({ iat: t0, exp: t0 + 600 });
    const revoked = new Set<string>();
    const { verify } = verifierAt(t0, 60, revoked);
    await verify(token);
    // When its session is revoked
    revoked.add('session-1');
    // Then the next presentation is refused
    await expect(verify(token)).rejects.toMatchObject({ code: 'ERR_SESSION_REVOKED' });
  });

  it('checks every presentation when told to remember nothing (the default)', async () => {
    // Given a verifier without rememberSeconds
    const t0 = Math.floor(Date.now() / 1000);
    const token = await sign({ iat: t0, exp: t0 + 600 });
    const { verify, checks } = verifierAt(t0, undefined);
    // When a token is presented twice
    await verify(token);
    await verify(token);
    // Then both presentations were checked
    expect(checks()).toBe(2);
  });

  it('does not remember a token it refused', async () => {
    // Given a token whose signature was tampered with
    const t0 = Math.floor(Date.now() / 1000);
    const { verify, checks } = verifierAt(t0, 60);
    const token = await sign({ iat: t0, exp: t0 + 600 });
    const tampered = `${token.slice(0, -4)}AAAA`;
    // When it is presented twice
    await expect(verify(tampered)).rejects.toBeTruthy();
    await expect(verify(tampered)).rejects.toBeTruthy();
    // Then it was checked (and refused) each time
    expect(checks()).toBe(2);
  });
});
