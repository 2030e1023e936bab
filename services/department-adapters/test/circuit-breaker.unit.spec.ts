import { describe, expect, it } from 'vitest';
import {
  type BreakerState,
  closedBreaker,
  createCircuitBreaker,
  failed,
  permit,
  probeUnused,
  succeeded,
} from '../src/domain/circuit-breaker.ts';

const policy = { failureThreshold: 3, coolDownMs: 1000 };

describe('the circuit breaker in front of a department', () => {
  it('stays closed, letting every call through, until the threshold of consecutive failures', () => {
    // Given two failures, then a success, then two more failures
    let b: BreakerState = closedBreaker;
    b = failed(failed(b, 0, policy), 0, policy);
    expect(b).toEqual({ state: 'closed', failures: 2 });
    b = succeeded(b);
    b = failed(failed(b, 0, policy), 0, policy);
    // Then the success reset the count: still closed, and calls go out
    expect(b).toEqual({ state: 'closed', failures: 2 });
    expect(permit(b, 0, policy).permission).toBe('all');
  });

  it('opens at the threshold and lets nothing through during the cool-down', () => {
    // Given three consecutive failures at t=10
    let b: BreakerState = closedBreaker;
    for (let i = 0; i < 3; i++) b = failed(b, 10, policy);
    // Then it is open, and refuses calls until 1000 ms have passed
    expect(b).toEqual({ state: 'open', openedAt: 10 });
    expect(permit(b, 500, policy).permission).toBe('none');
    expect(permit(b, 1009, policy).permission).toBe('none');
  });

  it('after the cool-down lets exactly one probe through (half-open)', () => {
    // Given an open breaker whose cool-down is over
    const open: BreakerState = { state: 'open', openedAt: 0 };
    const first = permit(open, 1000, policy);
    // Then one probe may go, and nothing else until it is answered
    expect(first).toEqual({ breaker: { state: 'half-open', probing: true }, permission: 'probe' });
    expect(permit(first.breaker, 1001, policy).permission).toBe('none');
  });

  it('closes when the probe succeeds, and opens again for a new cool-down when it fails', () => {
    const probing: BreakerState = { state: 'half-open', probing: true };
    expect(succeeded(probing)).toEqual(closedBreaker);
    expect(failed(probing, 5000, policy)).toEqual({ state: 'open', openedAt: 5000 });
  });

  it('offers the probe again when none was due to be made', () => {
    const probing: BreakerState = { state: 'half-open', probing: true };
    expect(permit(probeUnused(probing), 2000, policy).permission).toBe('probe');
  });

  it('does not restart the cool-down for a late failure of a call made before it opened', () => {
    expect(failed({ state: 'open', openedAt: 100 }, 900, policy)).toEqual({ state: 'open', openedAt: 100 });
  });

  it('runs the whole cycle on a clock: closed, open, half-open, closed', () => {
    // Given a breaker on a test clock
    let now = 0;
    const breaker = createCircuitBreaker(policy, () => now);
    // When three calls fail, then it is open and refuses
    for (let i = 0; i < 3; i++) breaker.failed();
    expect(breaker.permit()).toBe('none');
    // When the cool-down passes, then one probe; when it succeeds, then closed again
    now = 1000;
    expect(breaker.permit()).toBe('probe');
    expect(breaker.permit()).toBe('none');
    breaker.succeeded();
    expect(breaker.state).toEqual(closedBreaker);
    expect(breaker.permit()).toBe('all');
  });
});
