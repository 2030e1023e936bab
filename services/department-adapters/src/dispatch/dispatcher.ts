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
// It keeps up to `window` calls in flight to each department and claims more while they are: a
// call that falls due does not wait for the slowest call of an earlier claim, and a department
// slow to answer fills only its own window, not the others'. The window also bounds the
// connections open to a department. Several replicas may run it: claims skip each other's rows.

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
  /**
   * Calls in flight to one department at most; when a department's are, it is claimed for
   * again when half of them are answered.
   */
  window?: number;
  /** Settlement transactions in flight at once (each holds one of the pool's connections). */
  settleTransactions?: number;
}

const tracer = trace.getTracer('@onego/department-adapters');

export function startDispatcher(options: DispatcherOptions) {
  const { db, api, logger, clock } = options;
  const idleMs = options.idleMs ?? 1000;
  const window = options.window ?? 64;
  // Long enough for the call and its settlement; a crashed worker's claim lapses after it.
  const leaseMs = options.timeoutMs * 2 + 1000;
  const settlements = createGroupCommit(db, {
    concurrency: options.settleTransactions ?? 2,
    maxBatch: 64,
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

  // The calls in flight to each department, and the departments whose window a claim filled:
  // those may have more due, and are claimed for again when half their window is answered.
  const inFlight = new Map<Department, Set<Promise<void>>>(DEPARTMENTS.map((d) => [d, new Set()]));
  const callsTo = (department: Department) => inFlight.get(department) as Set<Promise<void>>;
  const filled = new Set<Department>();
  const half = Math.floor(window / 2);

  /**
   * Claims due calls of each department with room in its window whose breaker lets calls
   * through (a probe: one), and notes the departments whose room the claim used up.
   */
  async function claim(): Promise<Dispatch[]> {
    const rooms: Partial<Record<Department, number>> = {};
    const probes = new Set<Department>();
    for (const department of DEPARTMENTS) {
      const room = window - callsTo(department).size;
      if (room <= 0) continue;
      const breaker = breakers.get(department) as CircuitBreaker;
      const permission = breaker.permit();
      if (permission === 'all') rooms[department] = room;
      if (permission !== 'probe') continue;
      rooms[department] = 1;
      probes.add(department);
    }
    let claimed: Dispatch[];
    try {
      claimed = await claimDue(db, rooms, { now: clock(), leaseMs });
    } catch (error) {
      for (const department of probes) (breakers.get(department) as CircuitBreaker).probeUnused();
      throw error;
    }
    const counts = new Map<Department, number>();
    for (const row of claimed) counts.set(row.department, (counts.get(row.department) ?? 0) + 1);
    for (const department of DEPARTMENTS) {
      const probe = probes.has(department);
      if (probe && !counts.has(department)) (breakers.get(department) as CircuitBreaker).probeUnused();
      else if (!probe && counts.get(department) === rooms[department]) filled.add(department);
    }
    return claimed;
  }

  function launch(row: Dispatch) {
    const calls = callsTo(row.department);
    const done: Promise<void> = call(row.department, breakers.get(row.department) as CircuitBreaker, row)
      .catch((error: unknown) => {
        // Its claim lapses and the call is made again, with the same idempotency key.
        logger.warn(
          { department: row.department, caseRef: row.caseRef, error: String(error) },
          'department call failed',
        );
      })
      .finally(() => {
        calls.delete(done);
        // Half of a filled window answered: claim again, once, rather than once per answer.
        if (filled.has(row.department) && calls.size <= half) waker.wake();
      });
    calls.add(done);
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        // What falls due by now is this claim's to take (or another worker's, which holds it).
        const now = clock().getTime();
        scheduledAt = scheduledAt.filter((at) => at > now);
        for (const department of filled) if (callsTo(department).size <= half) filled.delete(department);
        const rows = await claim();
        failures = 0;
        for (const row of rows) launch(row);
        // Nothing more is due for the departments with room left, and those whose room the
        // claim used up are claimed for when half their window is answered (at once if it
        // was while claiming): until then, a wake, or the soonest call scheduled meanwhile,
        // claiming again would find nothing.
        const answeredMeanwhile = [...filled].some((department) => callsTo(department).size <= half);
        if (!answeredMeanwhile) await sleep(idleWaitMs());
      } catch (error) {
        failures += 1;
        logger.warn({ error: String(error) }, 'dispatcher cannot reach the database; will retry');
        await pause(Math.min(10_000, 250 * 2 ** Math.min(failures, 6)), stopping.signal);
      }
    }
    await Promise.all([...inFlight.values()].flatMap((calls) => [...calls]));
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
