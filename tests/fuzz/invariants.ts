import type { Answer } from './send.ts';

// What every answer to a generated request must satisfy: never a 5xx; every 4xx a JSON body
// with an `error` that says what is wrong (not just the status text); every 400 names the
// field (an `issues[].path`) or the part of the request (body, content type, URL) at fault.

export type Verdict =
  | { ok: true }
  | { ok: false; invariant: 'no-5xx' | 'answered' | '4xx-names-the-problem'; why: string };

/** Messages that only repeat the status: they do not tell the caller what to change. */
const GENERIC = new Set(
  [
    'bad request',
    'client error',
    'invalid request',
    'error',
    'internal error',
    'unauthorized',
    'forbidden',
    'not found',
  ].map((s) => s.toLowerCase()),
);

/** Words that name the part of the request at fault when there is no single field. */
const PARTS =
  /\b(body|json|content[- ]type|media type|url|path|query|parameter|header|utf-?8|encoding|token|multipart|file|field)\b/i;

interface ErrorBody {
  error?: unknown;
  /** RFC 6749 §5.2 (the token endpoint): `error` is a code, this says what is wrong. */
  error_description?: unknown;
  message?: unknown;
  issues?: { path?: unknown; message?: unknown }[];
}

function parse(text: string): ErrorBody | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as ErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/** Node's limit on the request line and headers: beyond it the server may close before answering 431. */
const MAX_HEAD_BYTES = 16 * 1024;

/**
 * A body this large is over every route's limit (JSON routes take 64 KB, a material 5 MB): the
 * server may refuse it by closing the connection while the client is still sending (RFC 9112
 * §9.6), and the client's write then fails before it can read any answer.
 */
const CLOSE_ALLOWED_BODY_BYTES = 5 * 1024 * 1024;
const WRITE_FAILED = /EPIPE|ECONNRESET/;

export function judge(
  answer: Answer,
  request?: { target: string; headers: Record<string, string>; body?: Buffer | undefined },
): Verdict {
  if (answer.status === -1) return { ok: true };
  if (answer.status === 0 && request && headBytes(request) > MAX_HEAD_BYTES) return { ok: true };
  if (
    answer.status === 0 &&
    (request?.body?.length ?? 0) > CLOSE_ALLOWED_BODY_BYTES &&
    WRITE_FAILED.test(answer.failure ?? '')
  )
    return { ok: true };
  if (answer.status === 0) return { ok: false, invariant: 'answered', why: answer.failure ?? 'no answer' };
  if (answer.status >= 500)
    return { ok: false, invariant: 'no-5xx', why: `${answer.status} ${answer.body.slice(0, 300)}` };
  if (answer.status < 400) return { ok: true };
  const body = parse(answer.body);
  const error = typeof body?.error === 'string' ? body.error.trim() : '';
  const fail = (why: string): Verdict => ({
    ok: false,
    invariant: '4xx-names-the-problem',
    why: `${answer.status} ${why}: ${answer.body.slice(0, 300)}`,
  });
  if (!body) return fail('not a JSON object');
  if (typeof body.error_description === 'string' && body.error_description.trim()) return { ok: true };
  if (!error) return fail('no `error` string');
  if (GENERIC.has(error.toLowerCase()) && !Array.isArray(body.issues))
    return fail('the error only repeats the status');
  if (answer.status !== 400) return { ok: true };
  if (Array.isArray(body.issues) && body.issues.length > 0) {
    const unnamed = body.issues.find(
      (i) => typeof i.path !== 'string' || i.path === '' || typeof i.message !== 'string',
    );
    return unnamed ? fail('an issue without a path or message') : { ok: true };
  }
  return PARTS.test(error) ? { ok: true } : fail('neither issues nor the part of the request at fault');
}

const headBytes = (request: { target: string; headers: Record<string, string> }) =>
  Buffer.byteLength(request.target) +
  Object.entries(request.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
