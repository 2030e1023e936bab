import { backoffMs, createWaker, type Logger, sleep } from '@onego/messaging';
import type { AnswerDesk } from './answers.ts';

/**
 * Publishes answers as they fall due: woken when an answer of this process falls due (those due
 * at once are published after their commit), and polling the (small) pending table for those
 * whose publish failed and those another replica wrote.
 */
export function startAnswerScheduler(options: {
  desk: AnswerDesk;
  logger: Logger;
  clock: () => Date;
  pollMs?: number;
}) {
  const { desk, logger, clock } = options;
  const pollMs = options.pollMs ?? 1000;
  const stopping = new AbortController();
  const waker = createWaker(stopping.signal);
  const timers = new Set<NodeJS.Timeout>();
  const unsubscribe = desk.onAnswer((dueAt) => {
    const wait = dueAt.getTime() - clock().getTime();
    if (wait <= 0) return waker.wake();
    const timer = setTimeout(() => {
      timers.delete(timer);
      waker.wake();
    }, wait);
    timers.add(timer);
  });

  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        const sent = await desk.sendDue(clock());
        const { failed, error } = sent;
        failures = failed > 0 ? failures + 1 : 0;
        if (failed > 0) {
          logger.warn({ failed, error }, 'cannot publish due answers; will retry');
          await sleep(backoffMs(failures, 250, 10_000), stopping.signal);
        } else if (sent.due === 0) await waker.wait(pollMs);
      } catch (error) {
        failures += 1;
        logger.warn({ error: String(error) }, 'cannot send due answers; will retry');
        await sleep(backoffMs(failures, 250, 10_000), stopping.signal);
      }
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
