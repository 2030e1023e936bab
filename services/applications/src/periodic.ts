import { type Logger, sleep } from '@onego/messaging';

// The service's background sweeps (overdue materials, deadline warnings, reconciliation) share
// one shape: run, log what happened or why it failed, wait, run again until stopped. A failed
// round (the database down) is logged and retried at the next interval, never fatal.

export interface Periodic {
  stop(): Promise<void>;
}

export function startPeriodic(options: {
  intervalMs: number;
  logger: Logger;
  /** What the round is, for the log line when it fails ("materials sweep"). */
  name: string;
  round: () => Promise<void>;
}): Periodic {
  const stopping = new AbortController();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await options.round();
      } catch (error) {
        options.logger.warn({ error: String(error) }, `${options.name} failed; will retry`);
      }
      await sleep(options.intervalMs, stopping.signal);
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
