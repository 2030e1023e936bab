import fc from 'fast-check';
import type { FuzzContext } from './context.ts';
import { describeRequest, type Violation } from './fuzz-phase.ts';
import { judge } from './invariants.ts';
import type { Mutation } from './mutations.ts';
import type { Operation } from './openapi.ts';
import { requestsFor } from './requests.ts';
import type { Sender } from './send.ts';

// For each kind of violation found (operation × mutation × invariant), fast-check looks for it
// again with only that operation and mutation, and shrinks what it finds to a smallest request.

export interface Minimised {
  operation: string;
  mutation: string;
  invariant: string;
  occurrences: number;
  /** The smallest request fast-check found that still breaks the invariant, and its answer. */
  counterexample?: string;
  answer?: string;
  shrinks?: number;
}

export async function minimise(options: {
  violations: Violation[];
  operations: Operation[];
  context: FuzzContext;
  sender: Sender;
  seed: number;
  maxClasses: number;
  /** Time fast-check may spend looking for and shrinking one kind of violation. */
  timeLimitMs: number;
}): Promise<Minimised[]> {
  const classes = new Map<string, Violation[]>();
  for (const v of options.violations) {
    const key = `${v.operation}|${v.mutation}|${v.invariant}`;
    classes.set(key, [...(classes.get(key) ?? []), v]);
  }
  const results: Minimised[] = [];
  for (const [key, found] of [...classes].slice(0, options.maxClasses)) {
    const [operationKey, mutation, invariant] = key.split('|') as [string, Mutation, string];
    const operation = options.operations.find((o) => o.key === operationKey);
    const result: Minimised = { operation: operationKey, mutation, invariant, occurrences: found.length };
    results.push(result);
    if (!operation) continue;
    let lastAnswer = '';
    const property = fc.asyncProperty(
      requestsFor(operation, options.context, [mutation]),
      async (request) => {
        const verdict = judge(await options.sender.send(request.method, request), request);
        if (!verdict.ok && verdict.invariant === invariant) lastAnswer = verdict.why;
        return verdict.ok || verdict.invariant !== invariant;
      },
    );
    const details = await fc.check(property, {
      seed: options.seed,
      numRuns: 150,
      interruptAfterTimeLimit: options.timeLimitMs,
      markInterruptAsFailure: false,
    });
    if (details.failed && details.counterexample) {
      const [request] = details.counterexample;
      result.counterexample = `${describeRequest(request)} as ${request.identity}; ${request.detail}`;
      result.answer = lastAnswer;
      result.shrinks = details.numShrinks;
    }
  }
  return results;
}
