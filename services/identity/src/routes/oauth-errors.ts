import { isTransientDatabaseError } from '@onego/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UnreadableRecordError } from '../sealed.ts';

// RFC 6749 §5.2 error responses for the token endpoint: `{ error, error_description }` with 400,
// or 401 and a WWW-Authenticate challenge for a client that failed to authenticate. Everything
// that goes wrong on this route, including what Fastify refuses before the handler (media type,
// size, validation), is answered in this shape.

export const OAUTH_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERRORS)[number];

export const oauthErrorBody = z.object({
  error: z.enum(OAUTH_ERRORS),
  error_description: z.string().optional(),
});

export class OAuthError extends Error {
  override name = 'OAuthError';
  readonly code: OAuthErrorCode;
  constructor(code: OAuthErrorCode, description: string) {
    super(description);
    this.code = code;
  }
}

/** RFC 6749 §5.1: token responses, and their errors, are never cached. */
export const noStore = (reply: FastifyReply) =>
  reply.header('cache-control', 'no-store').header('pragma', 'no-cache');

export function oauthErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  noStore(reply);
  const send = (status: number, code: OAuthErrorCode, description: string) =>
    reply.code(status).send({ error: code, error_description: description });
  if (error instanceof OAuthError) {
    if (error.code !== 'invalid_client') return send(400, error.code, error.message);
    reply.header('www-authenticate', 'Basic realm="OneGo", charset="UTF-8"');
    return send(401, 'invalid_client', error.message);
  }
  if (error.validation) {
    const names = [
      ...new Set(error.validation.map((v) => v.instancePath.replace(/^\//, '')).filter(Boolean)),
    ];
    return send(400, 'invalid_request', `each parameter once, as text: ${names.join(', ') || 'the body'}`);
  }
  // Logged for operators by the service's onError hook.
  if (error instanceof UnreadableRecordError) return send(503, 'temporarily_unavailable', error.message);
  if (isTransientDatabaseError(error)) {
    reply.header('retry-after', '5');
    return send(503, 'temporarily_unavailable', 'try again shortly');
  }
  const status = error.statusCode ?? 500;
  // Too many requests, body too large, unsupported media type, malformed body: the client's fault.
  if (status < 500) return send(status === 415 ? 400 : status, 'invalid_request', error.message);
  request.log.error({ err: error }, 'token request failed');
  return send(500, 'server_error', 'internal error');
}
