import { vaultTables } from '@onego/vault';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  type PgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

// The tables every service that speaks NATS owns in its own schema: the outbox (events
// committed with the state change, and which of them wait to be published), the inbox (messages whose effect
// has been committed, so a redelivery is recognised) and the dead letters (set aside for an
// operator). Services include them in their Drizzle schema so their migrations create them.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export function messagingTables(schema: PgSchema) {
  // The outbox only ever has rows inserted (and, after the message history, deleted): what is
  // still to be sent is a small table of its own, whose row goes when the event has been
  // published. Marking an event sent in the outbox row itself rewrote the whole row (1.1-1.4 KB,
  // most of it the sealed event) and its index entries, and was nearly half of the WAL the
  // platform wrote per application.
  const outbox = schema.table('outbox', {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    subject: text('subject').notNull(),
    type: text('type').notNull(),
    /** The CloudEvent's JSON, sealed by the service's vault: events carry personal data. */
    payload: text('payload').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  });

  /** The outbox's events not yet published: inserted with the event, deleted once it is sent. */
  const outboxUnsent = schema.table('outbox_unsent', {
    id: uuid('id').primaryKey(),
    /** When it became unsent: the relay leaves it to the publisher for a grace after this. */
    since: at('since').notNull().defaultNow(),
    /** Failed publishes by the relay, and the last one's error. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  });

  /**
   * The streams the outbox publishes into, as created when the service last started: one found
   * created later has lost what the outbox had sent into its predecessor (recovery.ts), and
   * how many events were sent again into it is kept.
   */
  const outboxStreams = schema.table('outbox_streams', {
    stream: text('stream').primaryKey(),
    createdAt: at('created_at').notNull(),
    republished: integer('republished').notNull().default(0),
  });

  const inbox = schema.table(
    'inbox',
    {
      consumer: text('consumer').notNull(),
      messageId: text('message_id').notNull(),
      processedAt: at('processed_at').notNull().defaultNow(),
    },
    // processed_at's index finds what is older than the message history (retention.ts).
    (t) => [
      primaryKey({ columns: [t.consumer, t.messageId] }),
      index('inbox_processed_idx').on(t.processedAt),
    ],
  );

  const deadLetters = schema.table(
    'dead_letters',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      consumer: text('consumer').notNull(),
      stream: text('stream').notNull(),
      streamSeq: bigint('stream_seq', { mode: 'number' }).notNull(),
      subject: text('subject').notNull(),
      messageId: text('message_id'),
      type: text('type'),
      deliveries: integer('deliveries').notNull(),
      reason: text('reason').notNull(),
      error: text('error').notNull(),
      /** The message exactly as received, sealed by the service's vault. */
      payload: text('payload').notNull(),
      headers: jsonb('headers').$type<Record<string, string>>().notNull(),
      createdAt: at('created_at').notNull().defaultNow(),
      // Replay after a fix is audited: who replayed it, when, why, and how many times.
      replayedAt: at('replayed_at'),
      replayedBy: text('replayed_by'),
      replayReason: text('replay_reason'),
      replays: integer('replays').notNull().default(0),
    },
    (t) => [unique('dead_letters_message').on(t.consumer, t.stream, t.streamSeq)],
  );

  return { outbox, outboxUnsent, outboxStreams, inbox, deadLetters, ...vaultTables(schema) };
}

export type MessagingTables = ReturnType<typeof messagingTables>;
