import { differences, openSnapshots } from './database.ts';
import { describeRequest } from './fuzz-phase.ts';
import { judge } from './invariants.ts';
import type { FuzzRequest } from './requests.ts';
import { check, countStatuses, describeCounts, type ScenarioResult, timed } from './scenario.ts';
import { inParallel, type Sender } from './send.ts';

// The database holds nothing from a refused request: once the platform is quiet, requests the
// fuzzer saw refused are sent again, and afterwards every table of every service schema has the
// same rows (count and digest) as before. A request that is accepted this time is reported
// with the check, since its effect cannot be told apart.

export async function refusedLeaveNothing(options: {
  databaseUrl: string;
  sender: Sender;
  refused: FuzzRequest[];
  concurrency: number;
}): Promise<ScenarioResult> {
  const snapshots = openSnapshots(options.databaseUrl);
  try {
    const before = await snapshots.settled();
    const statuses: number[] = [];
    const accepted: string[] = [];
    const [, durationMs] = await timed(() =>
      inParallel(options.refused, options.concurrency, async (request) => {
        const answer = await options.sender.send(request.method, request);
        statuses.push(answer.status);
        // No answer counts against it unless the judge allows closing without one (a head over
        // Node's limit, a body over every route's); a 1xx-3xx means it was taken this time.
        const refusedByClosing = answer.status === 0 && judge(answer, request).ok;
        if (answer.status < 400 && !refusedByClosing) {
          accepted.push(`${answer.status} ${describeRequest(request)}`);
        }
      }),
    );
    const after = await snapshots.settled();
    const changed = differences(before, after);
    const operations = new Set(options.refused.map((r) => r.operation)).size;
    return {
      name: 'refused requests leave nothing in the database',
      load: `${options.refused.length} requests refused during the fuzz run (${operations} operations), sent again on a quiet platform; ${before.size} tables compared (row count and digest of the rows)`,
      durationMs,
      counts: countStatuses(statuses),
      checks: [
        check(
          'no table changed',
          changed.length === 0,
          changed.join(', ') || `${before.size} tables unchanged`,
        ),
        check(
          'refused again',
          accepted.length === 0,
          accepted.slice(0, 5).join('; ') || describeCounts(countStatuses(statuses)),
        ),
      ],
    };
  } finally {
    await snapshots.close();
  }
}
