import swagger from '@fastify/swagger';
import { trace } from '@opentelemetry/api';
import Fastify, { LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { installErrorHandler } from './errors.ts';
import {
  clientErrorHandler,
  forgetAnsweredExpectation,
  frameworkErrors,
  refuseDeclaredOversize,
  refuseNulCharacters,
} from './guards.ts';

export interface HttpAppOptions {
  name: string;
  logLevel?: string;
  /** Largest request body accepted, in bytes. Deliberately small: forms are a few KB. */
  bodyLimit?: number;
  /**
   * Longest a client may take to send a whole request, headers and body, in ms (default:
   * ONEGO_HTTP_REQUEST_TIMEOUT_MS, else 60 s: a 5 MB material at 85 KB/s). A client that is
   * slower gets 408 and the connection is closed: slow clients cannot hold connections forever.
   */
  requestTimeoutMs?: number;
  openApi?: { title: string; description: string; version: string; prefix: string };
  /** Readiness: true when the service can do its work (database reachable, ...). */
  ready?: () => Promise<boolean>;
}

export async function createHttpApp(options: HttpAppOptions) {
  const requestTimeout = options.requestTimeoutMs ?? requestTimeoutFromEnvironment();
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', base: { service: options.name } },
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    // Fastify's default (0) lets a client dribble a body forever. Fastify sets the value on the
    // server after creating it, beside Node's 60 s headersTimeout, which then wins for shorter
    // values; given to the server at creation, headersTimeout becomes min(60 s, requestTimeout).
    // Expired requests are looked for every connectionsCheckingInterval (Node's default: 30 s).
    requestTimeout,
    http: { requestTimeout, connectionsCheckingInterval: Math.min(5000, Math.ceil(requestTimeout / 4)) },
    // Behind the gateway on loopback: the client's address comes from X-Forwarded-For.
    trustProxy: 'loopback',
    requestIdHeader: 'x-request-id',
    logController: new LogController({ disableRequestLogging: process.env.ONEGO_LOG_REQUESTS !== 'true' }),
    ajv: { customOptions: { coerceTypes: false } },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  refuseDeclaredOversize(app);
  refuseNulCharacters(app);
  forgetAnsweredExpectation(app);

  // Name the HTTP server span after the route template, as the HTTP semantic conventions ask.
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    const span = trace.getActiveSpan();
    if (route && span) {
      span.updateName(`${request.method} ${route}`);
      span.setAttribute('http.route', route);
    }
  });

  if (options.openApi) {
    const { title, description, version, prefix } = options.openApi;
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title, description, version },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      transform: jsonSchemaTransform,
    });
    app.get(`${prefix}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());
  }

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    const ok = options.ready ? await options.ready().catch(() => false) : true;
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready' });
  });
  return app;
}

export type OneGoApp = Awaited<ReturnType<typeof createHttpApp>>;

const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

function requestTimeoutFromEnvironment() {
  const text = process.env.ONEGO_HTTP_REQUEST_TIMEOUT_MS;
  if (text === undefined || text === '') return DEFAULT_REQUEST_TIMEOUT_MS;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1000) {
    throw new Error(
      `ONEGO_HTTP_REQUEST_TIMEOUT_MS must be a whole number of milliseconds, at least 1000; got ${JSON.stringify(text)}`,
    );
  }
  return value;
}
