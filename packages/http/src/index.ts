// @onego/http: the Fastify app every OneGo service is built on.

export type { ZodTypeProvider } from 'fastify-type-provider-zod';
export { createHttpApp, type HttpAppOptions, type OneGoApp } from './app.ts';
export {
  type AccessTokenRules,
  CLOCK_TOLERANCE_SECONDS,
  callerOf,
  createAccessTokenVerifier,
  createTokenVerifier,
  departmentScope,
  hasScope,
  MAX_TOKEN_AGE_SECONDS,
  type Principal,
  requireAuth,
  requireRole,
  requireScope,
  TokenRejected,
  type TokenVerifierOptions,
} from './auth.ts';
export { HttpError, type Issue } from './errors.ts';
export { type IdentitySettings, identitySettings, verifierFor } from './identity-settings.ts';
export {
  createRevocationList,
  REVOCATIONS_GRACE_MS,
  REVOCATIONS_REFRESH_MS,
  type RevocationList,
  type RevocationListOptions,
  RevocationsUnavailable,
} from './session-revocations.ts';
