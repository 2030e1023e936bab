import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';

export const ALG = 'EdDSA';

/** The public half of an Ed25519 key as published (RFC 8037), without kid/alg/use. */
export type Ed25519PublicJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string };
export type PublishedJwk = Ed25519PublicJwk & { kid: string; alg: typeof ALG; use: 'sig' };

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

export function ed25519PublicJwk({ kty, crv, x }: JWK): Ed25519PublicJwk {
  if (kty !== 'OKP' || crv !== 'Ed25519' || !x) throw new Error('expected an Ed25519 public key');
  return { kty: 'OKP', crv: 'Ed25519', x };
}

/** A new key pair, ready to store: its kid, its public JWK and its private JWK. */
export async function generateSigningKey(): Promise<{
  kid: string;
  publicJwk: Ed25519PublicJwk;
  privateJwk: JWK;
}> {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const publicJwk = ed25519PublicJwk(await exportJWK(publicKey));
  return { kid: await calculateJwkThumbprint(publicJwk), publicJwk, privateJwk: await exportJWK(privateKey) };
}

export const publishedJwk = (kid: string, publicJwk: JWK): PublishedJwk => ({
  ...ed25519PublicJwk(publicJwk),
  kid,
  alg: ALG,
  use: 'sig',
});

/**
 * Imports JWKs once: a kid always names the same key material, so the imported CryptoKey can be
 * kept for the life of the process. Private and public halves are kept apart; a private half is
 * imported non-extractable. The JWK may be given as a function, called only on the first import
 * (a sealed key is opened once); an import that fails is not kept, so the next use tries again.
 */
export function createKeyImporter() {
  const imported = new Map<string, Promise<CryptoKey>>();
  return (use: 'sign' | 'verify', kid: string, jwk: JWK | (() => JWK)): Promise<CryptoKey> => {
    const name = `${use}:${kid}`;
    let key = imported.get(name);
    if (!key) {
      key = Promise.resolve()
        .then(() =>
          importJWK(typeof jwk === 'function' ? jwk() : jwk, ALG, { extractable: use === 'verify' }),
        )
        .then((k) => k as CryptoKey);
      imported.set(name, key);
      key.catch(() => imported.delete(name));
    }
    return key;
  };
}
