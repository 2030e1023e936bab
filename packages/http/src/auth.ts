import type { FastifyReply, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { HttpError } from './errors.ts';
import { createRevocationList, type RevocationListOptions } from './session-revocations.ts';

// Every non-public route verifies the caller's access token: an EdDSA-signed JWT (RFC 9068
// `at+jwt`) from the identity service, checked against its published JWKS, its issuer and
// audience, its times with a small clock skew, and its session against identity's list of
// revoked sessions. The verified principal is what routes use for ownership and scope checks.

export interface Principal {
  /** The account (JWT `sub`): a citizen's or staff member's id, or a department system's client_id. */
  id: string;
  /** The token's scopes: `citizen`, `clerk`, `operator`, `department:<department>`. */
  roles: string[];
  /** The sign-in session (JWT `sid`), which identity can revoke. */
  sessionId?: string;
  /** Staff only: the county they work in (JWT `region`). */
  region?: string;
  /** Department systems only: their department, from their `department:<department>` scope. */
  department?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Seconds a token's `exp`, `nbf` and `iat` may be off: clocks differ a little, never by minutes. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** No access token lives longer than this (identity's ACCESS_TOKEN_TTL_SECONDS is at most this). */
export const MAX_TOKEN_AGE_SECONDS = 3600;
const SESSION_CLAIMS = ['iss', 'aud', 'sub', 'iat', 'exp', 'jti', 'sid', 'scope'];

export const departmentScope = (department: string) => `department:${department}`;

/** A token refused for a reason of ours (its session is revoked), answered like jose's refusals. */
export class TokenRejected extends Error {
  override name = 'TokenRejected';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export interface AccessTokenRules {
  issuer: string;
  audience: string;
  /** Whether the session named by `sid` is revoked. When given, `at+jwt`, `jti` and `sid` are required. */
  isRevoked?: (sessionId: string) => Promise<boolean>;
  clock?: () => Date;
  /**
   * Seconds a token whose signature and claims were checked is taken as checked again without
   * another signature check (its expiry still applies; its session is still looked up each
   * time). 0, the default, checks every time.
   */
  rememberSeconds?: number;
}

/** At most this many checked tokens are remembered (the oldest go first). */
export const REMEMBERED_TOKENS = 10_000;

/** The checks every OneGo access token passes, with the keys to check the signature against. */
export function createAccessTokenVerifier(keys: JWTVerifyGetKey, rules: AccessTokenRules) {
  const sessions = rules.isRevoked;
  const rememberMs = (rules.rememberSeconds ?? 0) * 1000;
  // Token -> its checked payload, until when it may be trusted without a new check.
  const remembered = new Map<string, { payload: JWTPayload; until: number }>();

  async function checked(token: string): Promise<JWTPayload> {
    const now = (rules.clock?.() ?? new Date()).getTime();
    const known = remembered.get(token);
    if (known && now < known.until) return known.payload;
    if (known) remembered.delete(token);
    const { payload } = await jwtVerify(token, keys, {
      issuer: rules.issuer,
      audience: rules.audience,
      // One algorithm: `none`, HS256 keyed with the public key, RS256 and the rest are refused.
      algorithms: ['EdDSA'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // Also refuses an `iat` in the future beyond the tolerance.
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      requiredClaims: sessions ? SESSION_CLAIMS : ['sub', 'exp', 'iat'],
      ...(sessions && { typ: 'at+jwt' }),
      ...(rules.clock && { currentDate: rules.clock() }),
    });
    if (rememberMs > 0) {
      // Never past the token's own expiry or maximum age (both present: required claims).
      const until = Math.min(
        now + rememberMs,
        Number(payload.exp) * 1000,
        (Number(payload.iat) + MAX_TOKEN_AGE_SECONDS) * 1000,
      );
      if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value ?? '');
      remembered.set(token, { payload, until });
    }
    return payload;
  }

  return async function verify(token: string): Promise<Principal> {
    const payload = await checked(token);
    const principal = principalOf(payload);
    if (sessions) {
      if (!principal.sessionId) throw new TokenRejected('ERR_JWT_CLAIM_VALIDATION_FAILED', 'no session id');
      if (await sessions(principal.sessionId)) {
        throw new TokenRejected('ERR_SESSION_REVOKED', 'the session of this token was revoked');
      }
    }
    return principal;
  };
}

export interface TokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /**
   * Identity's list of revoked sessions (IDENTITY_REVOCATIONS_URL), polled; see
   * session-revocations.ts for the staleness bound. With it, tokens must carry `sid` and `jti`.
   */
  revocations?: RevocationListOptions;
  clock?: () => Date;
}

/**
 * How long services other than identity trust a token they checked (a page polling an
 * application sends the same token every few seconds): an Ed25519 check through WebCrypto cost
 * 7.6% of the applications service's CPU at intake. Well within what the JWKS cache already
 * allows: keys fetched from identity are kept up to 10 minutes (jose's cacheMaxAge).
 */
export const REMEMBER_CHECKED_TOKEN_SECONDS = 60;

/** The verifier every service other than identity uses: keys from the JWKS URL, revocations polled. */
export function createTokenVerifier(options: TokenVerifierOptions) {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: 5_000,
    timeoutDuration: 5_000,
  });
  const revoked = options.revocations && createRevocationList(options.revocations);
  return createAccessTokenVerifier(keys, {
    issuer: options.issuer,
    audience: options.audience,
    rememberSeconds: REMEMBER_CHECKED_TOKEN_SECONDS,
    ...(revoked && { isRevoked: (sid: string) => revoked.isRevoked(sid) }),
    ...(options.clock && { clock: options.clock }),
  });
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function principalOf(payload: JWTPayload): Principal {
  const roles = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  const department = roles.find((r) => r.startsWith('department:'))?.slice('department:'.length);
  const sessionId = text(payload.sid);
  const region = text(payload.region);
  return {
    id: String(payload.sub),
    roles,
    ...(sessionId && { sessionId }),
    ...(region && { region }),
    ...(department && { department }),
  };
}

type Verify = (token: string) => Promise<Principal>;

/** An onRequest hook (before body parsing and validation) requiring a valid bearer token; 401 otherwise. */
export function requireAuth(verify: Verify) {
  return async function authenticate(request: FastifyRequest, reply?: FastifyReply) {
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer ([A-Za-z0-9_\-.]+)$/);
    if (!match?.[1]) {
      reply?.header('www-authenticate', 'Bearer');
      throw new HttpError(401, 'a bearer access token is required');
    }
    try {
      request.principal = await verify(match[1]);
    } catch (error) {
      const rejected = error instanceof TokenRejected || error instanceof errors.JOSEError;
      if (rejected && !(error instanceof errors.JWKSTimeout)) {
        // RFC 6750 §3.1: the resource tells the client its token is no good.
        reply?.header('www-authenticate', 'Bearer error="invalid_token"');
        throw new HttpError(401, `access token rejected: ${error.code}`);
      }
      request.log.warn({ err: error }, 'cannot check access tokens (keys or revoked sessions)');
      throw new HttpError(503, 'cannot verify access tokens right now');
    }
  };
}

/** The authenticated principal; routes behind requireAuth always have one. */
export function callerOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, 'a bearer access token is required');
  return request.principal;
}

export const hasScope = (principal: Principal, scope: string) => principal.roles.includes(scope);

/**
 * An onRequest hook: a valid token holding at least one of `scopes` (`operator`, `clerk`,
 * `department:<d>`, ...); 401 without a valid token, 403 without any of the scopes.
 */
export function requireScope(verify: Verify, ...scopes: [string, ...string[]]) {
  const authenticate = requireAuth(verify);
  return async function authorise(request: FastifyRequest, reply?: FastifyReply) {
    await authenticate(request, reply);
    const principal = callerOf(request);
    if (!scopes.some((scope) => hasScope(principal, scope))) {
      throw new HttpError(403, `this needs the ${scopes.join(' or ')} scope`);
    }
  };
}

/** requireScope with one scope, as services have used it: `requireRole(verify, 'operator')`. */
export const requireRole = (verify: Verify, role: string) => requireScope(verify, role);
