// Failures that go away on their own (a restart, a failover, a lock conflict) are retried;
// anything else is a bug or bad data and must not be retried forever.

const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection exceptions
]);

const TRANSIENT_CLIENT_CODES = new Set([
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

export function isTransientDatabaseError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_CLIENT_CODES.has(code)))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

const LOCK_CONFLICTS = new Set(['40001', '40P01', '55P03']);

/**
 * A transaction lost a race for locks (a deadlock, a serialization failure, a lock not
 * available): transient, but the database itself is well; the same work run again, alone or
 * with less, is likely to commit.
 */
export function isLockConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && LOCK_CONFLICTS.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A unique constraint was violated (optionally: this one), e.g. two concurrent creations of one thing. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, constraint_name } = e as { code?: unknown; constraint_name?: unknown };
    if (code === '23505') return constraint === undefined || constraint_name === constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
