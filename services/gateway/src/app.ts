import { fileURLToPath } from 'node:url';
import proxy from '@fastify/http-proxy';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { buildAsyncApiDocument } from '@onego/contracts';
import { createHttpApp } from '@onego/http';
import type { GatewayConfig } from './config.ts';
import { startOpenApiRefresh } from './openapi.ts';
import { upstreamsOf } from './upstreams.ts';
import { webPages } from './web.ts';

const VERSION = '1.0.0';
const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The public origin: one host in front of every service, the API docs and the web pages. */
export async function buildGateway(config: GatewayConfig) {
  const upstreams = upstreamsOf(config);
  const app = await createHttpApp({
    name: 'gateway',
    logLevel: config.LOG_LEVEL,
    // The largest body any service takes (a 5 MB material with its form fields): a body declared
    // larger is refused here (@onego/http); smaller ones are streamed to the service, which
    // applies its route's own limit.
    bodyLimit: 6 * 1024 * 1024,
    ready: async () => {
      const answers = await Promise.all(
        upstreams.map((u) =>
          fetch(new URL('/ready', u.url), { signal: AbortSignal.timeout(2000) }).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      );
      return answers.every(Boolean);
    },
  });

  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    allowList: (request) => request.url === '/health' || request.url === '/ready',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: `too many requests: at most ${context.max} a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });

  // A dot segment (`..`, even percent-encoded) could climb out of a service's prefix: refused here,
  // by name, before any proxying (reply-from would refuse it too, but without saying where).
  app.addHook('onRequest', async (request, reply) => {
    const problem = pathProblem(request.url);
    if (problem)
      return reply
        .code(400)
        .send({ error: `path: ${problem}`, issues: [{ path: 'path', message: problem }] });
  });

  for (const upstream of upstreams) {
    for (const prefix of upstream.prefixes) {
      await app.register(proxy, {
        upstream: upstream.url,
        prefix,
        rewritePrefix: prefix,
        replyOptions: {
          // A service's 503 (its database or identity unavailable) goes straight to the client,
          // Retry-After and all: reply-from would otherwise repeat a GET up to ten times first.
          retryDelay: () => null,
          rewriteRequestHeaders: (request, headers) => ({ ...headers, 'x-forwarded-for': request.ip }),
          // A service that dies mid-request (its connection reset or closed) is a bad gateway,
          // not an internal error: 502, as reply-from would otherwise answer 500.
          onError: (reply, { error }) => {
            const code = (error as { code?: string }).code;
            if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
              return reply.code(502).send({ error: `${upstream.name} closed the connection; try again` });
            }
            return reply.send(error);
          },
        },
      });
    }
  }

  const docs = startOpenApiRefresh(upstreams, VERSION, app.log);
  const asyncApi = buildAsyncApiDocument({ version: VERSION });
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 'OneGo public API', version: VERSION } },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    transformSpecification: () => docs.current(),
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/api/docs/asyncapi.json', { schema: { hide: true } }, async () => asyncApi);
  await webPages(app, config.WEB_ROOT ?? webDist);

  return {
    app,
    async start() {
      await app.listen({ port: config.PORT, host: config.HOST });
      await docs.refresh();
    },
    async stop() {
      docs.stop();
      await app.close();
    },
  };
}

/** Why a request path may not be proxied, or undefined when it may. */
export function pathProblem(url: string): string | undefined {
  const path = url.split('?', 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'malformed percent-encoding';
  }
  return decoded.split('/').includes('..')
    ? 'a segment may not be ".." (dot segments are refused, even percent-encoded)'
    : undefined;
}
