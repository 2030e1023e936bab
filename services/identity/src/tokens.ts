import { randomUUID } from 'node:crypto';
import { createAccessTokenVerifier } from '@onego/http';
import { errors, type JWTHeaderParameters, SignJWT } from 'jose';
import type { SubjectType } from './domain/accounts.ts';
import { ALG, type KeyStore } from './keys.ts';
import type { SessionStore } from './sessions.ts';

// Access tokens (RFC 9068 `at+jwt`): short-lived, EdDSA-signed, one session each. Other
// services verify them against the JWKS and the revoked-session list with @onego/http
// createTokenVerifier.

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
  clock: () => Date;
}

export interface TokenSubject {
  /** `sub`: a citizen's or staff member's account id, or a client's client_id. */
  id: string;
  type: SubjectType;
  scopes: readonly string[];
  /** Staff: the county they work in. */
  region?: string;
  /** Department systems (RFC 9068 §2.2 `client_id`). */
  clientId?: string;
}

export function createTokenIssuer(keys: KeyStore, sessions: SessionStore, settings: TokenSettings) {
  return async function issueAccessToken(subject: TokenSubject) {
    const { kid, key } = await keys.signingKey();
    const now = Math.floor(settings.clock().getTime() / 1000);
    const exp = now + settings.ttlSeconds;
    const scope = subject.scopes.join(' ');
    const sid = await sessions.open({
      subject: subject.id,
      subjectType: subject.type,
      scope,
      expiresAt: new Date(exp * 1000),
    });
    const accessToken = await new SignJWT({
      scope,
      sid,
      ...(subject.region !== undefined && { region: subject.region }),
      ...(subject.clientId !== undefined && { client_id: subject.clientId }),
    })
      .setProtectedHeader({ alg: ALG, typ: 'at+jwt', kid })
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setSubject(subject.id)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(key);
    return { accessToken, tokenType: 'Bearer' as const, expiresIn: settings.ttlSeconds, scope };
  };
}

export type IssueAccessToken = ReturnType<typeof createTokenIssuer>;

/**
 * The identity service verifies its own tokens against its key table and its session table
 * directly: fetching its own JWKS and revocation list over HTTP would add loopback round trips
 * and a start-up dependency on itself, and its own revocations apply at once. The checks are
 * the shared ones of @onego/http.
 */
export function createLocalTokenVerifier(
  keys: KeyStore,
  sessions: SessionStore,
  settings: Omit<TokenSettings, 'ttlSeconds'>,
) {
  async function keyFor(header: JWTHeaderParameters) {
    const key = header.kid ? await keys.verificationKey(header.kid) : undefined;
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key;
  }
  return createAccessTokenVerifier(keyFor, {
    issuer: settings.issuer,
    audience: settings.audience,
    isRevoked: (sid) => sessions.isRevoked(sid),
    clock: settings.clock,
  });
}
