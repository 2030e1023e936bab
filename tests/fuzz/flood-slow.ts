import { connect } from 'node:net';
import type { FloodParties } from './flood-oversized.ts';
import { legitimateTraffic } from './legitimate.ts';
import { check, type ScenarioResult, timed } from './scenario.ts';

// Slow clients (slowloris): connections that send their headers, or their body, a byte at a
// time and never finish. The server must give up on each after its request timeout (408 or a
// closed connection), not hold it forever, and keep answering everyone else meanwhile.

interface SlowOutcome {
  kind: 'headers' | 'body';
  status: number | 'closed' | 'still open';
  ms: number;
}

function slowClient(
  origin: string,
  kind: SlowOutcome['kind'],
  head: string,
  dribbleMs: number,
  giveUpMs: number,
) {
  const url = new URL(origin);
  return new Promise<SlowOutcome>((resolve) => {
    const started = Date.now();
    let answer = '';
    const socket = connect(Number(url.port), url.hostname, () => socket.write(head));
    const dribble = setInterval(() => {
      if (!socket.destroyed) socket.write(kind === 'headers' ? 'x' : ' ');
    }, dribbleMs);
    const finish = (status: SlowOutcome['status']) => {
      clearInterval(dribble);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ kind, status, ms: Date.now() - started });
    };
    const giveUp = setTimeout(() => finish('still open'), giveUpMs);
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      finish(status ? Number(status) : 'closed');
    });
  });
}

export async function slowClients(
  parties: FloodParties,
  options: { connections: number; requestTimeoutMs: number },
): Promise<ScenarioResult> {
  const { origin, flooder } = parties;
  const dribbleMs = 1000;
  // Node checks for expired requests every few seconds (connectionsCheckingInterval).
  const giveUpMs = options.requestTimeoutMs + 15_000;
  const host = new URL(origin).host;
  const headers = `POST /api/applications HTTP/1.1\r\nhost: ${host}\r\nauthorization: Bearer ${flooder.token}\r\ncontent-type: application/json\r\n`;
  const legitimate = legitimateTraffic(origin, parties.bystander, '10.255.3.1');
  const [outcomes, durationMs] = await timed(() =>
    Promise.all(
      Array.from({ length: options.connections }, (_, i) =>
        i % 2
          ? slowClient(
              origin,
              'headers',
              `${headers}x-forwarded-for: 10.251.0.${i}\r\nx-slow: `,
              dribbleMs,
              giveUpMs,
            )
          : slowClient(
              origin,
              'body',
              `${headers}x-forwarded-for: 10.251.0.${i}\r\ncontent-length: 4096\r\n\r\n{"bundle":`,
              dribbleMs,
              giveUpMs,
            ),
      ),
    ),
  );
  const traffic = await legitimate.stop();
  const hung = outcomes.filter((o) => o.status === 'still open');
  const wrong = outcomes.filter((o) => typeof o.status === 'number' && o.status !== 408);
  const slowest = Math.max(...outcomes.map((o) => o.ms));
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[`${o.kind} ${o.status}`] = (counts[`${o.kind} ${o.status}`] ?? 0) + 1;
  return {
    name: 'flood: slow clients',
    load: `${options.connections} connections dribbling headers or body at 1 byte/s (request timeout ${options.requestTimeoutMs} ms); ${traffic.sent} legitimate requests alongside`,
    durationMs,
    counts,
    checks: [
      check(
        'every slow client cut off (408 or closed)',
        hung.length === 0,
        hung.length
          ? `${hung.length} still open after ${giveUpMs} ms`
          : `all cut off, the last after ${slowest} ms`,
      ),
      check(
        'a slow client that gets an answer gets 408',
        wrong.length === 0,
        wrong.map((o) => `${o.kind}: ${o.status}`).join('; ') || 'yes',
      ),
      check(
        'legitimate traffic keeps succeeding',
        traffic.succeeded === traffic.sent,
        `${traffic.succeeded}/${traffic.sent} succeeded${traffic.failures.length ? `: ${traffic.failures.join('; ')}` : ''}`,
      ),
    ],
  };
}
