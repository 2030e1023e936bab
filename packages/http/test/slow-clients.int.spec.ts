import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type OneGoApp } from '../src/index.ts';

// Slow clients (issue 7, floods): a client that sends its headers and then dribbles the body,
// or never finishes its headers, is cut off with 408 after the request timeout instead of
// holding a connection (and a request in the service) forever. Before the fix, Fastify's
// default requestTimeout of 0 let a dribbled body run without end.

let app: OneGoApp;
let port: number;
beforeAll(async () => {
  app = await createHttpApp({ name: 'slow-clients-test', logLevel: 'silent', requestTimeoutMs: 1000 });
  app.post('/echo', async (request) => ({ received: request.body }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(() => app.close());

/** Sends `head`, then one more byte every 200 ms until the server answers or closes. */
function dribble(head: string, byte: string) {
  return new Promise<string>((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => socket.writable && socket.write(byte), 200);
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve(answer);
    });
  });
}

describe('a client slower than the request timeout', () => {
  it('gets 408 when it dribbles the body', async () => {
    // given a request whose headers announce 1000 bytes of JSON
    const head =
      'POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n[';
    // when the body comes one byte at a time
    const answer = await dribble(head, ' ');
    // then the server answers 408 and closes the connection
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('gets 408 when it never finishes its headers', async () => {
    const answer = await dribble('POST /echo HTTP/1.1\r\nhost: x\r\nx-slow: ', 'a');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('does not stop a client that sends its request in time', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(await response.json()).toEqual({ received: { a: 1 } });
  });
});
