import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, pollDelayMs, retryDelayMs } from '../src/domain/backoff.ts';

const policy = { baseMs: 100, maxMs: 5000 };

describe('retrying a department call with exponential backoff and full jitter', () => {
  it('doubles the ceiling after each consecutive failure, up to the maximum', () => {
    // Given failures 1 to 8, then the ceilings are 100, 200, 400 … capped at 5000
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffCeilingMs(n, policy))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
    // And a huge count does not overflow past the maximum
    expect(backoffCeilingMs(10_000, policy)).toBe(5000);
  });

  it('waits a uniformly random time below the ceiling: from nothing to just under it', () => {
    // Given the random source at its extremes and in the middle, after the third failure (ceiling 400)
    expect(retryDelayMs(3, policy, { random: () => 0 })).toBe(0);
    expect(retryDelayMs(3, policy, { random: () => 0.5 })).toBe(200);
    expect(retryDelayMs(3, policy, { random: () => 0.999_999 })).toBe(399);
  });

  it('spreads the retries of many calls across the whole window', () => {
    // Given a thousand calls failing for the fifth time (ceiling 1600)
    const delays = Array.from({ length: 1000 }, () => retryDelayMs(5, policy));
    // Then every wait is inside the window and they are spread over it, not bunched
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(1600);
    expect(delays.filter((d) => d < 800).length).toBeGreaterThan(350);
    expect(delays.filter((d) => d >= 800).length).toBeGreaterThan(350);
  });

  it('waits at least as long as the department asked (Retry-After), but no longer than the maximum', () => {
    expect(retryDelayMs(1, policy, { random: () => 0, retryAfterMs: 2000 })).toBe(2000);
    expect(retryDelayMs(1, policy, { random: () => 0, retryAfterMs: 3_600_000 })).toBe(5000);
  });
});

describe('asking an HTTP department again whether it has decided', () => {
  it('asks soon while the case is young, then at a quarter of its age, never more often than every 50 ms', () => {
    // Given cases waiting for 0 ms, 100 ms, 1 s and 2 s, with DEPARTMENT_HTTP_POLL_MS at 1000
    // Then the next query comes after 50, 50, 250 and 500 ms
    expect([0, 100, 1000, 2000].map((waiting) => pollDelayMs(waiting, 1000))).toEqual([50, 50, 250, 500]);
  });

  it('asks an old case at most every DEPARTMENT_HTTP_POLL_MS', () => {
    // Given a case waiting for an hour, or a clock that went backwards
    expect(pollDelayMs(3_600_000, 1000)).toBe(1000);
    expect(pollDelayMs(-5000, 1000)).toBe(50);
  });
});
