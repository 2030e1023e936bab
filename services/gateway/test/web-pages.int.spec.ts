import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../src/app.ts';
import { loadGatewayConfig } from '../src/config.ts';

// The web pages at the public origin: files as they are, every other non-API path answered
// with the app's index.html (so its own addresses can be reloaded), the API's 404 kept.

let gateway: Awaited<ReturnType<typeof buildGateway>>;
const root = mkdtempSync(join(tmpdir(), 'onego-web-'));

beforeAll(async () => {
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  gateway = await buildGateway(loadGatewayConfig({ WEB_ROOT: root, LOG_LEVEL: 'silent', PORT: '0' }));
});
afterAll(async () => {
  await gateway?.app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the web pages at the public origin', () => {
  it.each(['/', '/applications/0b9c6d2e-6c1f-4b8e-9a59-6a4f3c2d1e0f', '/operator/flows/x'])(
    'answers %s with the app, never cached, under a script policy of its own',
    async (url) => {
      const response = await gateway.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<title>app</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    },
  );

  it('serves hashed assets as immutable', async () => {
    const response = await gateway.app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps the API’s own 404 for an unknown API path', async () => {
    const response = await gateway.app.inject({ url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'no route GET /api/nothing-here' });
  });
});
