import type { Department } from '@onego/contracts';
import { classifyHttpAnswer, type HttpAnswer, type Operation } from '../domain/http-answers.ts';
import { resourcePath } from '../domain/http-api.ts';

// The adapter's client for the HTTP-style departments' APIs: one call, one answer, never an
// exception. Each call has a timeout; whatever went wrong on the way (no connection, a reset,
// the timeout) is an answer too: try again later.

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

export function createDepartmentApi(options: { baseUrl: string; timeoutMs: number }): DepartmentApi {
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
        const text = await response.text();
        const answer = classifyHttpAnswer(operation, {
          status: response.status,
          body: parse(text),
          retryAfter: response.headers.get('retry-after'),
        });
        return { answer, record: { method, url, status: response.status, text } };
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
