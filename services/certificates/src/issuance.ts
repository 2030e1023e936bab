import { makeCertificateId } from '@onego/codes';
import { certificateIssued, type certificateRequested, type DataOf } from '@onego/contracts';
import { anyOf, arrayLiteral, perTransaction, type Transaction } from '@onego/db';
import { failpoint, type Outbox } from '@onego/messaging';
import type { Vault } from '@onego/vault';
import { desc, sql } from 'drizzle-orm';
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
 * Serials are per (issuer, type), i.e. (department, certificate type): one more than the highest
 * committed. Issuances of one (issuer, type) take turns on a transaction-scoped advisory lock,
 * so two never read the same maximum, and a rolled-back issuance leaves nothing behind: serials
 * are gap-free over committed certificates. (An index answers the maximum; a counter row would
 * be rewritten on every issuance, and its dead versions pile up whenever a long transaction
 * holds back vacuum: serial allocation slowed from 1 to 20 ms over 100.) A batch takes the locks
 * of every (issuer, type) it needs at once, in one order, and numbers its certificates in memory.
 */
const serialKey = (r: Pick<CertificateRequest, 'department' | 'certificateType'>) =>
  `${r.department}:${r.certificateType}`;

/** Takes transaction-scoped advisory locks on `names`, in sorted order (no deadlock between batches). */
const lockAll = (tx: Transaction, prefix: string, names: readonly string[]) =>
  tx.execute(sql`
    select pg_advisory_xact_lock(hashtextextended(${prefix} || name, 0))
    from (select unnest(${arrayLiteral(names)}::text[]) as name order by 1) locks`);

type Latest = { id: string; serial: number; version: number; facts: CertificateRequest['facts'] };

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

  // What a transaction has locked and read: each item's latest certificate (under the item's
  // lock), and the next serial of each (issuer, type) whose lock it holds.
  const batches = perTransaction(() => ({
    items: new Map<string, Latest | undefined>(),
    serials: new Map<string, number>(),
  }));

  async function lockItems(tx: Transaction, itemIds: readonly string[]) {
    const { items } = batches(tx);
    const wanted = [...new Set(itemIds)].filter((id) => !items.has(id));
    if (wanted.length === 0) return;
    // Pipelined: on the transaction's connection the read runs once the locks are held.
    const [, rows] = await Promise.all([
      lockAll(tx, 'onego.certificates.item:', wanted),
      tx
        .select({
          id: certificates.id,
          itemId: certificates.itemId,
          serial: certificates.serial,
          version: certificates.version,
          factsSealed: certificates.factsSealed,
        })
        .from(certificates)
        .where(anyOf(certificates.itemId, wanted))
        .orderBy(desc(certificates.version)),
    ]);
    for (const itemId of wanted) {
      const row = rows.find((r) => r.itemId === itemId);
      items.set(
        itemId,
        row && {
          id: row.id,
          serial: row.serial,
          version: row.version,
          facts: vault.openJson<CertificateRequest['facts']>(row.factsSealed, factsAad(row.id)),
        },
      );
    }
  }

  async function lockSerials(tx: Transaction, requests: readonly CertificateRequest[]) {
    const { serials } = batches(tx);
    const wanted = requests.filter((r) => !serials.has(serialKey(r)));
    const names = [...new Set(wanted.map(serialKey))];
    if (names.length === 0) return;
    const pairs = names.map((name) => {
      const r = wanted.find((w) => serialKey(w) === name) as CertificateRequest;
      return { department: r.department, certificate_type: r.certificateType };
    });
    // Each pair's highest serial on its own, so that Postgres reads it from the end of
    // certificates_serial_idx (one index entry); a grouped max over all pairs at once read every
    // certificate of those types, and grew with the certificates ever issued.
    const [, rows] = await Promise.all([
      lockAll(tx, 'onego.certificates.serial:', names),
      tx.execute<Pick<CertificateRequest, 'department' | 'certificateType'> & { highest: string | null }>(sql`
        select v.department, v.certificate_type as "certificateType",
          (select max(c.serial) from ${certificates} c
            where c.department = v.department and c.certificate_type = v.certificate_type) as highest
        from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as v(department text, certificate_type text)`),
    ]);
    for (const name of names) {
      const found = rows.find((r) => serialKey(r) === name);
      serials.set(name, Number(found?.highest ?? 0) + 1);
    }
  }

  /** Locks and reads, in a handful of statements, what issuing these requests needs. */
  async function prepare(tx: Transaction, requests: readonly CertificateRequest[]) {
    const departments = [...new Set(requests.map((r) => r.department))];
    // All at once, pipelined in this order: item locks before serial locks, as in every issuance.
    await Promise.all([
      lockItems(
        tx,
        requests.map((r) => r.itemId),
      ),
      keys.preloadSigningKeys(tx, departments),
      statusLists.preload(tx, departments),
      lockSerials(tx, requests),
    ]);
  }

  function nextSerial(tx: Transaction, request: CertificateRequest) {
    const { serials } = batches(tx);
    const serial = serials.get(serialKey(request));
    if (serial === undefined) throw new Error(`no serial lock for ${serialKey(request)}`);
    serials.set(serialKey(request), serial + 1);
    return serial;
  }

  return {
    /**
     * Issues the item's certificate, or its corrected next version, unless the latest one
     * already states these facts. Requests for one item are serialised by an advisory lock.
     * Returns the certificate id, and whether this call issued it.
     */
    prepare,

    async issue(tx: Transaction, request: CertificateRequest): Promise<{ id: string; issued: boolean }> {
      await lockItems(tx, [request.itemId]);
      const outcome = decideRequest(batches(tx).items.get(request.itemId), request.facts);
      if (outcome.kind === 'already-issued') return { id: outcome.id, issued: false };

      const version = outcome.kind === 'correct' ? outcome.previous.version + 1 : 1;
      const signer = await keys.signingKey(tx, request.department);
      const slot = await statusLists.allocate(tx, request.department, { itemId: request.itemId, version });
      if (outcome.kind !== 'correct') await lockSerials(tx, [request]);
      const serial = outcome.kind === 'correct' ? outcome.previous.serial : nextSerial(tx, request);
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
      batches(tx).items.set(request.itemId, { id, serial, version, facts: request.facts });
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
