// Per-account sign-in throttling: after `maxFailures` failed (or still running) attempts on one
// account within `windowSeconds`, further attempts on it are refused with 429 and Retry-After,
// from whatever address they come. Per-address limits stop one client guessing many accounts;
// this stops many clients guessing one account.

export interface LockoutPolicy {
  maxFailures: number;
  windowSeconds: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowSeconds: 15 * 60 };

export type LockoutDecision = { locked: false } | { locked: true; retryAfterSeconds: number };

/**
 * `earlier`: the account's other attempts within the window (failed, or in flight), any order.
 * Locked while `maxFailures` of them remain in the window; it opens when the oldest of the
 * newest `maxFailures` leaves it.
 */
export function lockoutOf(earlier: readonly Date[], now: Date, policy: LockoutPolicy): LockoutDecision {
  const since = lockoutWindowStart(now, policy).getTime();
  const counted = earlier.filter((at) => at.getTime() > since);
  if (counted.length < policy.maxFailures) return { locked: false };
  const newestFirst = counted.sort((a, b) => b.getTime() - a.getTime());
  const blocking = newestFirst[policy.maxFailures - 1] as Date;
  const opensAt = blocking.getTime() + policy.windowSeconds * 1000;
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000)) };
}

/** Attempts at or before this instant no longer count. */
export const lockoutWindowStart = (now: Date, policy: LockoutPolicy) =>
  new Date(now.getTime() - policy.windowSeconds * 1000);
