// Failures that go away on their own (a restart, a failover, a lock conflict) are retried;
// anything else is a bug or bad data and must not be retried forever.

const LOCK_CONFLICTS = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
]);

/** SQLSTATEs and client error codes of failures that go away on their own. */
const TRANSIENT = new Set([
  ...LOCK_CONFLICTS,
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection exceptions
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/** The error and those it wraps (drizzle puts postgres.js's in `cause`), outermost first. */
function* chainOf(error: unknown) {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    yield e as { code?: unknown; constraint_name?: unknown };
    e = (e as { cause?: unknown }).cause;
  }
}

function hasCode(error: unknown, codes: ReadonlySet<string>): boolean {
  for (const e of chainOf(error)) if (typeof e.code === 'string' && codes.has(e.code)) return true;
  return false;
}

export const isTransientDatabaseError = (error: unknown): boolean => hasCode(error, TRANSIENT);

/**
 * A transaction lost a race for locks (a deadlock, a serialization failure, a lock not
 * available): transient, but the database itself is well; the same work run again, alone or
 * with less, is likely to commit.
 */
export const isLockConflict = (error: unknown): boolean => hasCode(error, LOCK_CONFLICTS);

/** A unique constraint was violated (optionally: this one), e.g. two concurrent creations of one thing. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (const e of chainOf(error))
    if (e.code === '23505') return constraint === undefined || e.constraint_name === constraint;
  return false;
}
