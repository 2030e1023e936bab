import { ID_DOCUMENT_TYPES, type IdDocumentType } from '@onego/codes';
import { vaultTables } from '@onego/vault';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { StaffRole, SubjectType } from '../domain/accounts.ts';
import type { Ed25519PublicJwk, SigningKeyStatus } from '../domain/signing-keys.ts';

// The identity service has no NATS traffic yet, so no outbox/inbox tables: add
// messagingTables(schema) when it starts publishing events (it includes the vault's data_keys
// table, declared below with vaultTables until then).
export const schema = pgSchema('identity');
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The document number and the phone are sealed by the service's vault, each bound to its column and
 * row (sealed.ts); the account is found by the keyed hash of its (type, number), never by its value.
 */
export const citizens = schema.table(
  'citizens',
  {
    id: uuid('id').primaryKey(),
    /**
     * The identity document the account was registered with: not personal data on its own. Rows
     * from before document types existed are resident IDs (the default fills them in).
     */
    idType: text('id_type').$type<IdDocumentType>().notNull().default('resident-id'),
    idNumberSealed: text('id_number_sealed').notNull(),
    // One account per document: the hash covers the type (domain/id-documents.ts), and the unique
    // constraint, not a prior lookup, decides a race.
    idNumberHash: text('id_number_hash').notNull().unique('citizens_id_number_hash_key'),
    name: text('name').notNull(),
    phoneSealed: text('phone_sealed').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check(
      'citizens_id_type',
      sql`${t.idType} in (${sql.raw(ID_DOCUMENT_TYPES.map((type) => `'${type}'`).join(', '))})`,
    ),
  ],
);

/** Clerks at a service-centre window and operators (supervisors), each in one county. */
export const staff = schema.table(
  'staff',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull().unique('staff_username_key'),
    name: text('name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    region: text('region').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [check('staff_role', sql`${t.role} in ('clerk', 'operator')`)],
);

/** Department systems: OAuth 2.0 confidential clients (client_credentials). */
export const clients = schema.table('clients', {
  clientId: text('client_id').primaryKey(),
  /** argon2id, like passwords: development secrets are not random. */
  secretHash: text('secret_hash').notNull(),
  department: text('department').notNull(),
  /** The scopes it may be granted (RFC 7591 `scope`); only its own department's. */
  scopes: text('scopes').array().notNull(),
  /** The grants it may use (RFC 7591 `grant_types`). */
  grantTypes: text('grant_types').array().notNull(),
  createdAt: at('created_at').notNull(),
});

/**
 * One row per access token issued (there are no refresh tokens, so a session is one token's
 * life). `id` is the token's `sid`; revoking the row makes every verifier refuse the token.
 */
export const sessions = schema.table(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    subject: text('subject').notNull(),
    subjectType: text('subject_type').$type<SubjectType>().notNull(),
    scope: text('scope').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    revokedBy: text('revoked_by'),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    index('sessions_subject_idx').on(t.subject, t.expiresAt),
    // The published revocation list: revoked sessions whose tokens have not yet expired.
    index('sessions_revoked_idx').on(t.expiresAt).where(sql`${t.revokedAt} is not null`),
    check('sessions_subject_type', sql`${t.subjectType} in ('citizen', 'staff', 'client')`),
  ],
);

/**
 * Sign-in attempts per account (by account id, never by the ID number typed) within the lockout
 * window: a row is written before the password is checked and removed on success, so
 * simultaneous guesses count too.
 */
export const loginAttempts = schema.table(
  'login_attempts',
  {
    id: uuid('id').primaryKey(),
    account: text('account').notNull(),
    attemptedAt: at('attempted_at').notNull(),
  },
  (t) => [
    index('login_attempts_account_idx').on(t.account, t.attemptedAt),
    index('login_attempts_at_idx').on(t.attemptedAt),
  ],
);

export const signingKeys = schema.table(
  'signing_keys',
  {
    /** RFC 7638 thumbprint of the public key. */
    kid: text('kid').primaryKey(),
    publicJwk: jsonb('public_jwk').$type<Ed25519PublicJwk>().notNull(),
    /**
     * The private JWK sealed by the vault (`signing_keys.private_jwk:<kid>`). Empty only for keys
     * that were retired without one (those kept in the clear before sealing): they verify, never sign.
     */
    privateJwkSealed: text('private_jwk_sealed'),
    status: text('status').$type<SigningKeyStatus>().notNull(),
    createdAt: at('created_at').notNull(),
    /** When it starts signing: a rotation publishes the next key before any token carries it. */
    signsFrom: at('signs_from').notNull().defaultNow(),
    /** When it stops (or will stop) signing; it stays published while its tokens can be valid. */
    retiredAt: at('retired_at'),
  },
  (t) => [
    check('signing_keys_status', sql`${t.status} in ('active', 'retired')`),
    check('signing_keys_retired_at', sql`(${t.status} = 'retired') = (${t.retiredAt} is not null)`),
    check('signing_keys_private_jwk', sql`${t.status} = 'retired' or ${t.privateJwkSealed} is not null`),
  ],
);

/** The vault's data keys (wrapped by the master key): what seals the columns above. */
export const { dataKeys } = vaultTables(schema);
