import type { Wire } from './encode.ts';
import { legitimateTraffic } from './legitimate.ts';
import { check, countStatuses, describeCounts, type ScenarioResult, timed } from './scenario.ts';
import { createSender, inParallel } from './send.ts';

// Bodies far beyond each route's limit: JSON forms, form-encoded token requests, multipart
// uploads, with a declared length and streamed chunked. Each must be refused with 413 while a
// legitimate citizen's requests keep succeeding.

export interface Citizen {
  token: string;
  applicationId: string;
}

/** Who floods, and the citizen elsewhere whose requests must keep succeeding. */
export interface FloodParties {
  origin: string;
  flooder: Citizen;
  bystander: Citizen;
}

function jsonOf(bytes: number) {
  return Buffer.from(JSON.stringify({ bundle: 'newborn', padding: 'x'.repeat(bytes) }));
}

function multipartOf(bytes: number) {
  const boundary = 'oversizedboundary';
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="code"\r\n\r\nother\r\n`),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\ncontent-type: application/pdf\r\n\r\n%PDF-1.4\n`,
    ),
    Buffer.alloc(bytes, 0x41),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

interface Oversized {
  name: string;
  method: string;
  wire: Wire;
}

function cases(flood: FloodParties): Oversized[] {
  const auth = { authorization: `Bearer ${flood.flooder.token}` };
  const json = { 'content-type': 'application/json' };
  return [
    {
      name: 'form 128 KB',
      method: 'POST',
      wire: { target: '/api/applications', headers: { ...auth, ...json }, body: jsonOf(128 * 1024) },
    },
    {
      name: 'form 2 MB',
      method: 'POST',
      wire: { target: '/api/applications', headers: { ...auth, ...json }, body: jsonOf(2 * 1024 * 1024) },
    },
    {
      name: 'form 2 MB chunked',
      method: 'POST',
      wire: {
        target: '/api/applications',
        headers: { ...auth, ...json, 'transfer-encoding': 'chunked' },
        body: jsonOf(2 * 1024 * 1024),
      },
    },
    {
      name: 'registration 16 MB',
      method: 'POST',
      wire: { target: '/api/identity/citizens', headers: json, body: jsonOf(16 * 1024 * 1024) },
    },
    {
      name: 'verify 20 KB',
      method: 'POST',
      wire: { target: '/api/certificates/verify', headers: json, body: jsonOf(20 * 1024) },
    },
    {
      name: 'token 8 KB',
      method: 'POST',
      wire: {
        target: '/api/identity/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(`grant_type=client_credentials&scope=${'a'.repeat(8192)}`),
      },
    },
    {
      name: 'material 6 MB',
      method: 'POST',
      wire: {
        target: `/api/applications/${flood.flooder.applicationId}/materials`,
        headers: { ...auth, 'content-type': 'multipart/form-data; boundary=oversizedboundary' },
        body: multipartOf(6 * 1024 * 1024),
      },
    },
    {
      name: 'material 40 MB',
      method: 'POST',
      wire: {
        target: `/api/applications/${flood.flooder.applicationId}/materials`,
        headers: { ...auth, 'content-type': 'multipart/form-data; boundary=oversizedboundary' },
        body: multipartOf(40 * 1024 * 1024),
      },
    },
  ];
}

export async function oversizedBodies(flood: FloodParties, rounds: number): Promise<ScenarioResult> {
  const sender = createSender(flood.origin, 4);
  const legitimate = legitimateTraffic(flood.origin, flood.bystander, '10.255.1.1');
  const all = cases(flood);
  const requests = Array.from({ length: rounds }, () => all).flat();
  const byCase = new Map<string, number[]>();
  const [, durationMs] = await timed(() =>
    inParallel(requests, 4, async (request, i) => {
      const headers = { ...request.wire.headers, 'x-forwarded-for': `10.253.${i >> 8}.${i & 0xff}` };
      const answer = await sender.send(request.method, { ...request.wire, headers });
      byCase.set(request.name, [...(byCase.get(request.name) ?? []), answer.status]);
    }),
  );
  sender.close();
  const traffic = await legitimate.stop();
  const statuses = [...byCase.values()].flat();
  const wrong = [...byCase]
    .filter(([, s]) => s.some((status) => status !== 413))
    .map(([name, s]) => `${name}: ${describeCounts(countStatuses(s))}`);
  return {
    name: 'flood: oversized bodies',
    load: `${requests.length} requests (${all.length} kinds × ${rounds}) of 20 KB to 40 MB, 4 at a time; ${traffic.sent} legitimate requests alongside`,
    durationMs,
    counts: countStatuses(statuses),
    checks: [
      check(
        'every oversized body refused with 413',
        wrong.length === 0,
        wrong.join('; ') || describeCounts(countStatuses(statuses)),
      ),
      check(
        'legitimate traffic keeps succeeding',
        traffic.succeeded === traffic.sent,
        `${traffic.succeeded}/${traffic.sent} succeeded${traffic.failures.length ? `: ${traffic.failures.join('; ')}` : ''}`,
      ),
    ],
  };
}
