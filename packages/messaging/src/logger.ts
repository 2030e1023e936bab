/** The slice of a pino logger the messaging code uses; Fastify's `app.log` fits. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Resolves after `ms`, or at once when `signal` aborts (the listener is removed either way). */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * A loop's idle wait that work can cut short: `wait(ms)` sleeps until the time is up, `wake()`
 * is called or `signal` aborts; a `wake()` while the loop is busy makes its next wait return at
 * once, so work that arrives mid-iteration is not left for the next timeout.
 */
export function createWaker(signal: AbortSignal) {
  let woken = false;
  let wakeUp: (() => void) | undefined;
  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async wait(ms: number) {
      if (!woken && !signal.aborted) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            wakeUp = undefined;
            resolve();
          };
          const timer = setTimeout(done, ms);
          signal.addEventListener('abort', done, { once: true });
          wakeUp = done;
        });
      }
      woken = false;
    },
  };
}

/** Exponential backoff with full jitter, capped: spreads retries of many failing messages. */
export function backoffMs(attempt: number, baseMs = 250, capMs = 30_000) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
