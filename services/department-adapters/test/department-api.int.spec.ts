import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartmentApi } from '../src/http/department-api.ts';

// The adapter's HTTP client against a department that answers far more than it should: over a
// real socket, since what matters is how much the adapter reads, not what a stub hands it.

const LIMIT = 16 * 1024;
const decided = JSON.stringify({ status: 'DECIDED', decision: { outcome: 'approved' } });

type Answer = (response: ServerResponse) => void;
let answer: Answer = (response) => response.end();
/** Bytes the department managed to send before the adapter let the connection go. */
let sent = 0;
const server = createServer((_request: IncomingMessage, response: ServerResponse) => answer(response));
let api: ReturnType<typeof createDepartmentApi>;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  api = createDepartmentApi({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 5000, maxAnswerBytes: LIMIT });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Streams `total` bytes of JSON-looking text in 64 KB chunks, as long as the reader reads. */
const endless =
  (status: number, total: number): Answer =>
  (response) => {
    sent = 0;
    response.writeHead(status, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const more = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', more);
      }
      response.end();
    };
    response.on('close', () => response.destroy());
    more();
  };

describe('reading a department’s answer up to a limit', () => {
  it('uses an answer within the limit as it is', async () => {
    // Given a department that has decided
    answer = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(decided);
    // When the adapter asks about the case
    const { answer: got, record } = await api.call('poll', 'medical-insurance', 'MI-1');
    // Then it has the decision, and the record holds the whole body
    expect(got).toEqual({ kind: 'decided', decision: { outcome: 'approved' } });
    expect(record.text).toBe(decided);
  });

  it('sets aside a status answer streamed past the limit, having read little more than the limit', async () => {
    // Given a department that streams 64 MB without saying how long its answer is
    answer = endless(200, 64 * 1024 * 1024);
    // When the adapter asks about the case
    const { answer: got, record } = await api.call('poll', 'medical-insurance', 'MI-2');
    // Then the answer is unusable for its size, an operator sees its first 4 KB, and the
    // department did not get to send the rest
    expect(got).toEqual({ kind: 'unusable', reason: `answer larger than ${LIMIT} bytes (HTTP 200)` });
    expect(record.text).toBe('x'.repeat(4096));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('goes by a declared length past the limit, reading no more than an operator is shown', async () => {
    // Given a department declaring a refusal of 1 MB, sending its first 8 KB, and then nothing
    // more (a reader waiting for the rest would wait until its timeout)
    answer = (response) => {
      response.writeHead(422, { 'content-type': 'application/json', 'content-length': String(1024 * 1024) });
      response.write(Buffer.alloc(8 * 1024, 'x'));
    };
    // When the adapter submits a case
    const { answer: got, record } = await api.call('submit', 'medical-insurance', 'MI-3', { body: {} });
    // Then the refusal is not taken as the applicant's rejection: it is unusable for its size,
    // at once, and an operator sees its first 4 KB
    expect(got).toEqual({ kind: 'unusable', reason: `answer larger than ${LIMIT} bytes (HTTP 422)` });
    expect(record).toMatchObject({ status: 422, text: 'x'.repeat(4096) });
  });

  it('still tries again later on a 503 with an oversized body, and takes an oversized receipt as a receipt', async () => {
    // Given a department failing with a large error page
    answer = endless(503, 1024 * 1024);
    // When the adapter submits a case, then it will try again later, as for any 503
    expect((await api.call('submit', 'medical-insurance', 'MI-4', { body: {} })).answer).toEqual({
      kind: 'retry-later',
      reason: 'HTTP 503',
    });
    // Given a department accepting a submission with a large body
    answer = endless(202, 1024 * 1024);
    // When the adapter submits a case, then the receipt counts: it needed the status alone
    expect((await api.call('submit', 'medical-insurance', 'MI-5', { body: {} })).answer).toEqual({
      kind: 'accepted',
    });
  });
});
