// Which signing keys sign and which the JWKS publishes. A rotation publishes the next key ahead of
// its first token, so every verifier can find it (verifiers refetch the JWKS on an unknown kid at
// most every few seconds, and HTTP caches may keep it for JWKS_MAX_AGE_SECONDS); the old key
// signs until then. A retired key stays published while an access token it signed can still be
// accepted: the token lifetime plus the verifiers' clock tolerance, with a margin.

export type SigningKeyStatus = 'active' | 'retired';

export type { Ed25519PublicJwk } from '@onego/keys';

/** Verifiers accept tokens up to this many seconds past `exp` (see @onego/http createTokenVerifier). */
export const VERIFIER_CLOCK_TOLERANCE_SECONDS = 30;
const MARGIN_SECONDS = 60;

/** Verifiers and caches may keep the key set this long; a rotated-in key is published this long before use. */
export const JWKS_MAX_AGE_SECONDS = 300;

/** Keys retired at or after this instant are still published. */
export function retiredKeysPublishedSince(now: Date, accessTokenTtlSeconds: number): Date {
  const window = accessTokenTtlSeconds + VERIFIER_CLOCK_TOLERANCE_SECONDS + MARGIN_SECONDS;
  return new Date(now.getTime() - window * 1000);
}

/**
 * When a key made now by a rotation takes over signing: after the JWKS cache lifetime, or at
 * once when the old key must stop signing now (it is suspected compromised; tokens it signed
 * are still accepted until they expire, so revoke their sessions too).
 */
export function rotationTakesOverAt(now: Date, options: { immediately: boolean }): Date {
  return new Date(now.getTime() + (options.immediately ? 0 : JWKS_MAX_AGE_SECONDS * 1000));
}
