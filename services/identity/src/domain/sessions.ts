import { VERIFIER_CLOCK_TOLERANCE_SECONDS } from './signing-keys.ts';

// A session is one access token's life (there are no refresh tokens). Revoking it must reach
// every verifier while the token could still be accepted: until its `exp` plus the verifiers'
// clock tolerance. The published list keeps a revoked session that long, with a margin for
// clocks, and no longer, so it stays small: the revocations of the last token lifetime.

const MARGIN_SECONDS = 60;

/** Revoked sessions that expired at or after this instant are still listed. */
export function revokedSessionsListedSince(now: Date): Date {
  return new Date(now.getTime() - (VERIFIER_CLOCK_TOLERANCE_SECONDS + MARGIN_SECONDS) * 1000);
}
