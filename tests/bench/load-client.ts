import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadCommand, LoadReply } from './load-protocol.ts';

// The bench's side of the load process: forks tests/bench/load.ts and turns its replies into
// promises, one command at a time.

export type DoneReply = Extract<LoadReply, { type: 'done' }>;

export interface LoadProcess {
  pid: number;
  prepare(origin: string, citizens: number): Promise<Extract<LoadReply, { type: 'ready' }>>;
  openLoop(rate: number, durationS: number): Promise<DoneReply>;
  closedLoop(concurrency: number, durationS: number): Promise<DoneReply>;
  stop(): Promise<void>;
}

/** Requests whose answer takes longer than this count as failed (status 0). */
const REQUEST_TIMEOUT_MS = 30_000;
/** The client's own limit on requests in flight, far above what a healthy platform needs. */
const MAX_IN_FLIGHT = 20_000;

export function startLoadProcess(): LoadProcess {
  const child: ChildProcess = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let pending: { resolve: (reply: LoadReply) => void; reject: (error: Error) => void } | undefined;
  child.on('message', (reply: LoadReply) => {
    const waiting = pending;
    pending = undefined;
    if (reply.type === 'failed') waiting?.reject(new Error(`load process: ${reply.error}`));
    else waiting?.resolve(reply);
  });
  child.on('exit', (code, signal) => {
    pending?.reject(new Error(`load process exited (${signal ?? code})`));
    pending = undefined;
  });

  function ask<T extends LoadReply>(command: LoadCommand): Promise<T> {
    if (pending) throw new Error('the load process is busy');
    return new Promise<T>((resolve, reject) => {
      pending = { resolve: (reply) => resolve(reply as T), reject };
      child.send(command);
    });
  }

  return {
    pid: child.pid as number,
    prepare: (origin, citizens) => ask({ type: 'prepare', origin, citizens }),
    openLoop: (rate, durationS) =>
      ask({ type: 'open-loop', rate, durationS, maxInFlight: MAX_IN_FLIGHT, timeoutMs: REQUEST_TIMEOUT_MS }),
    closedLoop: (concurrency, durationS) =>
      ask({ type: 'closed-loop', concurrency, durationS, timeoutMs: REQUEST_TIMEOUT_MS }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'exit' } satisfies LoadCommand);
      await exited;
    },
  };
}
