import { type Context, context, propagation, type Span, SpanKind, trace } from '@opentelemetry/api';

// There is no maintained NATS instrumentation for nats.js, so W3C trace context is injected
// into and extracted from message headers here, and spans follow the OpenTelemetry messaging
// semantic conventions (`<destination> publish` / `<destination> process`).

export const tracer = trace.getTracer('@onego/messaging');

export function currentTraceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The trace context now (an event made here continues it when published later). */
export const activeContext = (): Context => context.active();

export function contextFromHeaders(headers: Record<string, string>): Context {
  return propagation.extract(context.active(), headers);
}

export function messagingSpan(
  operation: 'publish' | 'process',
  subject: string,
  attributes: { messageId?: string; consumer?: string; deliveryCount?: number },
  parent: Context,
): Span {
  return tracer.startSpan(
    `${subject} ${operation}`,
    {
      kind: operation === 'publish' ? SpanKind.PRODUCER : SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.destination.name': subject,
        'messaging.operation.type': operation === 'publish' ? 'send' : 'process',
        'messaging.operation.name': operation,
        ...(attributes.messageId && { 'messaging.message.id': attributes.messageId }),
        ...(attributes.consumer && { 'messaging.consumer.group.name': attributes.consumer }),
        ...(attributes.deliveryCount && { 'messaging.nats.delivery_count': attributes.deliveryCount }),
      },
    },
    parent,
  );
}
