import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { OneGoApp } from '@onego/http';

// The web pages (services/web, built to its dist/ folder) at the public origin. Any path that
// is not an API path and not a file answers index.html, so the app's own addresses
// (/applications/<id>, /operator/flows/<id>) can be reloaded and shared.

const HTML_HEADERS = {
  'cache-control': 'no-cache',
  // The pages run only their own bundled script; printable certificates (shown in a frame)
  // carry inline styles and a QR code as a data: image.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>OneGo</title>
<p>The web app is not built. Run <code>pnpm --filter @onego/web build</code> (./onego start does it), or use the API at <a href="/api/docs">/api/docs</a>.</p>`;

export async function webPages(app: OneGoApp, root: string) {
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: false,
      // One route per file of the build (it is made before the gateway starts); every other
      // path falls to the page route below.
      wildcard: false,
      setHeaders(reply, path) {
        if (path.endsWith('.html')) reply.headers(HTML_HEADERS);
        // Vite names every asset by its content hash: a changed file is a new URL.
        else if (path.includes('/assets/'))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    // Unknown API paths keep the API's own 404.
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    if (!built) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.headers(HTML_HEADERS).sendFile('index.html');
  });
}
