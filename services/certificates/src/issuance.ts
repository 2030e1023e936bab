import { makeCertificateId } from '@onego/codes';
import { certificateIssued, type certificateRequested, type DataOf } from '@onego/contracts';
import type { Transaction } from '@onego/db';
import { failpoint, type Outbox } from '@onego/messaging';
import type { Vault } from '@onego/vault';
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { certificates } from './db/schema.ts';
import { decideRequest, supersededBy } from './domain/correction.ts';
import { buildCredential } from './domain/credential.ts';
import { statusEntries } from './domain/status-list.ts';
import { CERTIFICATE_KINDS, ISSUERS } from './issuers.ts';
import type { IssuerKeyStore } from './keys.ts';
import type { Revocation } from './revocation.ts';
import { factsAad, sealCertificate } from './sealed.ts';
import { signCredential } from './signing.ts';
import type { StatusLists } from './status-lists.ts';

// Issuing one certificate, inside the consumer's transaction: serial, identifier, status list
// index, signed credential, the row and the `certificate.issued` event commit together or not
// at all. A correction (same item, different facts) issues the next version of the same
// serial and revokes the previous version in the same transaction.

export type CertificateRequest = DataOf<typeof certificateRequested>;

/**
 * The next serial for (issuer, type), i.e. (department, certificate type): one more than the
 * highest committed. Issuances of one (issuer, type) take turns on a transaction-scoped
 * advisory lock, so two never read the same maximum, and a rolled-back issuance leaves nothing
 * behind: serials are gap-free over committed certificates. (An index answers the maximum; a
 * counter row would be rewritten on every issuance, and its dead versions pile up whenever a
 * long transaction holds back vacuum: serial allocation slowed from 1 to 20 ms over 100.)
 */
async function allocateSerial(tx: Transaction, request: CertificateRequest): Promise<number> {
  const { department, certificateType } = request;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`onego.certificates.serial:${department}:${certificateType}`}, 0))`,
  );
  const [row] = await tx
    .select({ highest: max(certificates.serial) })
    .from(certificates)
    .where(and(eq(certificates.department, department), eq(certificates.certificateType, certificateType)));
  return (row?.highest ?? 0) + 1;
}

export function createIssuance(deps: {
  keys: IssuerKeyStore;
  statusLists: StatusLists;
  revocation: Revocation;
  outbox: Outbox;
  vault: Vault;
  origin: string;
  clock: () => Date;
}) {
  const { keys, statusLists, revocation, outbox, vault, origin, clock } = deps;

  async function latestOf(tx: Transaction, itemId: string) {
    const [latest] = await tx
      .select({
        id: certificates.id,
        serial: certificates.serial,
        version: certificates.version,
        factsSealed: certificates.factsSealed,
      })
      .from(certificates)
      .where(eq(certificates.itemId, itemId))
      .orderBy(desc(certificates.version))
      .limit(1);
    if (!latest) return undefined;
    const { factsSealed, ...rest } = latest;
    return { ...rest, facts: vault.openJson<CertificateRequest['facts']>(factsSealed, factsAad(latest.id)) };
  }

  return {
    /**
     * Issues the item's certificate, or its corrected next version, unless the latest one
     * already states these facts. Requests for one item are serialised by an advisory lock.
     * Returns the certificate id, and whether this call issued it.
     */
    async issue(tx: Transaction, request: CertificateRequest): Promise<{ id: string; issued: boolean }> {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`onego.certificates.item:${request.itemId}`}, 0))`,
      );
      const outcome = decideRequest(await latestOf(tx, request.itemId), request.facts);
      if (outcome.kind === 'already-issued') return { id: outcome.id, issued: false };

      // Everything that needs no serial first: the serial lock is held from here to commit.
      const version = outcome.kind === 'correct' ? outcome.previous.version + 1 : 1;
      const signer = await keys.signingKey(tx, request.department);
      const slot = await statusLists.allocate(tx, request.department, { itemId: request.itemId, version });
      const serial = outcome.kind === 'correct' ? outcome.previous.serial : await allocateSerial(tx, request);
      const id = makeCertificateId({
        typeCode: CERTIFICATE_KINDS[request.certificateType].typeCode,
        issuerCode: ISSUERS[request.department].creditCode,
        serial,
        version,
      });
      const issuedAt = clock();
      const credential = await signCredential(
        buildCredential({
          certificateId: id,
          origin,
          department: request.department,
          certificateType: request.certificateType,
          facts: request.facts,
          issuedAt,
          status: statusEntries(origin, request.department, slot),
        }),
        signer,
      );
      await tx.insert(certificates).values({
        id,
        applicationId: request.applicationId,
        ownerId: request.ownerId,
        itemId: request.itemId,
        childIndex: request.childIndex,
        itemKey: request.itemKey,
        department: request.department,
        certificateType: request.certificateType,
        serial,
        version,
        issuerKid: signer.thumbprint,
        ...sealCertificate(vault, id, credential, request.facts),
        issuedAt,
      });
      if (outcome.kind === 'correct') await revocation.revoke(tx, outcome.previous.id, supersededBy(id));
      await failpoint('certificates.after-issue-before-outbox');
      await outbox.enqueue(
        tx,
        certificateIssued,
        {
          applicationId: request.applicationId,
          itemId: request.itemId,
          childIndex: request.childIndex,
          itemKey: request.itemKey,
          department: request.department,
          certificateType: request.certificateType,
          certificateId: id,
          issuedAt: issuedAt.toISOString(),
        },
        { subject: request.applicationId },
      );
      return { id, issued: true };
    },
  };
}

export type Issuance = ReturnType<typeof createIssuance>;
