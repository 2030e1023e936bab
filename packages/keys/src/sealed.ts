import type { JWK } from 'jose';
import { createKeyImporter, generateSigningKey } from './signing-keys.ts';

// Private keys at rest: sealed by the owning service's vault (@onego/vault, AES-256-GCM under a
// data key wrapped by the master key) with associated data naming their table and kid, so a
// sealed key copied to another row does not open. A key is opened only when it is first
// imported; the process then keeps it as a non-extractable CryptoKey.

/** What seals: the owning service's vault, seen only as far as keys need it. */
export interface KeySealer {
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
}

/** `signing_keys.private_jwk:<kid>`: where a sealed private key belongs. */
export const privateKeyAad = (table: string, kid: string) => `${table}.private_jwk:${kid}`;

/** Key pairs whose private halves are kept in `table`, sealed by `vault`. */
export function sealedSigningKeys(vault: KeySealer, table: string) {
  const importKey = createKeyImporter();
  return {
    /** A new key pair, ready to store: its kid, its public JWK and its sealed private JWK. */
    async generate() {
      const { privateJwk, ...key } = await generateSigningKey();
      return {
        ...key,
        privateJwkSealed: vault.seal(JSON.stringify(privateJwk), privateKeyAad(table, key.kid)),
      };
    },
    /** The CryptoKey that signs as `kid`; rejects when the sealed key does not open in its place. */
    signingKey: (kid: string, privateJwkSealed: string) =>
      importKey(
        'sign',
        kid,
        () => JSON.parse(vault.open(privateJwkSealed, privateKeyAad(table, kid))) as JWK,
      ),
    /** The CryptoKey that verifies what `kid` signed. */
    verificationKey: (kid: string, publicJwk: JWK) => importKey('verify', kid, publicJwk),
  };
}

export type SealedSigningKeys = ReturnType<typeof sealedSigningKeys>;
