import type { Database, Transaction } from './database.ts';
import { isLockConflict, isTransientDatabaseError } from './errors.ts';

// Group commit for independent requests (submissions arriving over HTTP at once): while the
// transactions in flight are busy, the work that arrives waits and then goes into one transaction
// together, so a burst of N costs a few transactions and, with `insertAtCommit`, one insert per
// table, not N of each. Under light load each piece of work gets a transaction of its own at once:
// nothing waits for a batch to fill. If a shared transaction fails, each of its pieces of work is
// run again alone, so one that cannot commit (a unique key already taken) fails by itself and the
// others commit. A piece of work may therefore run twice (the first time rolled back): it must do
// nothing outside its transaction but what its commit hooks do. A lost race for locks (a
// deadlock with another transaction) is no exception: each is run again alone. A failure of the
// database itself (a lost connection, a shutdown) fails them all at once: run alone, each would
// only wait for the same outage in turn.

export interface GroupCommit {
  /** Runs `work` in a transaction, maybe shared with others; resolves once that has committed. */
  run<R>(work: (tx: Transaction) => Promise<R>): Promise<R>;
  /** Pieces of work waiting for a transaction, and transactions in flight. */
  readonly pending: number;
  readonly inFlight: number;
}

interface Job {
  work: (tx: Transaction) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(
  db: Database,
  options: {
    /** Transactions in flight at once (each holds a pool connection). */
    concurrency: number;
    /** The most pieces of work one transaction takes. */
    maxBatch: number;
  },
): GroupCommit {
  const concurrency = Math.max(1, options.concurrency);
  const maxBatch = Math.max(1, options.maxBatch);
  const queue: Job[] = [];
  let inFlight = 0;

  async function commit(jobs: Job[]) {
    const results = await db.transaction(async (tx) => {
      const out: unknown[] = [];
      for (const job of jobs) out.push(await job.work(tx));
      return out;
    });
    for (const [i, job] of jobs.entries()) job.resolve(results[i]);
  }

  async function runBatch(jobs: Job[]) {
    try {
      await commit(jobs);
    } catch (error) {
      if (jobs.length === 1 || (isTransientDatabaseError(error) && !isLockConflict(error))) {
        for (const job of jobs) job.reject(error);
        return;
      }
      for (const job of jobs) {
        try {
          await commit([job]);
        } catch (alone) {
          job.reject(alone);
        }
      }
    }
  }

  function pump() {
    while (inFlight < concurrency && queue.length > 0) {
      const jobs = queue.splice(0, maxBatch);
      inFlight += 1;
      void runBatch(jobs).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return {
    run<R>(work: (tx: Transaction) => Promise<R>) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        pump();
      });
    },
    get pending() {
      return queue.length;
    },
    get inFlight() {
      return inFlight;
    },
  };
}
