import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';

// A stand-in for the identity service: a tiny server publishing a key made here and an empty list
// of revoked sessions, so tokens take the real verification path (fetched JWKS, EdDSA signature,
// token type, issuer, audience, expiry, session). A token's scope is whatever a test says.

const TOKEN_ISSUER = 'http://identity.test/api/identity';
const TOKEN_AUDIENCE = 'onego';

export async function startIdentityStub() {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = await exportJWK(publicKey);
  const signingKey: { key: CryptoKey; kid: string } = {
    key: privateKey,
    kid: await calculateJwkThumbprint(jwk),
  };
  const jwks = JSON.stringify({ keys: [{ ...jwk, kid: signingKey.kid, alg: 'EdDSA', use: 'sig' }] });
  const server: Server = createServer((request, response) => {
    const body = request.url?.endsWith('/sessions/revoked') ? '{"sessions":[]}' : jwks;
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: {
      IDENTITY_JWKS_URL: `http://127.0.0.1:${port}/api/identity/.well-known/jwks.json`,
      IDENTITY_REVOCATIONS_URL: `http://127.0.0.1:${port}/api/identity/sessions/revoked`,
      TOKEN_ISSUER,
      TOKEN_AUDIENCE,
    },
    /** A bearer token for an account with the given scope ("citizen", "operator", ...). */
    token: (accountId: string, scope = 'citizen') =>
      new SignJWT({ scope, sid: randomUUID() })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: signingKey.kid })
        .setJti(randomUUID())
        .setSubject(accountId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(signingKey.key),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export type IdentityStub = Awaited<ReturnType<typeof startIdentityStub>>;
