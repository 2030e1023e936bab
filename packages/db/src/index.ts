// @onego/db: a Postgres pool with Drizzle on top, migrations applied safely at start, and the
// one classification every caller needs: is this failure worth retrying?

export { anyOf, arrayLiteral } from './arrays.ts';
export {
  afterCommit,
  beforeCommit,
  insertAtCommit,
  perTransaction,
  withCommitHooks,
} from './commit-hooks.ts';
export { type Database, type DatabaseHandle, openDatabase, poolMax, type Transaction } from './database.ts';
export { ensureDatabase } from './ensure-database.ts';
export { isLockConflict, isTransientDatabaseError, isUniqueViolation } from './errors.ts';
export { createGroupCommit, type GroupCommit } from './group-commit.ts';
export { type InsertOptions, insertRows, insertStatement } from './insert-rows.ts';
export { applyMigrations } from './migrate.ts';
export { readSnapshot } from './snapshot.ts';
