// When to call a department again after a call that must be retried: exponential backoff with
// full jitter (a uniformly random wait below an exponentially growing ceiling), so that many
// items waiting on one department that comes back do not all call it in the same instant.

export interface RetryPolicy {
  /** The ceiling after the first failure. */
  baseMs: number;
  /** The ceiling never grows beyond this. */
  maxMs: number;
}

/** The ceiling of the wait after `failures` consecutive failures (1, 2, …). */
export const backoffCeilingMs = (failures: number, policy: RetryPolicy) =>
  Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures, 31) - 1));

/**
 * The wait before the next call: uniformly random in [0, ceiling), but never less than what
 * the department asked for (Retry-After), itself bounded by the policy's maximum.
 */
export function retryDelayMs(
  failures: number,
  policy: RetryPolicy,
  options: { random?: () => number; retryAfterMs?: number } = {},
): number {
  const random = options.random ?? Math.random;
  const jittered = Math.floor(random() * backoffCeilingMs(failures, policy));
  const asked = Math.min(options.retryAfterMs ?? 0, policy.maxMs);
  return Math.max(jittered, asked);
}

/** The first status query after a receipt comes this soon: most departments decide quickly. */
export const FIRST_POLL_MS = 50;

/**
 * When to ask a department again whether it has decided a case it has been working on for
 * `waitingMs`: a quarter of that, at least FIRST_POLL_MS and at most `maxMs`
 * (DEPARTMENT_HTTP_POLL_MS). A quick department is asked again quickly; a case that takes hours
 * costs one query per `maxMs`, not more.
 */
export function pollDelayMs(waitingMs: number, maxMs: number): number {
  return Math.min(maxMs, Math.max(FIRST_POLL_MS, Math.floor(Math.max(0, waitingMs) / 4)));
}
