import { randomUUID } from 'node:crypto';
import type { DataOf, EventOf, MessageContract } from '@onego/contracts';

export interface EventOptions {
  /** CloudEvents `source`: the producing service, e.g. `/onego/applications`. */
  source: string;
  /** CloudEvents `subject`: what the event is about, e.g. the application id. */
  subject?: string;
  id?: string;
  time?: Date;
}

/**
 * Builds a CloudEvent for a contract. The data is validated here, at the producer, so a bug
 * is caught before it reaches the outbox rather than when a consumer sets it aside.
 */
export function createEvent<C extends MessageContract>(
  contract: C,
  data: DataOf<C>,
  options: EventOptions,
): EventOf<C> {
  const parsed = contract.schema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`refusing to emit an invalid ${contract.type}: ${detail}`);
  }
  return {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    source: options.source,
    type: contract.type,
    ...(options.subject !== undefined && { subject: options.subject }),
    time: (options.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: parsed.data as DataOf<C>,
  };
}
