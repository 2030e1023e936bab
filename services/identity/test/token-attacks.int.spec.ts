import { createHttpApp, createTokenVerifier, type OneGoApp, type Principal, requireAuth } from '@onego/http';
import { privateKeyAad } from '@onego/keys';
import {
  base64url,
  type CryptoKey,
  decodeJwt,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, bearer, client, ISSUER, startIdentity } from './harness.ts';

// The shared verifier of @onego/http, as every other service runs it: the identity service
// listening, its JWKS and its revoked-session list fetched over HTTP, and a resource behind
// requireAuth. Each attack is a token that must not get in: 401. Forgeries are signed with the
// identity service's real private key where the point is a claim check, not the signature.

let identity: Awaited<ReturnType<typeof startIdentity>>;
let origin: string;
let resource: OneGoApp;
/** The verifier's monotonic clock for its revocation list, moved by hand. */
let revocationClock = 0;
const REFRESH_MS = 5_000;
let signingKey: { kid: string; key: CryptoKey; publicJwk: JWK };

async function protectedResource(verify: (token: string) => Promise<Principal>) {
  const app = await createHttpApp({ name: 'resource', logLevel: 'silent' });
  app.get('/resource', { onRequest: requireAuth(verify) }, async (request) => request.principal);
  return app;
}

beforeAll(async () => {
  identity = await startIdentity('identity_attacks');
  origin = await identity.app.listen({ port: 0, host: '127.0.0.1' });
  resource = await protectedResource(
    createTokenVerifier({
      jwksUrl: `${origin}/api/identity/.well-known/jwks.json`,
      issuer: ISSUER,
      audience: AUDIENCE,
      revocations: {
        url: `${origin}/api/identity/sessions/revoked`,
        refreshMs: REFRESH_MS,
        now: () => revocationClock,
      },
    }),
  );
  const [row] = await identity.sql<{ kid: string; private_jwk_sealed: string; public_jwk: JWK }[]>`
    select kid, private_jwk_sealed, public_jwk from identity.signing_keys where status = 'active'`;
  if (!row) throw new Error('no signing key');
  // The private key as the service opens it: sealed by its vault, bound to its kid.
  const vault = await identity.vault();
  const privateJwk = JSON.parse(vault.open(row.private_jwk_sealed, privateKeyAad('signing_keys', row.kid)));
  signingKey = {
    kid: row.kid,
    key: (await importJWK(privateJwk, 'EdDSA')) as CryptoKey,
    publicJwk: row.public_jwk,
  };
});
afterAll(async () => {
  await resource?.close();
  await identity?.close();
});

const call = (token: string) => resource.inject({ url: '/resource', headers: bearer(token) });
const now = () => Math.floor(Date.now() / 1000);

/** A genuine citizen's token, and its claims to forge from. */
async function genuine() {
  const { token } = await client(identity.app).signedIn();
  return { token, claims: decodeJwt(token) };
}

/** A token with these claims, signed by the identity service's own key. */
const signed = (claims: JWTPayload, header: Record<string, unknown> = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: signingKey.kid, ...header })
    .sign(signingKey.key);

const without = (claims: JWTPayload, name: string) =>
  Object.fromEntries(Object.entries(claims).filter(([k]) => k !== name));

async function expectRefused(token: string, code?: string) {
  const response = await call(token);
  expect(response.statusCode).toBe(401);
  if (code) expect(response.json()).toEqual({ error: `access token rejected: ${code}` });
}

describe('the shared token verifier', () => {
  it('lets a genuine token in, as its citizen', async () => {
    const { token, claims } = await genuine();
    const response = await call(token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: claims.sub, roles: ['citizen'], sessionId: claims.sid });
  });

  it('accepts a token its own key re-signs unchanged, so the refusals below are about the change alone', async () => {
    const { claims } = await genuine();
    expect((await call(await signed(claims))).statusCode).toBe(200);
  });

  it('refuses alg "none"', async () => {
    const { claims } = await genuine();
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: signingKey.kid }));
    await expectRefused(`${header}.${base64url.encode(JSON.stringify(claims))}.`, 'ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('refuses HS256 keyed with the public key (algorithm confusion)', async () => {
    const { claims } = await genuine();
    for (const secret of [
      new TextEncoder().encode(JSON.stringify(signingKey.publicJwk)),
      base64url.decode(String(signingKey.publicJwk.x)),
    ]) {
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: signingKey.kid })
        .sign(secret);
      await expectRefused(token, 'ERR_JOSE_ALG_NOT_ALLOWED');
    }
  });

  it('refuses a wrong issuer and a wrong audience', async () => {
    const { claims } = await genuine();
    await expectRefused(
      await signed({ ...claims, iss: 'https://evil.example/api/identity' }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
    await expectRefused(
      await signed({ ...claims, aud: 'another-system' }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
  });

  it('refuses a token expired beyond the 30 s clock skew, and accepts one just inside it', async () => {
    const { claims } = await genuine();
    const iat = now() - 1000;
    await expectRefused(await signed({ ...claims, iat, exp: now() - 60 }), 'ERR_JWT_EXPIRED');
    expect((await call(await signed({ ...claims, iat, exp: now() - 10 }))).statusCode).toBe(200);
  });

  it('refuses a token not yet valid, or issued in the future, beyond the skew', async () => {
    const { claims } = await genuine();
    await expectRefused(await signed({ ...claims, nbf: now() + 120 }), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    await expectRefused(
      await signed({ ...claims, iat: now() + 120, exp: now() + 900 }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
  });

  it('refuses a token lacking any of sid, jti, sub, exp, iat or scope, or not typed at+jwt', async () => {
    const { claims } = await genuine();
    for (const claim of ['sid', 'jti', 'sub', 'exp', 'iat', 'scope']) {
      await expectRefused(await signed(without(claims, claim)), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    }
    await expectRefused(await signed(claims, { typ: 'JWT' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses a token signed by a key the JWKS does not publish, under any kid', async () => {
    const { claims } = await genuine();
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    for (const kid of [signingKey.kid, 'some-other-kid']) {
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid })
        .sign(privateKey);
      await expectRefused(
        token,
        kid === signingKey.kid ? 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' : 'ERR_JWKS_NO_MATCHING_KEY',
      );
    }
  });

  it('refuses a revoked session once its copy of the list is refreshed, within the polling interval', async () => {
    // Given a citizen's token the verifier has accepted (its copy of the list is now fresh)
    const api = client(identity.app);
    const { token } = await api.signedIn();
    expect((await call(token)).statusCode).toBe(200);
    // When the citizen signs out
    await api.logout(token);
    // Then a verifier whose copy is not yet refreshMs old may still let it in: the staleness bound
    revocationClock += REFRESH_MS - 1;
    expect((await call(token)).statusCode).toBe(200);
    // And once the copy is older than refreshMs, the next request refreshes it and the token is refused
    revocationClock += 2;
    await expectRefused(token, 'ERR_SESSION_REVOKED');
    const refused = await call(token);
    expect(refused.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('refuses every token (503) when the revocation list cannot be read, rather than accept them unchecked', async () => {
    // Given a verifier whose revocation list is unreachable
    const closed = await protectedResource(
      createTokenVerifier({
        jwksUrl: `${origin}/api/identity/.well-known/jwks.json`,
        issuer: ISSUER,
        audience: AUDIENCE,
        revocations: { url: `${origin}/api/identity/no-such-list` },
      }),
    );
    // When a genuine token comes
    const response = await closed.inject({ url: '/resource', headers: bearer((await genuine()).token) });
    // Then it cannot be checked
    expect(response.statusCode).toBe(503);
    await closed.close();
  });
});
