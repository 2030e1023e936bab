import type { Department } from '@onego/contracts';
import type { Transaction } from '@onego/db';
import { and, eq, isNull } from 'drizzle-orm';
import { certificates } from './db/schema.ts';
import type { StatusLists } from './status-lists.ts';

// Revoking (final) and suspending (reversible) a certificate: the row records when and why, and
// the certificate's bit in the department's list of that purpose is set and the list re-signed,
// in one transaction, so what is published never disagrees with what is recorded. The reason
// stays with us; a verifier learns only the bit, as Bitstring Status List intends.

export type StatusChange =
  | 'revoked'
  | 'suspended'
  | 'reinstated'
  | 'unchanged'
  | 'not-found'
  | 'already-revoked';

export function createRevocation(deps: { statusLists: StatusLists; clock: () => Date }) {
  const { statusLists, clock } = deps;

  async function lockCertificate(tx: Transaction, id: string) {
    const [row] = await tx.select().from(certificates).where(eq(certificates.id, id)).for('update');
    return row;
  }

  async function flip(
    tx: Transaction,
    row: { department: Department; itemId: string; version: number },
    purpose: 'revocation' | 'suspension',
    value: boolean,
  ) {
    const slot = await statusLists.slotOf(tx, row);
    if (slot) await statusLists.setStatus(tx, row.department, slot, purpose, value);
  }

  async function revoke(tx: Transaction, id: string, reason: string): Promise<StatusChange> {
    const row = await lockCertificate(tx, id);
    if (!row) return 'not-found';
    if (row.revokedAt) return 'unchanged';
    await tx
      .update(certificates)
      .set({ revokedAt: clock(), revocationReason: reason })
      .where(eq(certificates.id, id));
    await flip(tx, row, 'revocation', true);
    return 'revoked';
  }

  return {
    revoke,

    async suspend(tx: Transaction, id: string, reason: string): Promise<StatusChange> {
      const row = await lockCertificate(tx, id);
      if (!row) return 'not-found';
      if (row.revokedAt) return 'already-revoked';
      if (row.suspendedAt) return 'unchanged';
      await tx
        .update(certificates)
        .set({ suspendedAt: clock(), suspensionReason: reason })
        .where(eq(certificates.id, id));
      await flip(tx, row, 'suspension', true);
      return 'suspended';
    },

    async reinstate(tx: Transaction, id: string): Promise<StatusChange> {
      const row = await lockCertificate(tx, id);
      if (!row) return 'not-found';
      if (row.revokedAt) return 'already-revoked';
      if (!row.suspendedAt) return 'unchanged';
      await tx
        .update(certificates)
        .set({ suspendedAt: null, suspensionReason: null })
        .where(eq(certificates.id, id));
      await flip(tx, row, 'suspension', false);
      return 'reinstated';
    },

    /** Revokes every unrevoked version of an item's certificate; returns the ids revoked. */
    async revokeItem(tx: Transaction, itemId: string, reason: string): Promise<string[]> {
      const rows = await tx
        .select({ id: certificates.id })
        .from(certificates)
        .where(and(eq(certificates.itemId, itemId), isNull(certificates.revokedAt)));
      const revoked: string[] = [];
      for (const row of rows) {
        if ((await revoke(tx, row.id, reason)) === 'revoked') revoked.push(row.id);
      }
      return revoked;
    },
  };
}

export type Revocation = ReturnType<typeof createRevocation>;
