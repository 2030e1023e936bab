import fc from 'fast-check';
import type { FuzzContext } from './context.ts';
import { judge, type Verdict } from './invariants.ts';
import { MUTATIONS } from './mutations.ts';
import type { Operation } from './openapi.ts';
import { type FuzzRequest, requestsFor } from './requests.ts';
import { type Answer, inParallel, type Sender } from './send.ts';

// The generated requests, every operation in turn, each answer judged as it comes. Requests are
// generated a few per operation at a time from seeds derived from the run's seed, so a run is
// reproducible and never holds more than one round of (possibly huge) bodies in memory.

const PER_ROUND = 4;

export interface Violation {
  invariant: string;
  why: string;
  operation: string;
  mutation: string;
  identity: string;
  detail: string;
  requestId: string;
  request: string;
}

export interface FuzzOutcome {
  sent: number;
  byOperation: Record<string, Record<string, number>>;
  byMutation: Record<string, Record<string, number>>;
  violations: Violation[];
  /** Requests that were refused (4xx), for the database check: sent again later. */
  refused: FuzzRequest[];
}

const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);

export const describeRequest = (request: FuzzRequest) => {
  const body = request.body
    ? ` body(${request.body.length} B): ${JSON.stringify(request.body.subarray(0, 200).toString('latin1'))}`
    : '';
  return `${request.method} ${request.target.slice(0, 300)}${body}`;
};

function tally(table: Record<string, Record<string, number>>, key: string, answer: Answer) {
  const status =
    answer.status <= 0 ? (answer.status === 0 ? 'no answer' : 'not sent') : String(answer.status);
  const row = table[key] ?? {};
  row[status] = (row[status] ?? 0) + 1;
  table[key] = row;
}

export async function fuzzOperations(options: {
  operations: Operation[];
  context: FuzzContext;
  sender: Sender;
  seed: number;
  requests: number;
  concurrency: number;
  refusedSample: number;
  onProgress?: (sent: number) => void;
}): Promise<FuzzOutcome> {
  const { operations, context, sender, seed } = options;
  const arbitraries = operations.map((op) => requestsFor(op, context, MUTATIONS));
  const outcome: FuzzOutcome = { sent: 0, byOperation: {}, byMutation: {}, violations: [], refused: [] };
  const refusedPerOperation = Math.ceil(options.refusedSample / operations.length);
  const keptRefused = new Map<string, number>();
  for (let round = 0; outcome.sent < options.requests; round++) {
    const batch = operations.flatMap((op, i) =>
      fc.sample(arbitraries[i] as fc.Arbitrary<FuzzRequest>, {
        seed: (seed + hash(op.key) + round * 7919) | 0,
        numRuns: PER_ROUND,
      }),
    );
    const requests = batch.slice(0, options.requests - outcome.sent);
    await inParallel(requests, options.concurrency, async (request, i) => {
      const requestId = `fuzz-${seed}-${outcome.sent + i}`;
      const answer = await sender.send(request.method, {
        ...request,
        headers: { ...request.headers, 'x-request-id': requestId },
      });
      tally(outcome.byOperation, request.operation, answer);
      tally(outcome.byMutation, request.mutation, answer);
      record(outcome, request, requestId, judge(answer, request));
      const kept = keptRefused.get(request.operation) ?? 0;
      if (
        answer.status >= 400 &&
        answer.status < 500 &&
        kept < refusedPerOperation &&
        (request.body?.length ?? 0) < 100_000
      ) {
        keptRefused.set(request.operation, kept + 1);
        outcome.refused.push(request);
      }
    });
    outcome.sent += requests.length;
    options.onProgress?.(outcome.sent);
  }
  return outcome;
}

function record(outcome: FuzzOutcome, request: FuzzRequest, requestId: string, verdict: Verdict) {
  if (verdict.ok) return;
  outcome.violations.push({
    invariant: verdict.invariant,
    why: verdict.why,
    operation: request.operation,
    mutation: request.mutation,
    identity: request.identity,
    detail: request.detail,
    requestId,
    request: describeRequest(request),
  });
}
