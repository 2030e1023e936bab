import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCKOUT, lockoutOf, lockoutWindowStart } from '../src/domain/lockout.ts';

const now = new Date('2026-11-22T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('locking an account after failed sign-ins', () => {
  it('lets a sixth attempt through when only four failed before it', () => {
    const earlier = [1, 2, 3, 4].map(minutesAgo);
    expect(lockoutOf(earlier, now, DEFAULT_LOCKOUT)).toEqual({ locked: false });
  });

  it('refuses the attempt after five failures, until the oldest of them leaves the window', () => {
    // Given five failures 10, 8, 6, 4 and 2 minutes ago
    const earlier = [10, 8, 6, 4, 2].map(minutesAgo);
    // When the account is tried again
    const decision = lockoutOf(earlier, now, DEFAULT_LOCKOUT);
    // Then it is locked for the 5 minutes until the 10-minute-old failure is 15 minutes old
    expect(decision).toEqual({ locked: true, retryAfterSeconds: 300 });
  });

  it('opens when the fifth newest failure leaves the window, however many came before', () => {
    const earlier = [14, 12, 10, 8, 6, 4].map(minutesAgo);
    expect(lockoutOf(earlier, now, DEFAULT_LOCKOUT)).toEqual({ locked: true, retryAfterSeconds: 180 });
  });

  it('always asks for at least one second', () => {
    const earlier = [14.999, 14.999, 14.999, 14.999, 14.999].map(minutesAgo);
    expect(lockoutOf(earlier, now, DEFAULT_LOCKOUT)).toEqual({ locked: true, retryAfterSeconds: 1 });
  });

  it('no longer counts failures a whole window old', () => {
    const earlier = [15, 15, 15, 15, 15].map(minutesAgo);
    expect(lockoutOf(earlier, now, DEFAULT_LOCKOUT)).toEqual({ locked: false });
  });

  it('counts attempts from the window’s start', () => {
    expect(lockoutWindowStart(now, DEFAULT_LOCKOUT)).toEqual(minutesAgo(15));
  });
});
