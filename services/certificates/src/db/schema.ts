import type { CertificateType, Department, ItemKey } from '@onego/contracts';
import { messagingTables } from '@onego/messaging';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
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
import type { JWK } from 'jose';

export const schema = pgSchema('certificates');
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const certificates = schema.table(
  'certificates',
  {
    /** The GB/T 36904 identifier, as printed on the certificate. */
    id: text('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    itemId: uuid('item_id').notNull(),
    childIndex: integer('child_index').notNull(),
    itemKey: text('item_key').$type<ItemKey>().notNull(),
    department: text('department').$type<Department>().notNull(),
    certificateType: text('certificate_type').$type<CertificateType>().notNull(),
    serial: bigint('serial', { mode: 'number' }).notNull(),
    /** The GB/T 36904 version: 1, then one more for each corrected reissue of the same serial. */
    version: integer('version').notNull().default(1),
    issuerKid: text('issuer_kid').notNull(),
    /** The compact JWS (vc+jwt): the certificate as the citizen receives it. */
    /** The signed credential and the facts it states, sealed: they name a child and their ID number. */
    credentialSealed: text('credential_sealed').notNull(),
    factsSealed: text('facts_sealed').notNull(),
    issuedAt: at('issued_at').notNull(),
    /** Revocation is final (Bitstring Status List `revocation`); the reason is kept, not published. */
    revokedAt: at('revoked_at'),
    revocationReason: text('revocation_reason'),
    /** Suspension is reversible (`suspension`): set while suspended, cleared when lifted. */
    suspendedAt: at('suspended_at'),
    suspensionReason: text('suspension_reason'),
  },
  (t) => [
    // One certificate per item and version, however often it is requested.
    unique('certificates_item_version').on(t.itemId, t.version),
    // One certificate per (application, child, type) and version, whatever item id a request
    // carries: the guarantee does not rest on the applications service's item keys alone.
    unique('certificates_one_per_child_type').on(t.applicationId, t.childIndex, t.certificateType, t.version),
    // Serials run per (issuer, type), i.e. per (department, certificate type): the allocator
    // reads the highest through this index.
    index('certificates_serial_idx').on(t.department, t.certificateType, t.serial),
    index('certificates_owner_application_idx').on(t.ownerId, t.applicationId),
  ],
);

export type StatusPurpose = 'revocation' | 'suspension';

/**
 * A department's Bitstring Status Lists, numbered from 1: each number is one pair of lists
 * (revocation and suspension) sharing the same indexes, each list signed and stored as it is
 * published, so every replica serves the same bytes and a verifier sees one consistent list.
 */
export const statusLists = schema.table(
  'status_lists',
  {
    department: text('department').$type<Department>().notNull(),
    list: integer('list').notNull(),
    revocationBits: bytea('revocation_bits').notNull(),
    suspensionBits: bytea('suspension_bits').notNull(),
    revocationCredential: text('revocation_credential').notNull(),
    suspensionCredential: text('suspension_credential').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.department, t.list] })],
);

/**
 * Which certificate (item and version: its identifier needs a serial, which is taken last) holds
 * which index of which list. The primary key is the no-collision guarantee, whatever the
 * allocator does: two certificates can never share (issuer, list, index).
 */
export const statusSlots = schema.table(
  'status_slots',
  {
    department: text('department').$type<Department>().notNull(),
    list: integer('list').notNull(),
    index: integer('index').notNull(),
    itemId: uuid('item_id').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ name: 'status_slots_slot', columns: [t.department, t.list, t.index] }),
    unique('status_slots_certificate').on(t.itemId, t.version),
    check('status_slots_index_range', sql`index >= 0 and index < 131072`),
  ],
);

export type IssuerKeyStatus = 'active' | 'retired';

// Rotation retires the active key (no longer signing, still published: certificates do not
// expire) and creates the next one. Private keys are sealed by the service's vault, bound to their
// kid; a retired key's private half is destroyed, since it never signs again.
export const issuerKeys = schema.table(
  'issuer_keys',
  {
    /** RFC 7638 JWK thumbprint of the public key. */
    kid: text('kid').primaryKey(),
    department: text('department').$type<Department>().notNull(),
    publicJwk: jsonb('public_jwk').$type<JWK>().notNull(),
    /** The private JWK sealed by the vault (`issuer_keys.private_jwk:<kid>`); null once retired. */
    privateJwkSealed: text('private_jwk_sealed'),
    status: text('status').$type<IssuerKeyStatus>().notNull(),
    createdAt: at('created_at').notNull(),
    /** When the key stopped signing; it stays published so what it signed still verifies. */
    retiredAt: at('retired_at'),
  },
  (t) => [
    check('issuer_keys_status', sql`status in ('active', 'retired')`),
    check('issuer_keys_private_jwk', sql`(status = 'active') = (private_jwk_sealed is not null)`),
    uniqueIndex('issuer_keys_one_active_per_department').on(t.department).where(sql`status = 'active'`),
    index('issuer_keys_department_idx').on(t.department),
  ],
);

export const tables = messagingTables(schema);
export const { outbox, outboxUnsent, outboxStreams, inbox, deadLetters, dataKeys } = tables;
