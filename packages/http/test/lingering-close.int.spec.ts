import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type OneGoApp } from '../src/index.ts';

// A body announced far larger than the route takes is refused with 413 and the connection
// closed (reading 16 MB only to throw it away would be a gift to a flood). Closed at once with
// the client still sending, the kernel answers the unread bytes with a reset, and a client that
// has not read our 413 yet loses it: it sees a dropped connection. So the server closes
// gently: the answer, a FIN, and what still arrives read and thrown away for a moment.

let app: OneGoApp;
let port: number;
beforeAll(async () => {
  app = await createHttpApp({ name: 'lingering-close-test', logLevel: 'silent' });
  app.post('/small', { bodyLimit: 1024 }, async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(() => app.close());

/** Sends the head and `sent` bytes of a `declared`-byte body, reads nothing for `pauseMs`, then reads. */
function sendWithoutReading(declared: number, sent: number, pauseMs: number) {
  return new Promise<{ answer: string; error?: string }>((resolve) => {
    let answer = '';
    let error: string | undefined;
    const socket = connect(port, '127.0.0.1', () => {
      socket.pause();
      socket.write(
        `POST /small HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${declared}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(sent, 0x20));
      setTimeout(() => socket.resume(), pauseMs);
    });
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code;
    });
    socket.on('close', () => resolve({ answer, ...(error && { error }) }));
  });
}

describe('a body announced far over the limit', () => {
  it('gets its 413 even when the client reads it only after sending more', async () => {
    // Given a client that announces 16 MB, sends 4 MB at once and reads nothing for a moment
    // When the server refuses it and closes the connection
    const { answer, error } = await sendWithoutReading(16 * 1024 * 1024, 4 * 1024 * 1024, 300);
    // Then the client still reads the 413, naming the size, and the connection was not reset
    expect(error).toBeUndefined();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('connection: close');
    expect(answer).toContain('the body is 16777216 bytes');
  });
});
