// What a department's HTTP API said, in the adapter's terms. Legacy systems answer with status
// codes and small JSON bodies; the adapter needs to know only whether to try again later, to
// take a refusal (with the department's reason) as the item's rejection, to wait for a
// decision, or to set the exchange aside for an operator because the answer makes no sense.

export type Operation = 'submit' | 'poll' | 'cancel';

export type HttpAnswer =
  /** Timeouts, connection errors, 408, 425, 429 and 5xx: the department may answer later. */
  | { kind: 'retry-later'; reason: string; retryAfterMs?: number }
  /** A 4xx with a reason: the department refuses the request itself. */
  | { kind: 'rejected'; code: string; message: string }
  /** The department took the request (a receipt) or the cancellation. */
  | { kind: 'accepted' }
  | { kind: 'processing' }
  | { kind: 'decided'; decision: unknown }
  | { kind: 'cancelled' }
  /** Anything else: not retried, not trusted; an operator looks at it. */
  | { kind: 'unusable'; reason: string };

const RETRYABLE = new Set([408, 425, 429]);
const REASON_CODE = /^[A-Z0-9_]{2,40}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A `{ code, message }` body a department sends with a refusal, if that is what it is. */
function reasonOf(body: unknown): { code: string; message: string } | undefined {
  if (!isObject(body)) return undefined;
  const { code, message } = body;
  if (typeof code !== 'string' || !REASON_CODE.test(code)) return undefined;
  if (typeof message !== 'string' || message.trim() === '' || message.length > 500) return undefined;
  return { code, message };
}

/** Retry-After in seconds (the form these systems use), as milliseconds. */
export function retryAfterMsOf(header: string | null | undefined): number | undefined {
  if (!header || !/^\d{1,6}$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}

export function classifyHttpAnswer(
  operation: Operation,
  response: { status: number; body: unknown; retryAfter?: string | null },
): HttpAnswer {
  const { status, body } = response;
  if (status >= 500 || RETRYABLE.has(status)) {
    const retryAfterMs = retryAfterMsOf(response.retryAfter);
    return {
      kind: 'retry-later',
      reason: `HTTP ${status}`,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    };
  }
  const reason = reasonOf(body);
  if (operation === 'cancel') {
    // Gone, already cancelled or already decided: either way nothing is left to withdraw.
    if ((status >= 200 && status < 300) || status === 404 || status === 409) return { kind: 'accepted' };
    return { kind: 'unusable', reason: `cancellation answered HTTP ${status}` };
  }
  if (status === 409 && reason?.code === 'CASE_CANCELLED') return { kind: 'cancelled' };
  if (operation === 'submit') {
    if (status >= 200 && status < 300) return { kind: 'accepted' };
    if (status >= 400 && reason) return { kind: 'rejected', ...reason };
    return { kind: 'unusable', reason: `submission answered HTTP ${status} without a reason` };
  }
  if (status !== 200 || !isObject(body))
    return { kind: 'unusable', reason: `status query answered HTTP ${status}` };
  switch (body.status) {
    case 'RECEIVED':
    case 'PROCESSING':
      return { kind: 'processing' };
    case 'CANCELLED':
      return { kind: 'cancelled' };
    case 'DECIDED':
      return { kind: 'decided', decision: body.decision };
    default:
      return {
        kind: 'unusable',
        reason: `status query answered an unknown status ${JSON.stringify(body.status)}`,
      };
  }
}
