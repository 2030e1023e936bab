import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from '@onego/db';
import type { Vault } from '@onego/vault';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { applications, consents } from './db/schema.ts';
import type { Party } from './domain/consents.ts';

// Consents kept by applications: the applicant's to the other parent (who is known only by their
// document's keyed hash) and a clerk's record of a citizen's consent at a window. The clerk's
// name, the statement and the paper form's reference are sealed, each bound to its row.

type Db = Database | Transaction;
export type ConsentRow = typeof consents.$inferSelect;

export const CLERK_PURPOSE = 'apply for the newborn bundle on your behalf';
const aad = (column: string, id: string) => `consents.${column}:${id}`;

const standingToOtherParent = (hash: string) =>
  and(eq(consents.kind, 'other-parent'), eq(consents.granteeDocumentHash, hash), isNull(consents.revokedAt));

export interface ClerkConsent {
  id: string;
  applicationId: string;
  citizenId: string;
  citizenParty: Party;
  clerkId: string;
  clerkRegion: string | null;
  clerkName: string;
  method: 'signed-form' | 'in-person-identity-check';
  statement: string;
  reference: string | null;
  at: Date;
}

export function createConsentStore(vault: Vault) {
  const seal = (column: string, id: string, value: string | null) =>
    value === null ? null : vault.seal(value, aad(column, id));
  const open = (column: string, id: string, value: string | null) =>
    value === null ? null : vault.open(value, aad(column, id));

  return {
    /** The ids of applications shared with the holder of this document hash (a subquery). */
    sharedWith: (db: Db, hash: string) =>
      db.select({ id: consents.applicationId }).from(consents).where(standingToOtherParent(hash)),

    async isSharedWith(db: Db, applicationId: string, hash: string) {
      const [row] = await db
        .select({ id: consents.id })
        .from(consents)
        .where(and(eq(consents.applicationId, applicationId), standingToOtherParent(hash)))
        .limit(1);
      return Boolean(row);
    },

    /** The standing consent to the other parent, or a new one (the caller holds the application's lock). */
    async grantToOtherParent(
      tx: Transaction,
      grant: {
        applicationId: string;
        citizenId: string;
        citizenParty: Party;
        party: Party;
        documentHash: string;
        at: Date;
      },
    ) {
      const [standing] = await tx
        .select()
        .from(consents)
        .where(
          and(
            eq(consents.applicationId, grant.applicationId),
            eq(consents.kind, 'other-parent'),
            isNull(consents.revokedAt),
          ),
        );
      if (standing) return { row: standing, created: false };
      const [row] = await tx
        .insert(consents)
        .values({
          id: randomUUID(),
          applicationId: grant.applicationId,
          kind: 'other-parent',
          citizenId: grant.citizenId,
          citizenParty: grant.citizenParty,
          at: grant.at,
          granteeParty: grant.party,
          granteeDocumentHash: grant.documentHash,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return { row, created: true };
    },

    /** Revokes a consent to the other parent; false when there is no such consent on this application. */
    async revoke(tx: Transaction, applicationId: string, consentId: string, at: Date) {
      const [row] = await tx
        .select()
        .from(consents)
        .where(
          and(
            eq(consents.id, consentId),
            eq(consents.applicationId, applicationId),
            eq(consents.kind, 'other-parent'),
          ),
        );
      if (!row) return null;
      if (row.revokedAt) return { row, revoked: false };
      await tx.update(consents).set({ revokedAt: at }).where(eq(consents.id, consentId));
      return { row: { ...row, revokedAt: at }, revoked: true };
    },

    async recordClerkAssisted(tx: Transaction, consent: ClerkConsent) {
      const { id } = consent;
      const [row] = await tx
        .insert(consents)
        .values({
          id,
          applicationId: consent.applicationId,
          kind: 'clerk-assisted',
          citizenId: consent.citizenId,
          citizenParty: consent.citizenParty,
          at: consent.at,
          clerkId: consent.clerkId,
          clerkRegion: consent.clerkRegion,
          clerkNameSealed: seal('clerk_name', id, consent.clerkName),
          purpose: CLERK_PURPOSE,
          method: consent.method,
          statementSealed: seal('statement', id, consent.statement),
          referenceSealed: seal('reference', id, consent.reference),
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    async clerkAssistedOf(db: Db, applicationId: string) {
      const [row] = await db
        .select()
        .from(consents)
        .where(and(eq(consents.applicationId, applicationId), eq(consents.kind, 'clerk-assisted')));
      return row ?? null;
    },

    /** The applications a clerk started on citizens' behalf, newest first, before a point in time. */
    startedBy(db: Db, clerkId: string, limit: number, before?: Date) {
      const mine = and(eq(consents.clerkId, clerkId), eq(consents.kind, 'clerk-assisted'));
      return db
        .select({ consent: consents, application: applications })
        .from(consents)
        .innerJoin(applications, eq(applications.id, consents.applicationId))
        .where(before ? and(mine, lt(consents.at, before)) : mine)
        .orderBy(desc(consents.at))
        .limit(limit);
    },

    /** Every consent concerning a citizen: theirs (granted, recorded for them) and those granted to them. */
    async concerning(db: Db, citizenId: string, hash: string | null) {
      const theirs = eq(consents.citizenId, citizenId);
      const toThem = hash && and(eq(consents.kind, 'other-parent'), eq(consents.granteeDocumentHash, hash));
      return db
        .select({ consent: consents, bundle: applications.bundle })
        .from(consents)
        .innerJoin(applications, eq(applications.id, consents.applicationId))
        .where(toThem ? or(theirs, toThem) : theirs)
        .orderBy(desc(consents.at), desc(consents.id))
        .limit(500);
    },

    /** A clerk-assisted consent's sealed fields, opened. */
    openClerkFields: (row: ConsentRow) => ({
      clerkName: open('clerk_name', row.id, row.clerkNameSealed),
      statement: open('statement', row.id, row.statementSealed),
      reference: open('reference', row.id, row.referenceSealed),
    }),
  };
}

export type ConsentStore = ReturnType<typeof createConsentStore>;
