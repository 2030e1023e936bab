import type { Database } from '@onego/db';
import { backoffMs, type Logger, sleep } from '@onego/messaging';
import type postgres from 'postgres';
import { ANSWERS_CHANNEL, type AnswerDesk } from './answers.ts';

/**
 * Publishes answers as they fall due: woken at once by the notification a new answer sends at
 * commit, otherwise polling the (small) pending table for delayed ones.
 */
export function startAnswerScheduler(options: {
  db: Database;
  sql: postgres.Sql;
  desk: AnswerDesk;
  logger: Logger;
  clock: () => Date;
  pollMs?: number;
}) {
  const { db, desk, logger, clock } = options;
  const pollMs = options.pollMs ?? 200;
  const stopping = new AbortController();
  let wake: (() => void) | undefined;
  const listening = options.sql
    .listen(ANSWERS_CHANNEL, () => wake?.())
    .catch((error) => {
      logger.warn({ error: String(error) }, 'cannot LISTEN for answers; polling only');
      return undefined;
    });
  const waitForWork = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
      stopping.signal.addEventListener('abort', () => wake?.(), { once: true });
    });

  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        const { due, failed, error } = await desk.sendDue(db, clock());
        failures = failed > 0 ? failures + 1 : 0;
        if (failed > 0) {
          logger.warn({ failed, error }, 'cannot publish due answers; will retry');
          await sleep(backoffMs(failures, 250, 10_000), stopping.signal);
        } else if (due === 0) await waitForWork();
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
      await (await listening)?.unlisten().catch(() => {});
    },
  };
}
