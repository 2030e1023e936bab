import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A handler runs in its request's trace context, so that the spans it starts (statements,
// publishes) belong to the caller's trace. The telemetry's context manager no longer binds server
// requests and responses to that context (issue 8: it cost a proxied request about half of its
// CPU); with a body, the handler is reached from the body's `end` event, which Node emits from the
// socket, outside it, and Fastify carries the context across. Run as a process with the
// platform's telemetry, since the HTTP instrumentation patches Node's http module at start.

const fixture = fileURLToPath(new URL('./fixtures/traced-app.ts', import.meta.url));
let child: ChildProcess;
let origin: string;

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', '@onego/telemetry/register', fixture], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: 'traced-app' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  origin = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill();
    await once(child, 'exit');
  }
});

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const traceparent = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

async function probe(method: string, path: string, body?: string) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { traceparent, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { traceId: string | null; name: string | null };
}

/** A POST whose body is sent 200 ms after its headers, so that it arrives in a later read. */
function postLate(body: string) {
  return new Promise<{ traceId: string | null; name: string | null }>((resolve, reject) => {
    const { port } = new URL(origin);
    let answer = '';
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST /probe HTTP/1.1\r\nhost: x\r\ntraceparent: ${traceparent}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n`,
      );
      setTimeout(() => socket.write(body), 200);
    });
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))));
  });
}

describe("a handler's trace context", () => {
  it('is its request server span when the request has no body', async () => {
    // given a GET carrying the caller's trace, when the handler looks, then it sees its server span
    expect(await probe('GET', '/probe')).toEqual({ traceId: TRACE_ID, name: 'GET /probe' });
  });

  it('is its request server span after a JSON body has been read', async () => {
    // given a POST with a body (read from events the socket emits), when the handler looks
    const seen = await probe('POST', '/probe', JSON.stringify({ form: 'x'.repeat(100_000) }));
    // then it is still in the caller's trace, under its own server span
    expect(seen).toEqual({ traceId: TRACE_ID, name: 'POST /probe' });
  });

  it('is its request server span when the body arrives after the headers, in a read of its own', async () => {
    // given a POST whose body the socket delivers 200 ms after its headers, when the handler looks
    const seen = await postLate(JSON.stringify({ form: 'late' }));
    // then it is in the caller's trace, under its own server span
    expect(seen).toEqual({ traceId: TRACE_ID, name: 'POST /probe' });
  });

  it('is its request server span after a route of its own ran an async preValidation hook', async () => {
    expect(await probe('PUT', '/probe/1', '{}')).toEqual({ traceId: TRACE_ID, name: 'PUT /probe/:id' });
  });
});
