import type { Database } from '@onego/db';
import type { OneGoApp } from '@onego/http';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { clients } from '../db/schema.ts';
import { grantScopes } from '../domain/accounts.ts';
import { authenticateClientRequest, type ClientCredentials } from '../domain/client-authentication.ts';
import { spendPasswordWork, verifyPassword } from '../domain/password.ts';
import type { IssueAccessToken } from '../tokens.ts';
import { attemptsPerClient } from './fields.ts';
import { noStore, OAuthError, oauthErrorBody, oauthErrorHandler } from './oauth-errors.ts';

// The OAuth 2.0 token endpoint (RFC 6749 §3.2) for department systems: the client credentials
// grant (§4.4), the client authenticated by HTTP Basic or by client_id/client_secret in the
// body (§2.3.1). Parameters are form-encoded (§4.4.2); unknown ones are ignored (§3.2), a
// repeated one is an invalid_request (§3.1).

export const GRANT_TYPES = ['client_credentials'] as const;
const FORM = 'application/x-www-form-urlencoded';

const tokenRequest = z.looseObject({
  grant_type: z.string().optional().describe('client_credentials'),
  scope: z.string().optional().describe('Space-separated; default: every scope the client is allowed'),
  client_id: z.string().optional().describe('client_secret_post only'),
  client_secret: z.string().optional().describe('client_secret_post only'),
});

const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.int(),
  scope: z.string(),
});

/** A form body as a record; a repeated name becomes an array, which the schema then refuses. */
function parseForm(
  _request: FastifyRequest,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  done(null, fields);
}

export function oauthRoutes(app: OneGoApp, deps: { db: Database; issueAccessToken: IssueAccessToken }) {
  async function authenticatedClient({ clientId, secret }: ClientCredentials) {
    const [client] = await deps.db.select().from(clients).where(eq(clients.clientId, clientId));
    if (!client) {
      // The same hashing work as a real check, so the answer's timing does not tell which ids exist.
      await spendPasswordWork(secret);
      throw new OAuthError('invalid_client', 'client authentication failed');
    }
    if (!(await verifyPassword(secret, client.secretHash))) {
      throw new OAuthError('invalid_client', 'client authentication failed');
    }
    return client;
  }

  // In its own plugin so that only this route reads form bodies.
  void app.register(async (scope: OneGoApp) => {
    scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 4096 }, parseForm);
    scope.post(
      '/api/identity/oauth/token',
      {
        config: { rateLimit: attemptsPerClient },
        errorHandler: oauthErrorHandler,
        schema: {
          tags: ['oauth'],
          summary: 'OAuth 2.0 token endpoint: client credentials for department systems (RFC 6749 §4.4)',
          description:
            'Form-encoded. Client authentication: HTTP Basic (client_secret_basic) or client_id and client_secret in the body (client_secret_post), not both. Errors as RFC 6749 §5.2; invalid_client is a 401 with a Basic challenge.',
          consumes: [FORM],
          body: tokenRequest,
          response: {
            200: tokenResponse,
            400: oauthErrorBody,
            401: oauthErrorBody,
            429: oauthErrorBody,
            503: oauthErrorBody,
          },
        },
      },
      async (request, reply) => {
        noStore(reply);
        if (!request.headers['content-type']?.toLowerCase().startsWith(FORM)) {
          throw new OAuthError('invalid_request', `send the parameters as ${FORM}`);
        }
        const body = request.body;
        const authentication = authenticateClientRequest(request.headers.authorization, body);
        if (!authentication.ok) throw new OAuthError(authentication.error, authentication.description);
        const client = await authenticatedClient(authentication.credentials);
        if (!body.grant_type) throw new OAuthError('invalid_request', 'grant_type is required');
        if (!(GRANT_TYPES as readonly string[]).includes(body.grant_type)) {
          throw new OAuthError('unsupported_grant_type', `grant types: ${GRANT_TYPES.join(', ')}`);
        }
        if (!client.grantTypes.includes(body.grant_type)) {
          throw new OAuthError('unauthorized_client', `this client may not use ${body.grant_type}`);
        }
        const grant = grantScopes(body.scope, client.scopes);
        if (!grant.ok) throw new OAuthError('invalid_scope', grant.reason);
        const token = await deps.issueAccessToken({
          id: client.clientId,
          type: 'client',
          scopes: grant.scopes,
          clientId: client.clientId,
        });
        return {
          access_token: token.accessToken,
          token_type: token.tokenType,
          expires_in: token.expiresIn,
          scope: token.scope,
        };
      },
    );
  });
}
