import type { OneGoApp } from '@onego/http';
import { z } from 'zod';
import { SUPPORTED_SCOPES } from '../domain/accounts.ts';
import { CLIENT_AUTH_METHODS } from '../domain/client-authentication.ts';
import { JWKS_MAX_AGE_SECONDS } from '../domain/signing-keys.ts';
import type { KeyStore } from '../keys.ts';
import { pollsPerClient } from './fields.ts';
import { GRANT_TYPES } from './oauth.ts';

// What a verifier or a client library needs to find everything else: OpenID Connect Discovery
// 1.0 / RFC 8414 metadata at `${issuer}/.well-known/openid-configuration`, and the JWKS.

const publicKey = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
});

const metadata = z.object({
  issuer: z.string(),
  jwks_uri: z.string(),
  token_endpoint: z.string(),
  grant_types_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
  response_types_supported: z.array(z.string()),
  subject_types_supported: z.array(z.string()),
  id_token_signing_alg_values_supported: z.array(z.string()),
  access_token_signing_alg_values_supported: z.array(z.string()),
  claims_supported: z.array(z.string()),
  revoked_sessions_endpoint: z.string(),
  service_documentation: z.string(),
});

export function discoveryRoutes(app: OneGoApp, deps: { keys: KeyStore; issuer: string }) {
  const { issuer } = deps;
  const document: z.infer<typeof metadata> = {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    token_endpoint: `${issuer}/oauth/token`,
    grant_types_supported: [...GRANT_TYPES],
    token_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    scopes_supported: [...SUPPORTED_SCOPES],
    // No authorization endpoint (citizens and staff sign in with their own routes): no response types.
    response_types_supported: [],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['EdDSA'],
    access_token_signing_alg_values_supported: ['EdDSA'],
    claims_supported: ['iss', 'aud', 'sub', 'iat', 'exp', 'jti', 'sid', 'scope', 'region', 'client_id'],
    revoked_sessions_endpoint: `${issuer}/sessions/revoked`,
    service_documentation: `${issuer}/openapi.json`,
  };

  app.get(
    '/api/identity/.well-known/openid-configuration',
    {
      config: { rateLimit: pollsPerClient },
      schema: {
        tags: ['keys'],
        summary: 'OpenID Connect discovery / OAuth 2.0 authorization server metadata (RFC 8414)',
        response: { 200: metadata },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
      return document;
    },
  );

  app.get(
    '/api/identity/.well-known/jwks.json',
    {
      config: { rateLimit: pollsPerClient },
      schema: {
        tags: ['keys'],
        summary:
          'The public keys that verify access tokens: the next (after a rotation), the current, the recently retired',
        response: { 200: z.object({ keys: z.array(publicKey) }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
      return { keys: await deps.keys.publishedKeys() };
    },
  );
}
