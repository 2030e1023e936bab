import { STATUS_CODES } from 'node:http';
import { isTransientDatabaseError } from '@onego/db';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { drainsRefusedBody, lingerOnClose } from './guards.ts';

// One error handler for every service: a 4xx names the field and the reason; a 5xx says only
// that something went wrong (details go to the log); a database that is down is a 503 with
// Retry-After, never a 500.

export interface Issue {
  path: string;
  message: string;
}

export class HttpError extends Error {
  override name = 'HttpError';
  readonly statusCode: number;
  readonly issues: Issue[] | undefined;
  constructor(statusCode: number, message: string, issues?: Issue[]) {
    super(message);
    this.statusCode = statusCode;
    this.issues = issues;
  }
}

const dotted = (instancePath: string) => instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');

function issuesOf(
  error: { validation: { instancePath: string; message?: string; keyword: string; params: unknown }[] },
  where?: string,
) {
  return error.validation.flatMap((v): Issue[] => {
    // A problem with the body (or query, ...) as a whole names it: an issue always has a path.
    // Body fields are named as the form names them (`child.name`); other places by where they are.
    const base = [where && where !== 'body' ? where : '', dotted(v.instancePath)].filter(Boolean).join('.');
    const keys = (v.params as { keys?: string[] }).keys;
    if (v.keyword === 'unrecognized_keys' && keys) {
      // An empty field name is shown quoted, so the path still names something.
      return keys.map((k) => {
        const name = k === '' ? '""' : k;
        return { path: base ? `${base}.${name}` : name, message: 'is not a known field' };
      });
    }
    return [{ path: base || (where ?? 'body'), message: v.message ?? 'is invalid' }];
  });
}

/**
 * What a 4xx says. Plugins do not all throw Errors (@fastify/rate-limit throws whatever its
 * errorResponseBuilder returns, e.g. `{ statusCode, error }`), so a missing message is looked
 * for in `error`, and the status text is the last resort.
 */
function messageOf(error: FastifyError, status: number, contentType: string | undefined) {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return `content-type ${contentType ? JSON.stringify(contentType) : '(none)'} is not accepted by this route`;
  }
  if (typeof error.message === 'string' && error.message !== '') return error.message;
  const given = (error as { error?: unknown }).error;
  return typeof given === 'string' && given !== '' ? given : (STATUS_CODES[status] ?? 'request refused');
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply
        .code(400)
        .send({ error: 'invalid request', issues: issuesOf(error, error.validationContext) });
    }
    if (error instanceof HttpError) {
      return reply
        .code(error.statusCode)
        .send({ error: error.message, ...(error.issues && { issues: error.issues }) });
    }
    if (isTransientDatabaseError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: 'service temporarily unavailable' });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own 4xx (body too large, bad JSON, unsupported media type, rate limited).
      if (status === 413) {
        if (drainsRefusedBody(request)) reply.removeHeader('connection');
        else lingerOnClose(request.raw.socket);
      }
      return reply.code(status).send({ error: messageOf(error, status, request.headers['content-type']) });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal error' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
}
