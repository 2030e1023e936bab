import { backlog, DEAD_LETTER_SCHEMAS } from '../quiet.ts';
import { type Evidence, type InvariantResult, result } from './types.ts';

// 4. Once quiet: no outbox row left unsent, nothing due or waiting anywhere (department calls,
// simulated answers, JetStream), and no dead letter a scenario did not set aside on purpose.

export interface DeadLetterRow {
  key: string;
  consumer: string;
  reason: string;
  error: string;
  message_id: string | null;
}

export async function deadLetters(e: Pick<Evidence, 'cp'>): Promise<DeadLetterRow[]> {
  const rows: DeadLetterRow[] = [];
  for (const schema of DEAD_LETTER_SCHEMAS) {
    const letters = await e.cp.sql<(Omit<DeadLetterRow, 'key'> & { id: number })[]>`
      select id, consumer, reason, error, message_id from ${e.cp.sql(schema)}.dead_letters order by id`;
    rows.push(...letters.map(({ id, ...letter }) => ({ key: `${schema}:${id}`, ...letter })));
  }
  return rows;
}

export async function nothingLeftBehind(e: Evidence): Promise<InvariantResult> {
  const left = await backlog(e.cp, []);
  const letters = await deadLetters(e);
  const unexplained = letters.filter((l) => !e.explainedDeadLetters.has(l.key));
  const problems = [
    ...Object.entries(left)
      .filter(([key, n]) => key !== 'unsettled' && n > 0)
      .map(([key, n]) => `${n} ${key}`),
    ...unexplained.map(
      (l) => `unexplained dead letter ${l.key} (${l.consumer}): ${l.reason}: ${l.error.slice(0, 160)}`,
    ),
  ];
  return result(
    '4',
    'no unsent outbox rows, nothing waiting, and no unexplained dead letters once quiet',
    {
      unsentOutbox: left.unsentOutbox,
      pendingDispatches: left.pendingDispatches,
      pendingAnswers: left.pendingAnswers,
      jetStreamPending: left.jetStreamPending,
      deadLetters: letters.length,
      explainedDeadLetters: letters.length - unexplained.length,
      unexplainedDeadLetters: unexplained.length,
    },
    problems,
  );
}
