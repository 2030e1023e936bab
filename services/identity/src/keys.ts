import type { Database } from '@onego/db';
import {
  type KeySealer,
  type PublishedJwk,
  privateKeyAad,
  publishedJwk,
  type SigningKey,
  sealedSigningKeys,
} from '@onego/keys';
import { and, desc, eq, gt, gte, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { CryptoKey } from 'jose';
import { signingKeys } from './db/schema.ts';
import { retiredKeysPublishedSince, rotationTakesOverAt } from './domain/signing-keys.ts';
import { UnreadableRecordError } from './sealed.ts';

// The service's EdDSA (Ed25519) signing keys live in Postgres so that every replica signs with
// the same key and publishes the same JWKS. Keys are read per use (a primary-key lookup) rather
// than cached, so a rotation made by any replica or by the admin tool takes effect everywhere at
// once; imported CryptoKeys are memoised by kid because a kid always names the same key material.
// Private keys are sealed by the service's vault, bound to their kid, and opened on first use.

export { ALG } from '@onego/keys';

const LOCK = sql`select pg_advisory_xact_lock(hashtext('onego.identity.signing-keys'))`;

const TABLE = 'signing_keys';

export function createKeyStore(
  db: Database,
  vault: KeySealer,
  options: { accessTokenTtlSeconds: number; clock: () => Date },
) {
  const sealed = sealedSigningKeys(vault, TABLE);
  const published = () =>
    or(
      eq(signingKeys.status, 'active'),
      gte(signingKeys.retiredAt, retiredKeysPublishedSince(options.clock(), options.accessTokenTtlSeconds)),
    );
  const newKey = async (signsFrom: Date) => ({
    ...(await sealed.generate()),
    status: 'active' as const,
    createdAt: options.clock(),
    signsFrom,
  });

  return {
    /**
     * Creates an active key when there is none. The transaction-scoped advisory lock makes two
     * replicas starting together create one key, not two.
     */
    async ensureActiveKey(): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute(LOCK);
        const [active] = await tx.select().from(signingKeys).where(eq(signingKeys.status, 'active')).limit(1);
        if (active) return;
        await tx.insert(signingKeys).values(await newKey(options.clock()));
      });
    },

    /**
     * Makes a new key, published from now and signing from `rotationTakesOverAt`; the keys
     * signing until then retire at that moment. Returns the new kid and when it takes over.
     */
    async rotate(rotation: { immediately: boolean }): Promise<{ kid: string; signsFrom: Date }> {
      const signsFrom = rotationTakesOverAt(options.clock(), rotation);
      return db.transaction(async (tx) => {
        await tx.execute(LOCK);
        await tx
          .update(signingKeys)
          .set({ status: 'retired', retiredAt: signsFrom })
          .where(eq(signingKeys.status, 'active'));
        const key = await newKey(signsFrom);
        await tx.insert(signingKeys).values(key);
        return { kid: key.kid, signsFrom };
      });
    },

    /** The key new tokens are signed with: the newest that has started signing and not stopped. */
    async signingKey(): Promise<SigningKey> {
      const now = options.clock();
      const [row] = await db
        .select({ kid: signingKeys.kid, privateJwkSealed: signingKeys.privateJwkSealed })
        .from(signingKeys)
        .where(
          and(
            lte(signingKeys.signsFrom, now),
            or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, now)),
            isNotNull(signingKeys.privateJwkSealed),
          ),
        )
        .orderBy(desc(signingKeys.signsFrom))
        .limit(1);
      if (!row?.privateJwkSealed) throw new Error('identity has no signing key in use');
      const key = await sealed.signingKey(row.kid, row.privateJwkSealed).catch((error: unknown) => {
        throw new UnreadableRecordError(
          privateKeyAad(TABLE, row.kid),
          error,
          'signing in is not available at the moment',
        );
      });
      return { kid: row.kid, key };
    },

    /** The public keys verifiers may use: the next, the current and the recently retired. */
    async publishedKeys(): Promise<PublishedJwk[]> {
      const rows = await db
        .select({ kid: signingKeys.kid, publicJwk: signingKeys.publicJwk })
        .from(signingKeys)
        .where(published())
        .orderBy(desc(signingKeys.signsFrom));
      return rows.map((r) => publishedJwk(r.kid, r.publicJwk));
    },

    /** The public key named by a token's `kid`, if it is one we publish. */
    async verificationKey(kid: string): Promise<CryptoKey | undefined> {
      const [row] = await db
        .select({ publicJwk: signingKeys.publicJwk })
        .from(signingKeys)
        .where(and(eq(signingKeys.kid, kid), published()));
      return row ? sealed.verificationKey(kid, row.publicJwk) : undefined;
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
export type { PublishedJwk, SigningKey };
