import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.ts';
import { loadGatewayConfig } from '../src/config.ts';

// Which service answers which public path, with a stand-in for each service that says its name
// and the path it received.

let gateway: Awaited<ReturnType<typeof buildGateway>>;
const upstreams: Server[] = [];

async function standIn(name: string) {
  const server = createServer((request, response) => {
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ name, url: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstreams.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  gateway = await buildGateway(
    loadGatewayConfig({
      IDENTITY_URL: await standIn('identity'),
      APPLICATIONS_URL: await standIn('applications'),
      CERTIFICATES_URL: await standIn('certificates'),
      LOG_LEVEL: 'silent',
      PORT: '0',
    }),
  );
});
afterAll(async () => {
  await gateway?.app.close();
  await Promise.all(upstreams.map((s) => new Promise((resolve) => s.close(resolve))));
});

const id = '0b9c6d2e-6c1f-4b8e-9a59-6a4f3c2d1e0f';

describe('the gateway’s routes', () => {
  it.each([
    [`/api/applications/${id}/certificates`, 'certificates'],
    [`/api/applications/${id}/certificates/download`, 'certificates'],
    [`/api/applications/${id}/certificates/presentation`, 'certificates'],
    [`/api/applications/${id}`, 'applications'],
    [`/api/applications/${id}/items`, 'applications'],
    ['/api/applications?limit=5', 'applications'],
    ['/api/certificates/verify', 'certificates'],
    ['/api/identity/login', 'identity'],
  ])('sends %s to %s, path unchanged', async (path, service) => {
    const response = await gateway.app.inject({ url: path });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: service, url: path });
  });
});

describe('a path that climbs out of its prefix', () => {
  // Sent over a socket as written: inject() and fetch() would resolve the dot segments first.
  let origin: string;
  beforeAll(async () => {
    origin = await gateway.app.listen({ port: 0, host: '127.0.0.1' });
  });
  const rawGet = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(origin);
      request({ hostname, port, path }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
        .on('error', reject)
        .end();
    });

  it.each([
    '/api/certificates/issuers/..%2F..%2Fetc%2Fpasswd/jwks.json',
    '/api/certificates/%2e%2e/print.pdf',
    '/api/applications/../identity/me',
  ])('is refused with 400 naming the path, never proxied: %s', async (url) => {
    // Given a path with a dot segment, plain or percent-encoded
    // When it reaches the gateway
    const response = await rawGet(url);
    // Then it is refused, naming the path and why, and no service sees it
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      error: expect.stringMatching(/^path: /),
      issues: [{ path: 'path' }],
    });
  });

  it('is told apart from a name that merely contains dots', async () => {
    // Given a path segment with dots that is not a dot segment
    const response = await rawGet('/api/identity/a..b');
    // Then it is proxied as usual
    expect(JSON.parse(response.body)).toEqual({ name: 'identity', url: '/api/identity/a..b' });
  });
});
