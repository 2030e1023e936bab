import { randomUUID } from 'node:crypto';
import type { Envelope } from '@onego/contracts';
import type { ChaosPlatform } from './chaos-platform.ts';

// Messages the suite publishes itself, as a misbehaving or repeating producer would: copies of
// events already on the stream, and messages no consumer can process.

export interface StoredEvent {
  subject: string;
  seq: number;
  msgID: string;
  envelope: Envelope<Record<string, unknown>>;
  text: string;
}

/** The latest event on a subject filter (`onego.item.decided.v1.*`), as stored in JetStream. */
export async function latestEvent(cp: ChaosPlatform, filter: string): Promise<StoredEvent> {
  const stream = cp.namespace.stream('ONEGO');
  const stored = await cp.nats.jsm.streams.getMessage(stream, { last_by_subj: filter });
  if (!stored) throw new Error(`nothing on ${filter} yet`);
  const text = new TextDecoder().decode(stored.data);
  return {
    subject: stored.subject,
    seq: stored.seq,
    msgID: stored.header?.get('Nats-Msg-Id') ?? '',
    envelope: JSON.parse(text),
    text,
  };
}

/** Publishes as a platform producer would (with a msgID); resolves to where JetStream put it. */
export async function publish(
  cp: ChaosPlatform,
  subject: string,
  payload: string,
  msgID: string = randomUUID(),
) {
  const ack = await cp.nats.js.publish(subject, payload, { msgID });
  return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
}
