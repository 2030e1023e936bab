import type { Department } from '@onego/contracts';
import { messagingTables } from '@onego/messaging';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Transport } from '../domain/transport.ts';

// The simulated department systems' own database. A real department system would have its own;
// these share one Postgres schema, keyed by department.

export const schema = pgSchema('department_simulators');
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every request and cancellation exactly as it arrived on the wire, whichever way it came: the
 * CloudEvent's JSON text from NATS, or the HTTP request's body, byte for byte.
 */
export const receivedRequests = schema.table(
  'received_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    department: text('department').$type<Department>().notNull(),
    /** The NATS subject, or the HTTP method and path. */
    subject: text('subject').notNull(),
    caseRef: text('case_ref').notNull(),
    /** Exactly what arrived, sealed (a department's request is personal data). */
    payloadSealed: text('payload_sealed').notNull(),
    receivedAt: at('received_at').notNull(),
    transport: text('transport').$type<Transport>().notNull().default('nats'),
    kind: text('kind').$type<'request' | 'cancellation'>().notNull().default('request'),
  },
  (t) => [index('received_requests_case_idx').on(t.department, t.caseRef)],
);

/**
 * Decisions of the event-native systems waiting to be published on their streams (now, or
 * later for a slow department): each system's outbox. `message_id` is the CloudEvent id, so a
 * publish repeated after a failure is de-duplicated by JetStream.
 */
export const pendingAnswers = schema.table(
  'pending_answers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    department: text('department').$type<Department>().notNull(),
    caseRef: text('case_ref').notNull(),
    /** The decision (it may carry the child's new citizen ID number), sealed. */
    decisionSealed: text('decision_sealed').notNull(),
    conforms: boolean('conforms').notNull(),
    dueAt: at('due_at').notNull(),
    messageId: uuid('message_id').notNull().default(sql`gen_random_uuid()`),
    /** W3C trace context of the request it answers: the decision continues the request's trace. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [index('pending_answers_due_idx').on(t.dueAt)],
);

/** The cases of the HTTP-style systems: the receipt, and the decision they show once it is due. */
export const httpCases = schema.table(
  'http_cases',
  {
    department: text('department').$type<Department>().notNull(),
    caseRef: text('case_ref').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of the body first submitted under the key: a different body is a misuse of it. */
    requestHash: text('request_hash').notNull(),
    receiptNo: text('receipt_no').notNull(),
    receivedAt: at('received_at').notNull(),
    /** The decision (it may carry the child's new citizen ID number), sealed. */
    decisionSealed: text('decision_sealed').notNull(),
    conforms: boolean('conforms').notNull(),
    dueAt: at('due_at').notNull(),
  },
  (t) => [primaryKey({ name: 'http_cases_pk', columns: [t.department, t.caseRef] })],
);

/** Cases the platform withdrew (even before they arrived): they get no decision. */
export const cancellations = schema.table(
  'cancellations',
  {
    department: text('department').$type<Department>().notNull(),
    caseRef: text('case_ref').notNull(),
    reason: text('reason').notNull(),
    cancelledAt: at('cancelled_at').notNull(),
  },
  (t) => [primaryKey({ name: 'cancellations_pk', columns: [t.department, t.caseRef] })],
);

export const tables = messagingTables(schema);
export const { outbox, outboxUnsent, outboxStreams, inbox, deadLetters, dataKeys } = tables;
