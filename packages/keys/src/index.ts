// @onego/keys: Ed25519 signing keys as OneGo keeps them (JWKs in the owning service's tables,
// named by their RFC 7638 thumbprint) and as it publishes them (JWKS entries, under whatever kid
// the owner publishes: identity uses the thumbprint, certificate issuers the DID URL
// `<did>#<thumbprint>`). Identity signs access tokens with them; each department's certificate
// issuer signs credentials with them, and rotates them (a new key per rotation, the old one kept
// for verification). Private halves are kept sealed by the owning service's vault (sealed.ts).

export {
  type KeySealer,
  privateKeyAad,
  type SealedSigningKeys,
  sealedSigningKeys,
} from './sealed.ts';
export {
  ALG,
  createKeyImporter,
  type Ed25519PublicJwk,
  ed25519PublicJwk,
  generateSigningKey,
  type PublishedJwk,
  publishedJwk,
  type SigningKey,
} from './signing-keys.ts';
