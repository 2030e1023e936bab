import { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

/**
 * OpenTelemetry's context manager, except that it leaves an HTTP server's request and response
 * objects as they are when asked to bind them to a context.
 *
 * The HTTP instrumentation binds both to the request's context, so that the listeners added to
 * them later run in it. Binding an emitter replaces seven of its methods with wrappers on the
 * object itself and wraps every listener added, so each request and response changes shape, and
 * every event (each chunk of a body) goes through a wrapper and AsyncLocalStorage. Measured on a
 * gateway proxying 3 KB posts to a trivial upstream, the binding was 0.2-0.3 ms of the gateway's
 * 0.55-0.67 ms of CPU per request; without it, 0.36-0.40 ms.
 *
 * No service needs it. They all answer through Fastify, which already runs a route's handling
 * after its body is read (from the body's `end` event, emitted outside the request's context) in
 * the request's async context (an AsyncResource per request, Fastify 5's content-type parser);
 * everything a handler awaits keeps its context, and a listener's context matters only for spans
 * it starts, which none of the services' listeners on requests and responses do. A client's
 * response (an IncomingMessage with its ClientRequest) and every other emitter are bound as before.
 */
export class ServerEmittersUnboundContextManager extends AsyncLocalStorageContextManager {
  override bind<T>(context: Context, target: T): T {
    if (isServerSide(target)) return target;
    return super.bind(context, target);
  }
}

const isServerSide = (target: unknown) =>
  target instanceof ServerResponse ||
  (target instanceof IncomingMessage && (target as IncomingMessage & { req?: unknown }).req === undefined);
