import type { Department, ItemKey } from '@onego/contracts';
import { messagingTables } from '@onego/messaging';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Transport } from '../domain/transport.ts';

export const schema = pgSchema('department_adapters');
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per request sent to a department: an item's attempt (1, then one more after each
 * correction or supplied material), and the case reference it was filed under there, so the
 * department's decision (which carries only that reference) finds its way back to the item.
 * The primary key makes a second request for the same attempt a no-op.
 */
export const exchanges = schema.table(
  'exchanges',
  {
    itemId: uuid('item_id').notNull(),
    attempt: integer('attempt').notNull().default(1),
    applicationId: uuid('application_id').notNull(),
    department: text('department').$type<Department>().notNull(),
    itemKey: text('item_key').$type<ItemKey>().notNull(),
    childIndex: integer('child_index').notNull(),
    caseRef: text('case_ref').notNull().unique('exchanges_case_ref'),
    /** How the request went out: on the department's NATS stream, or to its HTTP API. */
    transport: text('transport').$type<Transport>().notNull().default('nats'),
    requestedAt: at('requested_at').notNull(),
    decidedAt: at('decided_at'),
    outcome: text('outcome').$type<'approved' | 'rejected' | 'materials-required'>(),
    /** The platform withdrew the item: a decision arriving later is not applied. */
    cancelledAt: at('cancelled_at'),
  },
  (t) => [
    primaryKey({ name: 'exchanges_item_attempt', columns: [t.itemId, t.attempt] }),
    index('exchanges_application_idx').on(t.applicationId),
    // A department's worklist: its cases, newest first.
    index('exchanges_department_requested_idx').on(t.department, t.requestedAt.desc()),
  ],
);

/** Items the platform withdrew: a request for one of them (any attempt, even late) is not sent. */
export const cancelledItems = schema.table('cancelled_items', {
  itemId: uuid('item_id').primaryKey(),
  applicationId: uuid('application_id').notNull(),
  department: text('department').$type<Department>().notNull(),
  reason: text('reason').notNull(),
  cancelledAt: at('cancelled_at').notNull(),
});

export type DispatchKind = 'submit' | 'poll' | 'cancel';
export type DispatchStatus = 'pending' | 'done' | 'failed' | 'abandoned';

/**
 * Calls to HTTP-style departments still to make. Written in the transaction that decides a call
 * is needed; a worker claims due rows (FOR UPDATE SKIP LOCKED, leased by pushing `due_at` past
 * the call's timeout), makes the call outside any transaction, then records the outcome (and
 * the canonical decision, through the outbox) in one transaction. A crash mid-call leaves the
 * row due again once the lease runs out; the repeated call carries the same idempotency key.
 */
export const dispatches = schema.table(
  'dispatches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    department: text('department').$type<Department>().notNull(),
    caseRef: text('case_ref').notNull(),
    kind: text('kind').$type<DispatchKind>().notNull(),
    /** The body to send, sealed: it holds the department's request, personal data included. */
    bodySealed: text('body_sealed'),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').$type<DispatchStatus>().notNull().default('pending'),
    /** Consecutive calls that had to be retried: the exponent of the backoff. */
    failures: integer('failures').notNull().default(0),
    calls: integer('calls').notNull().default(0),
    dueAt: at('due_at').notNull(),
    /** Set at each claim: only the claimant's outcome is recorded. */
    claim: uuid('claim'),
    lastError: text('last_error'),
    /** W3C trace context of the work that asked for the call: the call continues its trace. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
    completedAt: at('completed_at'),
  },
  (t) => [
    unique('dispatches_case_kind').on(t.caseRef, t.kind),
    index('dispatches_due_idx').on(t.department, t.dueAt).where(sql`status = 'pending'`),
  ],
);

export const tables = messagingTables(schema);
export const { outbox, outboxUnsent, outboxStreams, inbox, deadLetters, dataKeys } = tables;
