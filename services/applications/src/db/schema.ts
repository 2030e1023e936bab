import type { CertificateType, Department, ItemKey, MaterialCode } from '@onego/contracts';
import { messagingTables } from '@onego/messaging';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApplicationStatus, ItemStatus, MaterialNeed } from '../domain/orchestration.ts';

export const schema = pgSchema('applications');
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const applications = schema.table(
  'applications',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    bundle: text('bundle').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull(),
    /** The submitted form, sealed (it holds every parent's ID number and phone). */
    formSealed: text('form_sealed').notNull(),
    /** The children's names, masked, for operators' lists. */
    childrenMasked: text('children_masked').array().notNull().default([]),
    items: text('items').array().$type<ItemKey[]>().notNull(),
    late: boolean('late').notNull(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    submittedAt: at('submitted_at').notNull(),
    dueDate: date('due_date').notNull(),
    completedAt: at('completed_at'),
    withdrawnAt: at('withdrawn_at'),
    /** Where the birth happened (county), for operators' regional views. */
    region: text('region').notNull().default(''),
    /** The trace the submission started: operators jump from the flow to its trace. */
    traceId: text('trace_id'),
  },
  (t) => [
    unique('applications_owner_idempotency_key').on(t.ownerId, t.idempotencyKey),
    index('applications_owner_submitted_idx').on(t.ownerId, t.submittedAt),
    // Operator search pages newest first by (submitted_at, id), optionally within a status or region.
    index('applications_submitted_idx').on(t.submittedAt, t.id),
    index('applications_status_submitted_idx').on(t.status, t.submittedAt, t.id),
    index('applications_region_submitted_idx').on(t.region, t.submittedAt, t.id),
    // Open flows are few next to all those ever submitted: their own index keeps "overdue" and
    // "due today" searches from walking past every finished application.
    index('applications_open_submitted_idx')
      .on(t.submittedAt, t.id)
      .where(sql`status in ('in-progress', 'action-required')`),
  ],
);

export const items = schema.table(
  'items',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    childIndex: integer('child_index').notNull(),
    itemKey: text('item_key').$type<ItemKey>().notNull(),
    department: text('department').$type<Department>().notNull(),
    status: text('status').$type<ItemStatus>().notNull(),
    dependsOn: text('depends_on').array().$type<ItemKey[]>().notNull(),
    certificateType: text('certificate_type').$type<CertificateType>(),
    dueDate: date('due_date').notNull(),
    attempt: integer('attempt').notNull().default(1),
    materials: jsonb('materials').$type<MaterialNeed[]>().notNull().default([]),
    requestedAt: at('requested_at'),
    decidedAt: at('decided_at'),
    completedAt: at('completed_at'),
    cancelledAt: at('cancelled_at'),
    /** What the department returned, sealed (the child's citizen ID number among it). */
    outputsSealed: text('outputs_sealed'),
    reason: jsonb('reason').$type<{ code: string; message: string }>(),
    certificateId: text('certificate_id'),
  },
  (t) => [
    // Exactly one item per (application, child, item): the orchestration relies on it. Its
    // leading column also serves every look-up of an application's items (and the foreign key),
    // so there is no separate index on application_id to maintain on each insert and update.
    unique('items_one_per_child').on(t.applicationId, t.childIndex, t.itemKey),
    index('items_open_by_department_idx')
      .on(t.department, t.status)
      .where(sql`status in ('requested', 'approved')`),
    index('items_awaiting_materials_idx').on(t.applicationId).where(sql`status = 'awaiting-materials'`),
    // The deadline sweep's open items by due date. Without it the sweep read every item ever
    // stored once a minute: with 3,000,000 applications stored (18 million items) it was the
    // bench's Postgres reading 3,900 times per application and the platform falling behind.
    index('items_open_due_idx')
      .on(t.dueDate)
      .where(sql`status in ('waiting', 'awaiting-materials', 'requested', 'approved')`),
  ],
);

/**
 * Materials the applicant supplied: a file (kept here, at most a few MB, served to departments
 * by signed link) or a reference to an e-certificate the platform issued.
 */
export const materials = schema.table(
  'materials',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    code: text('code').$type<MaterialCode>().notNull(),
    mediaType: text('media_type'),
    size: integer('size'),
    sha256: text('sha256'),
    /** The file, sealed (base64 inside). */
    contentSealed: text('content_sealed'),
    certificateId: text('certificate_id'),
    suppliedAt: at('supplied_at').notNull(),
  },
  (t) => [index('materials_application_idx').on(t.applicationId)],
);

/**
 * Every event of an application, in order, as operators see it: what happened, to which item
 * of which child at which department, by whom. Written in the transaction of the change itself,
 * and holding no personal data (names and numbers stay in the form).
 */
export const timeline = schema.table(
  'timeline',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    at: at('at').notNull(),
    kind: text('kind').notNull(),
    itemId: uuid('item_id'),
    itemKey: text('item_key').$type<ItemKey>(),
    department: text('department').$type<Department>(),
    childIndex: integer('child_index'),
    attempt: integer('attempt'),
    actor: text('actor').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    traceId: text('trace_id'),
  },
  (t) => [index('timeline_application_idx').on(t.applicationId, t.id)],
);

/** Deadline warnings raised (电子监察): one row per item and level, so each fires once. */
export const deadlineAlerts = schema.table(
  'deadline_alerts',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    level: text('level').$type<'yellow' | 'red'>().notNull(),
    raisedAt: at('raised_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.level] })],
);

/** 好差评: the applicant's rating after completion; one per application. */
export const ratings = schema.table('ratings', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  score: integer('score').notNull(),
  comment: text('comment'),
  ratedAt: at('rated_at').notNull(),
});

/** A bad rating (1-2) opens a follow-up an operator must act on within one working day. */
export const followUps = schema.table(
  'follow_ups',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    reason: text('reason').notNull(),
    dueDate: date('due_date').notNull(),
    openedAt: at('opened_at').notNull(),
    closedAt: at('closed_at'),
    closedBy: text('closed_by'),
    resolution: text('resolution'),
  },
  (t) => [index('follow_ups_open_idx').on(t.dueDate).where(sql`closed_at is null`)],
);

/**
 * Who opened which record holding personal data, when and why (PIPL art. 28 sensitive personal
 * information). Append-only: a trigger refuses UPDATE and DELETE, and each entry carries the hash
 * of the one before, so a removed or altered entry breaks the chain.
 */
export const auditLog = schema.table(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    reason: text('reason').notNull(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subject, t.id)],
);

/**
 * Consents concerning a citizen (issue 5): the applicant letting the other parent on the form see
 * the application ('other-parent', revocable), and a service-centre clerk's record of the consent
 * a citizen gave at the window to apply on their behalf ('clerk-assisted', 帮代办). The other
 * parent is known only by the keyed hash of their identity document; the clerk's name, the
 * statement and the paper form reference are sealed.
 */
export const consents = schema.table(
  'consents',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').$type<'other-parent' | 'clerk-assisted'>().notNull(),
    /** The citizen the consent is theirs: the applicant (the application's owner). */
    citizenId: uuid('citizen_id').notNull(),
    /** Which parent on the form that citizen is. */
    citizenParty: text('citizen_party').$type<'mother' | 'father'>().notNull(),
    at: at('at').notNull(),
    /** other-parent: which parent on the form may see it, and their document's lookup hash. */
    granteeParty: text('grantee_party').$type<'mother' | 'father'>(),
    granteeDocumentHash: text('grantee_document_hash'),
    revokedAt: at('revoked_at'),
    /** clerk-assisted: who recorded it, where, for what, how the citizen consented. */
    clerkId: uuid('clerk_id'),
    clerkRegion: text('clerk_region'),
    clerkNameSealed: text('clerk_name_sealed'),
    purpose: text('purpose'),
    method: text('method').$type<'signed-form' | 'in-person-identity-check'>(),
    statementSealed: text('statement_sealed'),
    referenceSealed: text('reference_sealed'),
  },
  (t) => [
    // One standing consent to the other parent per application: granting again finds it.
    uniqueIndex('consents_one_standing_other_parent')
      .on(t.applicationId)
      .where(sql`kind = 'other-parent' and revoked_at is null`),
    index('consents_citizen_idx').on(t.citizenId, t.at),
    index('consents_grantee_idx').on(t.granteeDocumentHash).where(sql`grantee_document_hash is not null`),
    index('consents_clerk_idx').on(t.clerkId, t.at, t.applicationId).where(sql`clerk_id is not null`),
    index('consents_application_idx').on(t.applicationId),
    check(
      'consents_kind_columns',
      sql`(kind = 'other-parent' and grantee_party is not null and grantee_document_hash is not null)
        or (kind = 'clerk-assisted' and clerk_id is not null and method is not null and statement_sealed is not null)`,
    ),
  ],
);

export const tables = messagingTables(schema);
export const { outbox, outboxUnsent, outboxStreams, inbox, deadLetters, dataKeys } = tables;
