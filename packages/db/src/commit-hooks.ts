import type { InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from './database.ts';
import { connectionOf, insertRows, insertStatement, queryOf } from './insert-rows.ts';

// Work that belongs to a transaction's commit: `beforeCommit` runs at the end of the
// transaction's own callback, inside it (a unit of work flushing what it gathered in one
// statement), and `afterCommit` runs once the commit has succeeded (publishing what it made
// visible). Only transactions opened by `db.transaction` on a database from `openDatabase` are
// tracked; a nested transaction (a savepoint) is not, since its rows may roll back while the
// outer transaction commits: callers then fall back to doing the work at once.

interface Hooks {
  before: (() => Promise<void>)[];
  /** Inserts sent with the COMMIT: each gives its statement, or runs itself when it cannot. */
  final: { statement(): { text: string; params: unknown[] } | undefined; run(): Promise<void> }[];
  after: (() => void)[];
}

const tracked = new WeakMap<object, Hooks>();

/** Runs `work` at the end of `tx`, inside it; false when `tx` is not a tracked transaction. */
export function beforeCommit(tx: Transaction, work: () => Promise<void>): boolean {
  const hooks = tracked.get(tx);
  if (!hooks) return false;
  hooks.before.push(work);
  return true;
}

/** Runs `work` once `tx` has committed (never if it rolls back); false when `tx` is not tracked. */
export function afterCommit(tx: Transaction, work: () => void): boolean {
  const hooks = tracked.get(tx);
  if (!hooks) return false;
  hooks.after.push(work);
  return true;
}

/**
 * Sends the inserts held for the COMMIT without waiting for their answers: postgres.js sends
 * the COMMIT as the transaction's callback returns, before it writes to the socket, so they
 * share one write and one round trip (a socket write is the largest single cost in the services'
 * profiles). Statements given to the connection in this order run in it. Returns their answers.
 */
async function sendWithCommit(tx: Transaction, inserts: Hooks['final']): Promise<Promise<unknown>[]> {
  const connection = connectionOf(tx);
  const sent: Promise<unknown>[] = [];
  for (const insert of inserts) {
    const statement = connection ? insert.statement() : undefined;
    if (connection && statement) sent.push(queryOf(connection, statement).execute());
    else await insert.run();
  }
  return sent;
}

/** Makes `db.transaction` track its transactions' commit hooks. */
export function withCommitHooks(db: Database): Database {
  const plain = db.transaction.bind(db);
  const transaction: Database['transaction'] = async (callback, config) => {
    const hooks: Hooks = { before: [], final: [], after: [] };
    let sent: Promise<unknown>[] = [];
    const result = await plain(async (tx) => {
      tracked.set(tx, hooks);
      const value = await callback(tx);
      // The hooks' statements go out together, pipelined on the transaction's connection (one
      // round trip, not one each); a hook may add another (a flush that enqueues): run until none is left.
      while (hooks.before.length > 0) await Promise.all(hooks.before.splice(0).map((work) => work()));
      tracked.delete(tx);
      sent = await sendWithCommit(tx, hooks.final.splice(0));
      return value;
    }, config);
    // Had one of those failed, the transaction was aborted and Postgres answered the COMMIT with
    // a ROLLBACK (postgres.js does not look at that answer): its error is the transaction's.
    const failed = (await Promise.allSettled(sent)).find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    for (const work of hooks.after) {
      // Committed is committed: a hook's failure must not turn the caller's success into an error.
      try {
        work();
      } catch (error) {
        process.emitWarning(`an after-commit hook failed: ${String(error)}`);
      }
    }
    return result;
  };
  return Object.assign(db, { transaction });
}

/**
 * State that lives as long as one transaction: `of(tx)` gives the same object for the same
 * transaction (what a batch has already locked or loaded), a fresh one for the next.
 */
export function perTransaction<T>(create: (tx: Transaction) => T): (tx: Transaction) => T {
  const states = new WeakMap<Transaction, T>();
  return (tx) => {
    let state = states.get(tx);
    if (state === undefined) {
      state = create(tx);
      states.set(tx, state);
    }
    return state;
  };
}

const deferred = perTransaction(() => ({
  before: new Map<PgTable, Record<string, unknown>[]>(),
  withCommit: new Map<PgTable, Record<string, unknown>[]>(),
}));

/**
 * Inserts `row` into `table` at the end of the transaction, with the other rows deferred to the
 * same table in one statement (a batch writes its receipts in one insert, not one each). In a
 * transaction that cannot be tracked, inserts at once. Only for rows nothing in the transaction
 * reads back or conflicts on. With `withCommit`, the insert goes out with the COMMIT itself, after
 * every before-commit hook: only for rows nothing else in the transaction refers to or updates
 * either (the outbox's events).
 */
export async function insertAtCommit<T extends PgTable>(
  tx: Transaction,
  table: T,
  row: InferInsertModel<T>,
  options: { withCommit?: boolean } = {},
): Promise<void> {
  const hooks = tracked.get(tx);
  if (!hooks) {
    await tx.insert(table).values(row);
    return;
  }
  const tables = options.withCommit ? deferred(tx).withCommit : deferred(tx).before;
  const rows = tables.get(table);
  if (rows) {
    rows.push(row as Record<string, unknown>);
    return;
  }
  const gathered = [row as Record<string, unknown>];
  const run = async () => {
    tables.delete(table);
    await insertRows(tx, table, gathered as InferInsertModel<T>[]);
  };
  if (options.withCommit) {
    hooks.final.push({
      statement: () => {
        tables.delete(table);
        return insertStatement(table, gathered);
      },
      run,
    });
  } else hooks.before.push(run);
  tables.set(table, gathered);
}
