import { describe, expect, it } from 'vitest';
import { revokedSessionsListedSince } from '../src/domain/sessions.ts';
import {
  JWKS_MAX_AGE_SECONDS,
  retiredKeysPublishedSince,
  rotationTakesOverAt,
} from '../src/domain/signing-keys.ts';

const now = new Date('2026-11-22T12:00:00Z');
const ttl = 900;
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('how long the JWKS keeps publishing a retired signing key', () => {
  it('keeps a key retired one token lifetime ago, whose last tokens are still within tolerance', () => {
    // Given 15-minute tokens, when the cut-off is computed now
    const since = retiredKeysPublishedSince(now, ttl);
    // Then a key retired 15 minutes ago is still published
    expect(secondsAgo(ttl) >= since).toBe(true);
  });

  it('drops a key once every token it signed has expired', () => {
    // Given 15-minute tokens, when the cut-off is computed now
    const since = retiredKeysPublishedSince(now, ttl);
    // Then a key retired an hour ago is no longer published
    expect(secondsAgo(3600) >= since).toBe(false);
  });
});

describe('when a rotated-in key starts signing', () => {
  it('is after the JWKS cache lifetime, so every verifier can have it first', () => {
    const at = rotationTakesOverAt(now, { immediately: false });
    expect(at.getTime() - now.getTime()).toBe(JWKS_MAX_AGE_SECONDS * 1000);
  });

  it('is at once for an emergency rotation', () => {
    expect(rotationTakesOverAt(now, { immediately: true })).toEqual(now);
  });
});

describe('how long a revoked session stays on the published list', () => {
  it('covers the verifiers’ clock tolerance past the token’s expiry', () => {
    const since = revokedSessionsListedSince(now);
    // A token that expired 30 s ago can still be accepted by a verifier: its session is listed
    expect(secondsAgo(30) > since).toBe(true);
    // One that expired ten minutes ago cannot: it is dropped
    expect(secondsAgo(600) > since).toBe(false);
  });
});
