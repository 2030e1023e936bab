import { describe, expect, it } from 'vitest';
import { isLockConflict, isTransientDatabaseError, isUniqueViolation } from '../src/index.ts';

// Which database failures are retried, run again alone, or a key already taken: told from the
// error or any error it wraps (drizzle wraps postgres.js's in `cause`).

const postgresError = (code: string, extra: object = {}) =>
  Object.assign(new Error(code), { code, ...extra });
const wrapped = (cause: unknown) => new Error('Failed query: …', { cause });

describe('telling database failures apart', () => {
  it('takes a lost connection, a shutdown and a lock conflict as transient, wrapped or not', () => {
    // Given errors of each kind, some wrapped the way drizzle wraps them
    // Then the transient ones are told so, and a constraint violation or a bug is not
    expect(isTransientDatabaseError(postgresError('CONNECTION_CLOSED'))).toBe(true);
    expect(isTransientDatabaseError(wrapped(postgresError('57P01')))).toBe(true);
    expect(isTransientDatabaseError(wrapped(postgresError('40P01')))).toBe(true);
    expect(isTransientDatabaseError(wrapped(postgresError('23505')))).toBe(false);
    expect(isTransientDatabaseError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });

  it('takes only a lost race for locks as a lock conflict, not an outage', () => {
    expect(isLockConflict(wrapped(postgresError('40P01')))).toBe(true);
    expect(isLockConflict(postgresError('40001'))).toBe(true);
    expect(isLockConflict(postgresError('55P03'))).toBe(true);
    expect(isLockConflict(wrapped(postgresError('ECONNREFUSED')))).toBe(false);
    expect(isLockConflict(postgresError('57P01'))).toBe(false);
  });

  it('names a unique violation, and the constraint when asked', () => {
    const taken = wrapped(postgresError('23505', { constraint_name: 'things_pkey' }));
    expect(isUniqueViolation(taken)).toBe(true);
    expect(isUniqueViolation(taken, 'things_pkey')).toBe(true);
    expect(isUniqueViolation(taken, 'other_key')).toBe(false);
    expect(isUniqueViolation(wrapped(postgresError('40P01')))).toBe(false);
  });

  it('looks five errors down a chain of causes and no further, so a cycle cannot hang it', () => {
    // Given a deadlock wrapped four times, one wrapped five times, and an error that is its own cause
    let shallow: unknown = postgresError('40P01');
    for (let i = 0; i < 4; i++) shallow = wrapped(shallow);
    const deep = wrapped(shallow);
    const cycle = new Error('loops');
    Object.assign(cycle, { cause: cycle });
    // Then the first is recognised, the second is not, and the cycle is answered
    expect(isLockConflict(shallow)).toBe(true);
    expect(isLockConflict(deep)).toBe(false);
    expect(isTransientDatabaseError(cycle)).toBe(false);
  });
});
