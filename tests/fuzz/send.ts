import { Agent, request } from 'node:http';
import type { Wire } from './encode.ts';

// Sends bytes as they are (node:http, not fetch: fetch would normalise the URL and refuse some
// of the bodies and headers the fuzzer means to send) and reads the answer.

export interface Answer {
  /** 0 when there was no HTTP answer (connection closed or reset, timeout). */
  status: number;
  body: string;
  /** Why there was no answer. */
  failure?: string;
  ms: number;
}

export function createSender(origin: string, concurrency: number) {
  const url = new URL(origin);
  // A connection per request: a server that closes a connection after refusing a request (as
  // it should, for a body it will not read) must not make the next request fail on a reused socket.
  // Each request still says `keep-alive`, as browsers and curl do: a server that answers before
  // reading the whole body then reads the rest and throws it away, and the client gets the answer.
  // With `close`, the server would close under a client still sending, and the reset it gets can
  // wipe the answer from its receive buffer: no client would see that, so it is not measured.
  const agent = new Agent({ keepAlive: false, maxSockets: concurrency });
  function send(method: string, wire: Wire, timeoutMs = 15_000): Promise<Answer> {
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (answer: Omit<Answer, 'ms'>) => resolve({ ...answer, ms: performance.now() - started });
      let req: ReturnType<typeof request>;
      try {
        req = request({
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path: wire.target,
          headers: {
            connection: 'keep-alive',
            ...wire.headers,
            ...(wire.body &&
              !wire.headers['transfer-encoding'] && { 'content-length': String(wire.body.length) }),
          },
          timeout: timeoutMs,
        });
      } catch (error) {
        // node:http refuses to send it (an invalid header or path character): not the server's doing.
        done({ status: -1, body: '', failure: `not sendable: ${String(error)}` });
        return;
      }
      let answered: number | undefined;
      const chunks: Buffer[] = [];
      req.on('response', (response) => {
        answered = response.statusCode;
        // An event stream (an application's live view) stays open: its status is the answer.
        if (String(response.headers['content-type']).startsWith('text/event-stream')) {
          done({ status: response.statusCode ?? 0, body: '' });
          req.destroy();
          return;
        }
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error) =>
          done({ status: response.statusCode ?? 0, body: '', failure: String(error) }),
        );
      });
      req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      // A write that fails after the answer came (the server took no more of a body it refused)
      // still leaves the client with that answer.
      req.on('error', (error) =>
        done({
          status: answered ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ...(answered === undefined && { failure: String(error) }),
        }),
      );
      // Chunked: streamed in pieces of 64 KB, with no length announced.
      const body = wire.body ?? Buffer.alloc(0);
      if (wire.headers['transfer-encoding']) {
        for (let at = 0; at < body.length && !req.destroyed; at += 65_536)
          req.write(body.subarray(at, at + 65_536));
        req.end();
      } else req.end(body);
    });
  }
  return { send, close: () => agent.destroy() };
}

export type Sender = ReturnType<typeof createSender>;

/** Runs the tasks with at most `concurrency` in flight, in order of start. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
