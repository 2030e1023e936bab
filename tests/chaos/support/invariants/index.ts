import { availability } from './availability.ts';
import { certificatesVerify } from './certificates.ts';
import { dependencyOrder } from './dependency-order.ts';
import { exactlyOnce } from './exactly-once.ts';
import { nothingLeftBehind } from './quiet.ts';
import { everyApplicationSettled } from './settled.ts';
import { type Evidence, type InvariantResult, result } from './types.ts';

export { deadLetters } from './quiet.ts';
export type { Evidence, InvariantResult } from './types.ts';
export { result } from './types.ts';

/** The six invariants of issue 7, checked once the platform is quiet after a scenario. */
export async function checkInvariants(evidence: Evidence): Promise<InvariantResult[]> {
  const checks: [string, (e: Evidence) => Promise<InvariantResult> | InvariantResult][] = [
    ['1', everyApplicationSettled],
    ['2', exactlyOnce],
    ['3', dependencyOrder],
    ['4', nothingLeftBehind],
    ['5', certificatesVerify],
    ['6', availability],
  ];
  const results: InvariantResult[] = [];
  for (const [id, check] of checks) {
    // A platform that cannot even be asked fails the invariant; it does not end the run.
    results.push(
      await Promise.resolve(check(evidence)).catch((error: unknown) =>
        result(id, 'could not be checked', {}, [String(error)]),
      ),
    );
  }
  return results;
}
