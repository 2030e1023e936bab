import type { Database } from '@onego/db';
import type { Vault } from '@onego/vault';
import { and, asc, eq } from 'drizzle-orm';
import { certificates } from './db/schema.ts';
import { type CertificateRow, openCertificate } from './sealed.ts';

// Reads of issued certificates for the routes. Ownership is part of every citizen-facing
// query: a certificate of someone else's application is simply not found.

export type { CertificateRow } from './sealed.ts';

export function createCertificateStore(db: Database, vault: Vault) {
  return {
    async byId(id: string): Promise<CertificateRow | undefined> {
      const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
      return row && openCertificate(vault, row);
    },

    /** The owner's certificates of one application, every version, in a stable order. */
    async ofApplication(ownerId: string, applicationId: string): Promise<CertificateRow[]> {
      const rows = await db
        .select()
        .from(certificates)
        .where(and(eq(certificates.ownerId, ownerId), eq(certificates.applicationId, applicationId)))
        .orderBy(asc(certificates.childIndex), asc(certificates.issuedAt), asc(certificates.version));
      return rows.map((row) => openCertificate(vault, row));
    },
  };
}

/** The certificates a citizen holds now: the latest version of each item, not revoked. */
export function currentCertificates(rows: CertificateRow[]): CertificateRow[] {
  const latest = new Map<string, CertificateRow>();
  for (const row of rows) {
    const seen = latest.get(row.itemId);
    if (!seen || seen.version < row.version) latest.set(row.itemId, row);
  }
  return [...latest.values()].filter((row) => !row.revokedAt);
}

export type CertificateStore = ReturnType<typeof createCertificateStore>;
