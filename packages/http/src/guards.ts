import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

// What a service refuses before a route sees the request, each with an answer that says what
// is wrong: a URL that does not decode, bytes that are not HTTP, a client too slow, a body
// declared larger than the route takes.

/**
 * A refused body is still read (and thrown away) when it comes from the loopback gateway and is
 * no larger than this: the gateway is still sending it, and if the connection closed under it,
 * the caller would get the gateway's 503 instead of our 413. Larger ones close the connection.
 */
export const DRAIN_REFUSED_BODY_BYTES = 8 * 1024 * 1024;

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Whether a refused request's body should be drained (keeping the connection) rather than cut. */
export function drainsRefusedBody(request: FastifyRequest) {
  const declared = request.headers['content-length'];
  const fromLoopback = LOOPBACK.test(request.socket.remoteAddress ?? '');
  return fromLoopback && (declared === undefined || Number(declared) <= DRAIN_REFUSED_BODY_BYTES);
}

/** A body announced larger than the route takes is refused before a byte of it is read. */
export function refuseDeclaredOversize(app: FastifyInstance) {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(request.headers['content-length']);
    const limit = request.routeOptions.bodyLimit;
    if (!limit || !(declared > limit)) return;
    if (!drainsRefusedBody(request)) {
      reply.header('connection', 'close');
      lingerOnClose(request.raw.socket);
    }
    throw new HttpError(413, `the body is ${declared} bytes; this route takes at most ${limit}`);
  });
}

/** How long a refused client may go on sending, discarded, after its answer and our FIN. */
export const LINGER_MS = 2000;

/**
 * Closes the connection gently once the answer is sent (RFC 9112 §9.6, "lingering close"): a FIN
 * first, then what the client is still sending is read and thrown away for a moment before the
 * socket is destroyed. Destroyed at once, with the client's body still arriving, the kernel
 * answers with a reset, which can wipe our 413 from the client's buffer before it reads it.
 * Node calls `destroySoon` when a `connection: close` response has finished.
 */
export function lingerOnClose(socket: Socket, ms = LINGER_MS) {
  (socket as Socket & { destroySoon: () => void }).destroySoon = () => {
    socket.end();
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
}

/**
 * Node has already answered `Expect: 100-continue` on this hop (it sends 100 Continue itself).
 * Passed on, the header makes the gateway's proxy (undici) refuse the request: a 500 for any
 * client that sends it, as curl does for bodies over 1 MB and .NET's HttpClient for every POST.
 */
export function forgetAnsweredExpectation(app: FastifyInstance) {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    delete request.raw.headers.expect;
  });
}

/** Fastify's own answers for URLs its router cannot take (they bypass the error handler). */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.code(414).send({ error: 'a segment of the URL path is longer than 100 characters' });
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return reply.code(400).send({ error: 'the URL path does not decode: a percent-escape is not UTF-8' });
  }
  return reply.code(error.statusCode ?? 400).send({ error: error.message });
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time: send it faster'],
  HPE_HEADER_OVERFLOW: [431, 'the request line and headers are larger than 16 KB'],
  HPE_URI_TOO_LONG: [414, 'the URL is too long'],
};

/** Bytes that are not an HTTP request (or arrive too slowly): answered on the socket, then closed. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    `the request is not valid HTTP (${error.code ?? 'unreadable'})`,
  ];
  const body = JSON.stringify({ error: message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const NUL = '\u0000';
const MAX_DEPTH = 64;

/** Where in a parsed value a string (or a field name) holds NUL, as dotted paths. */
export function nulPaths(value: unknown, path: string, depth = 0, seen = new WeakSet<object>()): string[] {
  if (typeof value === 'string') return value.includes(NUL) ? [path] : [];
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => nulPaths(v, path ? `${path}.${i}` : String(i), depth + 1, seen));
  // A Buffer, a stream (a proxied or multipart body): not parsed fields.
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return [];
  if (seen.has(value)) return [];
  seen.add(value);
  return Object.entries(value).flatMap(([key, v]) => {
    const at = path ? `${path}.${key}` : key;
    return key.includes(NUL) ? [at] : nulPaths(v, at, depth + 1, seen);
  });
}

/**
 * PostgreSQL cannot store NUL in text: a field holding it would reach the database and fail
 * there as a 500. Refused before validation, naming the field (body fields by their own name,
 * as validation names them).
 */
export function refuseNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const paths = [
      ...nulPaths(request.body, ''),
      ...nulPaths(request.query, 'querystring'),
      ...nulPaths(request.params, 'params'),
    ].map((path) => path || 'body');
    if (paths.length === 0) return;
    throw new HttpError(
      400,
      'invalid request',
      paths.map((path) => ({ path, message: 'holds a NUL character (\\u0000), which no field accepts' })),
    );
  });
}
