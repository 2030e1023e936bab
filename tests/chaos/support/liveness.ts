import { SERVICE_NAMES } from '@onego/infra/platform';
import type { ChaosPlatform } from './chaos-platform.ts';
import { type InvariantResult, result } from './invariants/index.ts';
import type { RequestRecord } from './load.ts';

// Checks every scenario gets besides the invariants: no process died that the scenario did not
// kill (a crash is a bug even when the supervisor would restart it; a crashed service is
// restarted here so the next scenario starts whole), and no request was ever answered 500.

export async function nothingCrashed(cp: ChaosPlatform): Promise<InvariantResult> {
  const problems: string[] = [];
  for (const name of SERVICE_NAMES) {
    const child = cp.platform.supervisor.processOf(name);
    if (child && child.exitCode === null && child.signalCode === null) continue;
    problems.push(
      `${name} is not running (${child?.signalCode ?? `exit code ${child?.exitCode}`}); see its log`,
    );
    await cp
      .restart(name)
      .catch((error: unknown) => problems.push(`${name} does not restart: ${String(error)}`));
  }
  const nats = cp.platform.nats?.exit();
  if (nats) {
    problems.push(`the nats-server is not running (${nats}); see nats/nats-server.log`);
    await cp.platform.nats?.start();
  }
  return result(
    'alive',
    'no process died that the scenario did not kill',
    { services: SERVICE_NAMES.length },
    problems,
  );
}

export function no500(records: readonly RequestRecord[]): InvariantResult {
  const failed = records.filter((r) => r.status === 500);
  return result(
    'no-500',
    'no request was answered 500 (a refusal is a 503, a service gone mid-request a 502)',
    { requests: records.length, answered500: failed.length },
    failed.slice(0, 5).map((r) => `${new Date(r.startedAt).toISOString()}: ${r.error ?? ''}`),
  );
}
