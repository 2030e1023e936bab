import { DEPARTMENTS, type Department } from '@onego/contracts';
import { type Database, perTransaction, type Transaction } from '@onego/db';
import {
  ed25519PublicJwk,
  type KeySealer,
  type PublishedJwk,
  privateKeyAad,
  publishedJwk,
  type SigningKey,
  sealedSigningKeys,
} from '@onego/keys';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CryptoKey } from 'jose';
import { issuerKeys } from './db/schema.ts';
import { type DidDocument, didDocument, issuerDid, verificationMethodId } from './domain/did.ts';

// Each department signs its certificates with its own Ed25519 key, kept in Postgres so every
// replica signs with the same key and publishes the same keys. A key is named by its RFC 7638
// thumbprint; in a JWS header and in the JWKS it is the DID URL `<issuer DID>#<thumbprint>`.
// Rotation retires the active key (it signs nothing more, and stays published, since the
// certificates it signed do not expire; its private half is destroyed) and makes a new one
// active. Private keys are sealed by the service's vault, bound to their kid, opened on first use.

export { ALG } from '@onego/keys';
export type { PublishedJwk, SigningKey };

/** A department's active key as a signer: its DID URL kid, its thumbprint and the key. */
export type Signer = SigningKey & { thumbprint: string };

const LOCK = sql`select pg_advisory_xact_lock(hashtext('onego.certificates.issuer-keys'))`;
const TABLE = 'issuer_keys';

export function createIssuerKeyStore(db: Database, vault: KeySealer, origin: string, clock: () => Date) {
  const sealed = sealedSigningKeys(vault, TABLE);
  const kidOf = (department: Department, thumbprint: string) =>
    verificationMethodId(issuerDid(origin, department), thumbprint);

  async function addActiveKey(tx: Transaction, department: Department) {
    const key = await sealed.generate();
    await tx.insert(issuerKeys).values({ ...key, department, status: 'active', createdAt: clock() });
    return key.kid;
  }

  /** Opens a department's sealed private key; names the row, never the key, when it does not open. */
  async function signerOf(department: Department, row: { kid: string; privateJwkSealed: string | null }) {
    if (!row.privateJwkSealed) throw new Error(`${department} has no active signing key`);
    const key = await sealed.signingKey(row.kid, row.privateJwkSealed).catch((error: unknown) => {
      // A request that needs it becomes a dead letter, replayed once an operator has restored the
      // row (or the master key).
      throw new Error(`the sealed private key ${privateKeyAad(TABLE, row.kid)} does not open`, {
        cause: error,
      });
    });
    return { kid: kidOf(department, row.kid), thumbprint: row.kid, key };
  }

  // The active keys a transaction signs with, read once per transaction (a rotation that commits
  // meanwhile takes effect from the next one, as it would for a transaction already signing).
  const signersOf = perTransaction((tx: Transaction) => {
    const signers = new Map<Department, Promise<Signer>>();
    async function load(departments: readonly Department[]) {
      const missing = [...new Set(departments)].filter((d) => !signers.has(d));
      if (missing.length === 0) return;
      const rows = tx
        .select({
          department: issuerKeys.department,
          kid: issuerKeys.kid,
          privateJwkSealed: issuerKeys.privateJwkSealed,
        })
        .from(issuerKeys)
        .where(and(inArray(issuerKeys.department, missing), eq(issuerKeys.status, 'active')))
        .then((found) => found);
      for (const department of missing) {
        const signer = rows.then((found) =>
          signerOf(
            department,
            found.find((r) => r.department === department) ?? { kid: '', privateJwkSealed: null },
          ),
        );
        signer.catch(() => {});
        signers.set(department, signer);
      }
      await rows;
    }
    return {
      load,
      async get(department: Department) {
        await load([department]);
        return signers.get(department) as Promise<Signer>;
      },
    };
  });

  async function keysOf(department: Department) {
    return db
      .select({ kid: issuerKeys.kid, publicJwk: issuerKeys.publicJwk, status: issuerKeys.status })
      .from(issuerKeys)
      .where(eq(issuerKeys.department, department))
      .orderBy(desc(issuerKeys.createdAt));
  }

  return {
    /** Creates an active key for every department that has none (one per department, even across replicas). */
    async ensureIssuerKeys(): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute(LOCK);
        const active = await tx
          .select({ department: issuerKeys.department })
          .from(issuerKeys)
          .where(eq(issuerKeys.status, 'active'));
        for (const department of DEPARTMENTS.filter((d) => !active.some((row) => row.department === d))) {
          await addActiveKey(tx, department);
        }
      });
    },

    /** Retires the department's active key and makes a new one active; returns both kids. */
    async rotate(department: Department): Promise<{ retired: string | null; active: string }> {
      return db.transaction(async (tx) => {
        await tx.execute(LOCK);
        const retired = await tx
          .update(issuerKeys)
          .set({ status: 'retired', retiredAt: clock(), privateJwkSealed: null })
          .where(and(eq(issuerKeys.department, department), eq(issuerKeys.status, 'active')))
          .returning({ kid: issuerKeys.kid });
        const active = await addActiveKey(tx, department);
        return {
          retired: retired[0] ? kidOf(department, retired[0].kid) : null,
          active: kidOf(department, active),
        };
      });
    },

    /** The department's active key, read in the signing transaction; its kid is the DID URL. */
    signingKey: (tx: Transaction, department: Department) => signersOf(tx).get(department),

    /** Reads the active keys of several departments in one statement (a batch of issuances). */
    preloadSigningKeys: (tx: Transaction, departments: readonly Department[]) =>
      signersOf(tx).load(departments),

    /** A department's public key by thumbprint, active or retired; undefined when it has none such. */
    async verificationKey(department: Department, thumbprint: string): Promise<CryptoKey | undefined> {
      const [row] = await db
        .select({ publicJwk: issuerKeys.publicJwk })
        .from(issuerKeys)
        .where(and(eq(issuerKeys.department, department), eq(issuerKeys.kid, thumbprint)));
      return row ? sealed.verificationKey(thumbprint, row.publicJwk) : undefined;
    },

    /** Every public key the department has signed with, active or retired, newest first. */
    async publishedKeys(department: Department): Promise<PublishedJwk[]> {
      const rows = await keysOf(department);
      return rows.map((r) => publishedJwk(kidOf(department, r.kid), r.publicJwk));
    },

    /** The department's DID document: the same keys as verification methods for assertions. */
    async didDocument(department: Department): Promise<DidDocument> {
      const rows = await keysOf(department);
      return didDocument(
        issuerDid(origin, department),
        rows.map((r) => ({ thumbprint: r.kid, publicJwk: ed25519PublicJwk(r.publicJwk) })),
      );
    },
  };
}

export type IssuerKeyStore = ReturnType<typeof createIssuerKeyStore>;
