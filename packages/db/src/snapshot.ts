import type { Database, Transaction } from './database.ts';

// Reads that must agree with each other. Under Postgres' default isolation (read committed) each
// statement sees what was committed when it started, so an application read by one statement and
// its items by the next can straddle a commit: the item rejected, the application still "in
// progress". One repeatable-read transaction gives every statement in it the same snapshot.

/** Runs `read` in a read-only transaction whose statements all see the same snapshot. */
export function readSnapshot<T>(db: Database, read: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
