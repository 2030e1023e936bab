import type { Department } from '@onego/contracts';
import { classifyHttpAnswer, type HttpAnswer, type Operation } from '../domain/http-answers.ts';
import { resourcePath } from '../domain/http-api.ts';

// The adapter's client for the HTTP-style departments' APIs: one call, one answer, never an
// exception. Each call has a timeout; whatever went wrong on the way (no connection, a reset,
// the timeout) is an answer too: try again later. An answer's body is read up to a limit: these
// systems send small JSON, and whatever one sends is held in memory and kept for an operator.

export interface CallRecord {
  method: string;
  url: string;
  status?: number;
  /** The body as the department sent it (kept for an operator when it cannot be used). */
  text: string;
}

export interface DepartmentApi {
  call(
    operation: Operation,
    department: Department,
    caseRef: string,
    options?: { body?: unknown; idempotencyKey?: string },
  ): Promise<{ answer: HttpAnswer; record: CallRecord }>;
}

const parse = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
};

/** What is kept of a body past the limit, for an operator to see what the department sent. */
const KEPT_OF_OVERSIZED = 4096;

/**
 * The body as text, or, past `limit` bytes (by its Content-Length, or as it streams in), its
 * first 4 KB and no more read: the rest is never buffered, and the connection is let go.
 */
async function readBody(response: Response, limit: number): Promise<{ text: string; oversized: boolean }> {
  if (!response.body) return { text: '', oversized: false };
  const declared = Number(response.headers.get('content-length'));
  let oversized = Number.isFinite(declared) && declared > limit;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // Declared too large, it is read only as far as an operator is shown of it.
    if (oversized && size >= KEPT_OF_OVERSIZED) break;
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) oversized = true;
  }
  if (!oversized) return { text: new TextDecoder().decode(Buffer.concat(chunks, size)), oversized };
  await reader.cancel();
  return { text: new TextDecoder().decode(Buffer.concat(chunks).subarray(0, KEPT_OF_OVERSIZED)), oversized };
}

export function createDepartmentApi(options: {
  baseUrl: string;
  timeoutMs: number;
  /** The largest answer body read, in bytes; a larger one is not used (an operator sees it). */
  maxAnswerBytes: number;
}): DepartmentApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async call(operation, department, caseRef, { body, idempotencyKey } = {}) {
      const resource = `${base}${resourcePath(department)}`;
      const ref = encodeURIComponent(caseRef);
      const [method, url] =
        operation === 'submit'
          ? ['POST', resource]
          : operation === 'poll'
            ? ['GET', `${resource}/${ref}`]
            : ['POST', `${resource}/${ref}/cancel`];
      try {
        const response = await fetch(url, {
          method,
          headers: {
            accept: 'application/json',
            ...(body !== undefined && { 'content-type': 'application/json' }),
            ...(idempotencyKey && { 'idempotency-key': idempotencyKey }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const { text, oversized } = await readBody(response, options.maxAnswerBytes);
        const answer = classifyHttpAnswer(operation, {
          status: response.status,
          body: oversized ? undefined : parse(text),
          retryAfter: response.headers.get('retry-after'),
        });
        const record = { method, url, status: response.status, text };
        // Classified without its body, an oversized answer is still one to try again, or a
        // receipt, by its status; one that needed the body is unusable, for being too large.
        if (oversized && answer.kind === 'unusable') {
          const reason = `answer larger than ${options.maxAnswerBytes} bytes (HTTP ${response.status})`;
          return { answer: { kind: 'unusable', reason }, record };
        }
        return { answer, record };
      } catch (error) {
        const reason =
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${options.timeoutMs} ms`
            : `cannot reach the department: ${error instanceof Error ? (error.cause ?? error.message) : String(error)}`;
        return { answer: { kind: 'retry-later', reason: String(reason) }, record: { method, url, text: '' } };
      }
    },
  };
}
