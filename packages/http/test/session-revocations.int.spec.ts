import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRevocationList, RevocationsUnavailable } from '../src/session-revocations.ts';

// A verifier's copy of identity's revoked sessions, against a small server standing in for
// identity's list, with a monotonic clock the test moves: the copy is refreshed once it is older
// than refreshMs, an unchanged list costs a 304, and an unreachable list is used for graceMs at
// most, after which tokens cannot be checked.

let list: string[] = [];
let answering = true;
const asked: (string | undefined)[] = [];
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.headers['if-none-match']);
    if (!answering) return void response.writeHead(503).end();
    const etag = `"${list.join(',')}"`;
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304).end();
    response
      .writeHead(200, { 'content-type': 'application/json', etag })
      .end(JSON.stringify({ sessions: list }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/revoked`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function subject() {
  let now = 1_000_000;
  answering = true;
  list = [];
  asked.length = 0;
  const revocations = createRevocationList({ url, refreshMs: 5_000, graceMs: 60_000, now: () => now });
  return {
    revocations,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('a verifier’s copy of the revoked sessions', () => {
  it('is fetched once and reused while fresh, so requests do not each call identity', async () => {
    const { revocations, advance } = subject();
    list = ['s1'];
    expect(await revocations.isRevoked('s1')).toBe(true);
    list = ['s1', 's2'];
    advance(5_000);
    expect(await revocations.isRevoked('s2')).toBe(false);
    expect(asked).toHaveLength(1);
  });

  it('is refreshed by the first request after refreshMs, sending its ETag', async () => {
    const { revocations, advance } = subject();
    list = ['s1'];
    await revocations.isRevoked('s1');
    advance(5_001);
    expect(await revocations.isRevoked('s1')).toBe(true);
    expect(asked).toEqual([undefined, '"s1"']);
    list = ['s1', 's2'];
    advance(5_001);
    expect(await revocations.isRevoked('s2')).toBe(true);
  });

  it('is kept for graceMs while identity does not answer, then refuses to guess', async () => {
    // Given a copy saying s1 is revoked, and identity then down
    const { revocations, advance } = subject();
    list = ['s1'];
    await revocations.isRevoked('s1');
    answering = false;
    // Within the grace period the last copy answers
    advance(30_000);
    expect(await revocations.isRevoked('s1')).toBe(true);
    // Beyond it, nothing can be said
    advance(31_000);
    await expect(revocations.isRevoked('s1')).rejects.toBeInstanceOf(RevocationsUnavailable);
    // And once identity answers again, the first request after the retry interval fetches a copy
    answering = true;
    advance(1_001);
    expect(await revocations.isRevoked('s2')).toBe(false);
  });

  it('cannot say anything before its first copy', async () => {
    const { revocations } = subject();
    answering = false;
    await expect(revocations.isRevoked('s1')).rejects.toBeInstanceOf(RevocationsUnavailable);
  });
});
