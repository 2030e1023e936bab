import type { ChildProcess } from 'node:child_process';
import type { ServiceName } from '@onego/infra/platform';
import type { FailpointName } from '@onego/messaging';
import type { ChaosPlatform } from './chaos-platform.ts';
import { pause } from './faults.ts';

// Service-level faults: kill -9 (directly, or by arming a failpoint and letting the load reach
// it), pause and resume, and restart, each through the platform's supervisor.

/** Which failpoints each service passes through (identity and the gateway speak no NATS). */
export const FAILPOINTS_OF: Partial<Record<ServiceName, readonly FailpointName[]>> = {
  applications: [
    'relay.before-publish',
    'relay.after-publish-before-mark',
    'consumer.after-commit-before-ack',
  ],
  certificates: [
    'relay.before-publish',
    'relay.after-publish-before-mark',
    'consumer.after-commit-before-ack',
    'certificates.after-issue-before-outbox',
  ],
  'department-adapters': [
    'relay.before-publish',
    'relay.after-publish-before-mark',
    'consumer.after-commit-before-ack',
    'dispatcher.after-call-before-record',
  ],
  // The simulated departments answer through their own desk, not the outbox relay.
  'department-simulators': ['consumer.after-commit-before-ack'],
};

export function exitOf(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child?.signalCode ?? String(child?.exitCode));
  }
  return new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
}

/** Waits for a process to exit, or gives up after `ms` (resolving to null). */
export const exitWithin = (child: ChildProcess | undefined, ms: number) =>
  Promise.race([exitOf(child), pause(ms).then(() => null)]);

export async function killHard(cp: ChaosPlatform, name: ServiceName) {
  const child = cp.platform.supervisor.processOf(name);
  const exited = exitOf(child);
  cp.platform.supervisor.signal(name, 'SIGKILL');
  return exited;
}
