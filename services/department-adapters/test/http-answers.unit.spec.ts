import { describe, expect, it } from 'vitest';
import { classifyHttpAnswer, retryAfterMsOf } from '../src/domain/http-answers.ts';

const reason = { code: 'CERT_NO_MISMATCH', message: '出生医学证明编号与身份信息不符' };

describe('what a department’s HTTP answer means to the adapter', () => {
  it('takes timeouts’ kin (408, 425, 429) and every 5xx as “try again later”, whatever the call', () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504]) {
      for (const operation of ['submit', 'poll', 'cancel'] as const) {
        expect(classifyHttpAnswer(operation, { status, body: reason }).kind).toBe('retry-later');
      }
    }
  });

  it('honours Retry-After given in seconds, and ignores one it cannot read', () => {
    expect(classifyHttpAnswer('submit', { status: 429, body: undefined, retryAfter: '3' })).toEqual({
      kind: 'retry-later',
      reason: 'HTTP 429',
      retryAfterMs: 3000,
    });
    expect(retryAfterMsOf('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
  });

  it('takes a refused submission with a reason as the item’s rejection, with that reason', () => {
    expect(classifyHttpAnswer('submit', { status: 422, body: reason })).toEqual({
      kind: 'rejected',
      ...reason,
    });
    expect(classifyHttpAnswer('submit', { status: 400, body: reason }).kind).toBe('rejected');
  });

  it('sets aside a 4xx without a usable reason rather than rejecting the applicant’s item', () => {
    for (const body of [
      undefined,
      'Forbidden',
      { code: 'lower case', message: 'x' },
      { code: 'NO_MESSAGE' },
    ]) {
      expect(classifyHttpAnswer('submit', { status: 403, body }).kind).toBe('unusable');
    }
  });

  it('takes a receipt as accepted, and a case withdrawn earlier as cancelled', () => {
    expect(classifyHttpAnswer('submit', { status: 202, body: { receiptNo: 'SL1' } })).toEqual({
      kind: 'accepted',
    });
    expect(
      classifyHttpAnswer('submit', { status: 409, body: { code: 'CASE_CANCELLED', message: '业务已撤回' } }),
    ).toEqual({ kind: 'cancelled' });
  });

  it('reads a status query: still processing, decided (with the decision), or cancelled', () => {
    const decision = { requestId: 'YB1', status: 'ENROLLED' };
    expect(classifyHttpAnswer('poll', { status: 200, body: { status: 'PROCESSING' } }).kind).toBe(
      'processing',
    );
    expect(classifyHttpAnswer('poll', { status: 200, body: { status: 'RECEIVED' } }).kind).toBe('processing');
    expect(classifyHttpAnswer('poll', { status: 200, body: { status: 'DECIDED', decision } })).toEqual({
      kind: 'decided',
      decision,
    });
    expect(classifyHttpAnswer('poll', { status: 200, body: { status: 'CANCELLED' } }).kind).toBe('cancelled');
    expect(classifyHttpAnswer('poll', { status: 200, body: { status: 'LOST' } }).kind).toBe('unusable');
    expect(classifyHttpAnswer('poll', { status: 404, body: reason }).kind).toBe('unusable');
  });

  it('takes a withdrawal as done when the case is gone, already withdrawn or already decided', () => {
    for (const status of [200, 202, 204, 404, 409]) {
      expect(classifyHttpAnswer('cancel', { status, body: undefined }).kind).toBe('accepted');
    }
    expect(classifyHttpAnswer('cancel', { status: 401, body: undefined }).kind).toBe('unusable');
  });
});
