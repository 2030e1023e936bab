import type { Upstream } from './upstreams.ts';

// One OpenAPI document for the whole public API, merged from the documents each service
// generates from its own route schemas. Refreshed in the background, so the docs never wait on
// (or fail with) a service that is restarting.

type Document = {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  tags?: { name: string }[];
};

export function mergeOpenApi(documents: { upstream: Upstream; document: Document }[], version: string) {
  const merged = {
    openapi: '3.1.0',
    info: {
      title: 'OneGo public API',
      version,
      description:
        'Every public route of the OneGo platform, served at one origin. Event channels between services and departments are described in AsyncAPI at /api/docs/asyncapi.json.',
    },
    servers: [{ url: '/' }],
    paths: {} as Record<string, unknown>,
    components: {
      schemas: {} as Record<string, unknown>,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } as Record<
        string,
        unknown
      >,
    },
    tags: [] as { name: string; description: string }[],
  };
  for (const { upstream, document } of documents) {
    Object.assign(merged.paths, document.paths ?? {});
    Object.assign(merged.components.schemas, document.components?.schemas ?? {});
    for (const tag of document.tags ?? []) {
      if (!merged.tags.some((t) => t.name === tag.name))
        merged.tags.push({ name: tag.name, description: `served by ${upstream.name}` });
    }
  }
  return merged;
}

export function startOpenApiRefresh(
  upstreams: Upstream[],
  version: string,
  log: { warn(o: object, m: string): void },
) {
  let current = mergeOpenApi([], version);
  const cache = new Map<string, Document>();
  async function refresh() {
    await Promise.all(
      upstreams.map(async (upstream) => {
        try {
          const response = await fetch(new URL(upstream.openApiPath, upstream.url), {
            signal: AbortSignal.timeout(3000),
          });
          if (response.ok) cache.set(upstream.name, (await response.json()) as Document);
        } catch (error) {
          log.warn({ upstream: upstream.name, error: String(error) }, 'cannot fetch OpenAPI document yet');
        }
      }),
    );
    current = mergeOpenApi(
      upstreams.flatMap((upstream) => {
        const document = cache.get(upstream.name);
        return document ? [{ upstream, document }] : [];
      }),
      version,
    );
  }
  const timer = setInterval(() => void refresh(), 15_000);
  timer.unref();
  return { refresh, current: () => current, stop: () => clearInterval(timer) };
}
