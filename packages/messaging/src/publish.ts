import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { Envelope } from '@onego/contracts';
import { type Context, context, SpanStatusCode, trace } from '@opentelemetry/api';
import { currentTraceHeaders, messagingSpan } from './trace.ts';

/** Publishes with msgID (JetStream de-duplicates on it) under a `publish` span whose context rides in the headers. */
export async function publishTraced(
  js: JetStreamClient,
  message: { subject: string; payload: string; msgID: string; parent: Context; timeout?: number },
) {
  const span = messagingSpan('publish', message.subject, { messageId: message.msgID }, message.parent);
  try {
    const h = natsHeaders();
    for (const [k, v] of Object.entries(currentTraceHeaders(trace.setSpan(message.parent, span))))
      h.set(k, v);
    return await js.publish(message.subject, message.payload, {
      msgID: message.msgID,
      headers: h,
      ...(message.timeout && { timeout: message.timeout }),
    });
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Publishes one event straight to JetStream. For producers with no database of their own (the
 * department simulators stand in for external systems); OneGo's services use their outbox.
 */
export function publishEvent(js: JetStreamClient, subject: string, event: Envelope) {
  return publishTraced(js, {
    subject,
    payload: JSON.stringify(event),
    msgID: event.id,
    parent: context.active(),
  });
}
