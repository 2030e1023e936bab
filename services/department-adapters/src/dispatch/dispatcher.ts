import { DEPARTMENTS, type Department } from '@onego/contracts';
import { createGroupCommit, type Database, type Transaction } from '@onego/db';
import { contextFromHeaders, createWaker, failpoint, sleep as pause } from '@onego/messaging';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RetryPolicy } from '../domain/backoff.ts';
import { type BreakerPolicy, type CircuitBreaker, createCircuitBreaker } from '../domain/circuit-breaker.ts';
import type { DepartmentApi } from '../http/department-api.ts';
import { openBody } from './body.ts';
import { claimDue, type Dispatch, reclaim } from './claims.ts';
import { type SettleDeps, settle } from './settle.ts';

// The worker that makes the calls to HTTP-style departments: per department, behind its circuit
// breaker, it claims the due calls, makes each outside any transaction, and settles each answer
// as it comes, by group commit: answers that come while settlements are being committed share
// the next transaction (one alone under light load, a few for a claim of 64 under heavy load).
// It keeps up to `batchSize` calls in flight and claims more while they are: a call that falls
// due does not wait for the slowest call of an earlier claim. Several replicas may run it:
// claims skip each other's rows.

export interface DispatcherOptions extends Omit<SettleDeps, 'retry' | 'pollMs'> {
  db: Database;
  api: DepartmentApi;
  retry: RetryPolicy;
  breaker: BreakerPolicy;
  pollMs: number;
  timeoutMs: number;
  /**
   * The longest sleep when nothing more is due: a worker wakes sooner for the calls it scheduled
   * itself and for new ones committed here (`wake`); calls of another replica's, or a lapsed
   * claim, wait at most this long.
   */
  idleMs?: number;
  /** Calls in flight at most; the worker claims again when half of them are answered. */
  batchSize?: number;
  /** Settlement transactions in flight at once (each holds one of the pool's connections). */
  settleTransactions?: number;
}

const tracer = trace.getTracer('@onego/department-adapters');

export function startDispatcher(options: DispatcherOptions) {
  const { db, api, logger, clock } = options;
  const idleMs = options.idleMs ?? 1000;
  const batchSize = options.batchSize ?? 64;
  // Long enough for the call and its settlement; a crashed worker's claim lapses after it.
  const leaseMs = options.timeoutMs * 2 + 1000;
  const settlements = createGroupCommit(db, {
    concurrency: options.settleTransactions ?? 2,
    maxBatch: batchSize,
  });
  const breakers = new Map<Department, CircuitBreaker>(
    DEPARTMENTS.map((d) => [d, createCircuitBreaker(options.breaker, () => clock().getTime())]),
  );
  const stopping = new AbortController();
  const waker = createWaker(stopping.signal);
  // When the calls this worker scheduled (retries, status queries) fall due, those not yet due
  // at its last claim: it sleeps until the soonest, not for idleMs. One scheduled while it
  // sleeps (by a call still in flight then) and due before it would wake, wakes it then.
  let scheduledAt: number[] = [];
  let sleepEndsAt: number | undefined;
  let earlyWake: NodeJS.Timeout | undefined;
  const scheduled = (dueAt: Date) => {
    const at = dueAt.getTime();
    scheduledAt.push(at);
    if (sleepEndsAt === undefined || at >= sleepEndsAt) return;
    sleepEndsAt = at;
    clearTimeout(earlyWake);
    earlyWake = setTimeout(waker.wake, Math.max(1, at - clock().getTime()));
  };
  const sleep = async (ms: number) => {
    sleepEndsAt = clock().getTime() + ms;
    await waker.wait(ms);
    sleepEndsAt = undefined;
    clearTimeout(earlyWake);
  };
  const idleWaitMs = () => {
    let soonest = Number.POSITIVE_INFINITY;
    for (const at of scheduledAt) soonest = Math.min(soonest, at);
    return Math.min(idleMs, Math.max(1, soonest - clock().getTime()));
  };

  function track(department: Department, breaker: CircuitBreaker, failed: boolean) {
    const before = breaker.state.state;
    if (failed) breaker.failed();
    else breaker.succeeded();
    const after = breaker.state.state;
    if (before !== after) logger.warn({ department, breaker: after }, `circuit breaker ${after}`);
  }

  /** Makes the call in the trace of the work that asked for it, so the department's side joins it. */
  function call(department: Department, breaker: CircuitBreaker, row: Dispatch) {
    const span = tracer.startSpan(
      `${department} ${row.kind}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'onego.department': department, 'onego.case_ref': row.caseRef },
      },
      contextFromHeaders(row.headers),
    );
    return context.with(trace.setSpan(context.active(), span), async () => {
      try {
        await callAndSettle(department, breaker, row);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  async function callAndSettle(department: Department, breaker: CircuitBreaker, row: Dispatch) {
    let { answer, record } = await api.call(row.kind, department, row.caseRef, {
      ...(row.bodySealed && { body: openBody(options.vault, row) }),
      ...(row.kind !== 'poll' && { idempotencyKey: row.idempotencyKey }),
    });
    track(department, breaker, answer.kind === 'retry-later');
    if (row.kind === 'submit' && answer.kind === 'accepted') {
      // Many departments decide at once: ask straight away, and settle the submission with the
      // decision if there is one; otherwise the receipt is settled and status queries follow.
      const status = await api.call('poll', department, row.caseRef);
      track(department, breaker, status.answer.kind === 'retry-later');
      if (status.answer.kind === 'decided' || status.answer.kind === 'cancelled')
        ({ answer, record } = status);
    }
    await failpoint('dispatcher.after-call-before-record');
    // May run twice, the first time in a shared transaction that rolled back: it does nothing
    // outside the transaction but log and note when its next call is due.
    const recordAnswer = async (tx: Transaction) => {
      const current = await reclaim(tx, row);
      if (!current) {
        logger.info(
          { department, caseRef: row.caseRef, kind: row.kind },
          'answer to a call no longer wanted',
        );
        return;
      }
      await settle(
        tx,
        { ...options, retry: options.retry, pollMs: options.pollMs, scheduled },
        current,
        answer,
        record,
      );
    };
    try {
      // In this call's trace, whichever transaction it joins: its events' trace headers are this call's.
      await settlements.run(context.bind(context.active(), recordAnswer));
    } catch (error) {
      // The claim lapses and the call is made again, with the same idempotency key.
      logger.warn(
        { department, caseRef: row.caseRef, error: String(error) },
        'cannot record a department answer; will call again',
      );
    }
  }

  /** Claims due calls of every department whose breaker lets calls through (a probe: one). */
  async function claim(limit: number): Promise<Dispatch[]> {
    const now = clock();
    // What falls due by now is this claim's to take (or another worker's, which holds it).
    scheduledAt = scheduledAt.filter((at) => at > now.getTime());
    const open: Department[] = [];
    const claimed: Dispatch[] = [];
    for (const department of DEPARTMENTS) {
      const breaker = breakers.get(department) as CircuitBreaker;
      const permission = breaker.permit();
      if (permission === 'all') open.push(department);
      if (permission !== 'probe') continue;
      const rows = await claimDue(db, [department], { now, limit: 1, leaseMs }).catch((error: unknown) => {
        breaker.probeUnused();
        throw error;
      });
      if (rows.length === 0) breaker.probeUnused();
      claimed.push(...rows);
    }
    const left = limit - claimed.length;
    if (open.length > 0 && left > 0)
      claimed.push(...(await claimDue(db, open, { now, limit: left, leaseMs })));
    return claimed;
  }

  // The calls in flight, and what the worker waits on when they fill the window.
  const inFlight = new Set<Promise<void>>();
  let answered: (() => void) | undefined;

  function launch(row: Dispatch) {
    const done: Promise<void> = call(row.department, breakers.get(row.department) as CircuitBreaker, row)
      .catch((error: unknown) => {
        // Its claim lapses and the call is made again, with the same idempotency key.
        logger.warn(
          { department: row.department, caseRef: row.caseRef, error: String(error) },
          'department call failed',
        );
      })
      .finally(() => {
        inFlight.delete(done);
        answered?.();
      });
    inFlight.add(done);
  }

  /** Until at most `count` calls are in flight (each ends within its timeout, stopping or not). */
  async function inFlightAtMost(count: number) {
    while (inFlight.size > count) {
      await new Promise<void>((resolve) => {
        answered = resolve;
      });
      answered = undefined;
    }
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        // A full window is claimed into again when half of it is answered: one claim per half
        // window under heavy load, rather than one per answer.
        if (inFlight.size >= batchSize) await inFlightAtMost(Math.floor(batchSize / 2));
        if (stopping.signal.aborted) break;
        const room = batchSize - inFlight.size;
        const rows = await claim(room);
        failures = 0;
        for (const row of rows) launch(row);
        // A full claim may have left more due; otherwise nothing is until the soonest call
        // scheduled meanwhile (or a wake), and claiming again at once would find nothing.
        if (rows.length < room) await sleep(idleWaitMs());
      } catch (error) {
        failures += 1;
        logger.warn({ error: String(error) }, 'dispatcher cannot reach the database; will retry');
        await pause(Math.min(10_000, 250 * 2 ** Math.min(failures, 6)), stopping.signal);
      }
    }
    await Promise.all(inFlight);
  })();

  return {
    /** New calls were committed: look for due calls now rather than after the idle wait. */
    wake: waker.wake,
    breakerOf: (department: Department) => (breakers.get(department) as CircuitBreaker).state,
    /** Stops after the calls in flight are settled; due rows wait for the next start. */
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}

export type Dispatcher = ReturnType<typeof startDispatcher>;
