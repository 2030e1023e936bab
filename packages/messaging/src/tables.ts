import { vaultTables } from '@onego/vault';
import { sql } from 'drizzle-orm';
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

// The three tables every service that speaks NATS owns in its own schema: the outbox (events
// committed with the state change, waiting to be published), the inbox (messages whose effect
// has been committed, so a redelivery is recognised) and the dead letters (set aside for an
// operator). Services include them in their Drizzle schema so their migrations create them.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export function messagingTables(schema: PgSchema) {
  const outbox = schema.table(
    'outbox',
    {
      seq: bigserial('seq', { mode: 'number' }).primaryKey(),
      id: uuid('id').notNull().unique(),
      subject: text('subject').notNull(),
      type: text('type').notNull(),
      /** The CloudEvent's JSON, sealed by the service's vault: events carry personal data. */
      payload: text('payload').notNull(),
      headers: jsonb('headers').$type<Record<string, string>>().notNull(),
      createdAt: at('created_at').notNull().defaultNow(),
      publishedAt: at('published_at'),
      attempts: integer('attempts').notNull().default(0),
      lastError: text('last_error'),
    },
    (t) => [index('outbox_unpublished_idx').on(t.seq).where(sql`published_at is null`)],
  );

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

  return { outbox, inbox, deadLetters, ...vaultTables(schema) };
}

export type MessagingTables = ReturnType<typeof messagingTables>;
