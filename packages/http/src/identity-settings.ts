import { z } from 'zod';
import { createTokenVerifier } from './auth.ts';

// How every service other than identity checks callers: identity's published keys, the token
// issuer and audience, and identity's list of revoked sessions. One shape for their configuration
// (spread into a service's loadConfig) and one verifier built from it.

export const identitySettings = {
  IDENTITY_JWKS_URL: z.url().default('http://127.0.0.1:8081/api/identity/.well-known/jwks.json'),
  IDENTITY_REVOCATIONS_URL: z.url().default('http://127.0.0.1:8081/api/identity/sessions/revoked'),
  TOKEN_ISSUER: z.url().default('http://127.0.0.1:8080/api/identity'),
  TOKEN_AUDIENCE: z.string().min(1).default('onego'),
};

export interface IdentitySettings {
  IDENTITY_JWKS_URL: string;
  IDENTITY_REVOCATIONS_URL: string;
  TOKEN_ISSUER: string;
  TOKEN_AUDIENCE: string;
}

/** The verifier for a service's configuration: signatures, claims, and revoked sessions. */
export const verifierFor = (settings: IdentitySettings) =>
  createTokenVerifier({
    jwksUrl: settings.IDENTITY_JWKS_URL,
    issuer: settings.TOKEN_ISSUER,
    audience: settings.TOKEN_AUDIENCE,
    revocations: { url: settings.IDENTITY_REVOCATIONS_URL },
  });
