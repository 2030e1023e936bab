// A circuit breaker per department: after `failureThreshold` consecutive calls that had to be
// retried, the department is left alone (open) for `coolDownMs`; then one probe goes out
// (half-open); its success closes the breaker, its failure opens it again. The transitions
// are pure functions of the state and the time; `createCircuitBreaker` holds one state.

export interface BreakerPolicy {
  failureThreshold: number;
  coolDownMs: number;
}

export type BreakerState =
  | { state: 'closed'; failures: number }
  | { state: 'open'; openedAt: number }
  | { state: 'half-open'; probing: boolean };

/** All due calls may go out, only one probe, or none. */
export type Permission = 'all' | 'probe' | 'none';

export const closedBreaker: BreakerState = { state: 'closed', failures: 0 };

export function permit(
  breaker: BreakerState,
  now: number,
  policy: BreakerPolicy,
): { breaker: BreakerState; permission: Permission } {
  switch (breaker.state) {
    case 'closed':
      return { breaker, permission: 'all' };
    case 'open':
      return now - breaker.openedAt >= policy.coolDownMs
        ? { breaker: { state: 'half-open', probing: true }, permission: 'probe' }
        : { breaker, permission: 'none' };
    case 'half-open':
      // One probe at a time: until it is answered, nothing else goes out.
      return breaker.probing
        ? { breaker, permission: 'none' }
        : { breaker: { state: 'half-open', probing: true }, permission: 'probe' };
  }
}

/** The department answered (any answer that is not "try later"). */
export const succeeded = (_breaker: BreakerState): BreakerState => closedBreaker;

/** A call timed out, could not connect, or was told to come back later. */
export function failed(breaker: BreakerState, now: number, policy: BreakerPolicy): BreakerState {
  switch (breaker.state) {
    case 'closed': {
      const failures = breaker.failures + 1;
      return failures >= policy.failureThreshold
        ? { state: 'open', openedAt: now }
        : { state: 'closed', failures };
    }
    case 'half-open':
      return { state: 'open', openedAt: now };
    case 'open':
      // A call made before the breaker opened, failing late: the cool-down already runs.
      return breaker;
  }
}

/** A probe was permitted but no call was due: the next due call may probe. */
export const probeUnused = (breaker: BreakerState): BreakerState =>
  breaker.state === 'half-open' ? { state: 'half-open', probing: false } : breaker;

export function createCircuitBreaker(policy: BreakerPolicy, now: () => number = Date.now) {
  let current = closedBreaker;
  return {
    permit(): Permission {
      const next = permit(current, now(), policy);
      current = next.breaker;
      return next.permission;
    },
    succeeded() {
      current = succeeded(current);
    },
    failed() {
      current = failed(current, now(), policy);
    },
    probeUnused() {
      current = probeUnused(current);
    },
    get state(): BreakerState {
      return current;
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
