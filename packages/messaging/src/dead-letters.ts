import { headers as natsHeaders } from '@nats-io/transport-node';
import type { Database } from '@onego/db';
import type { Vault } from '@onego/vault';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { deadLetterAad } from './consumer.ts';
import type { Nats } from './nats.ts';
import type { MessagingTables } from './tables.ts';

// Dead letters are messages a consumer set aside (invalid, or failing every attempt). After a
// fix, an operator replays one: it is published again, byte for byte, to the subject it came
// on, with a fresh msgID so JetStream does not drop it as a duplicate. Consumers that had
// already applied it recognise its event id in their inbox, so a replay never applies twice.
// Every replay records who did it, when and why.

export interface DeadLetterDeps {
  db: Database;
  tables: MessagingTables;
  nats: Nats;
  vault: Vault;
}

export async function listDeadLetters(
  deps: DeadLetterDeps,
  options: { pending?: boolean; before?: number; limit: number },
) {
  const t = deps.tables.deadLetters;
  const where = and(
    options.pending ? isNull(t.replayedAt) : undefined,
    options.before ? lt(t.id, options.before) : undefined,
  );
  return deps.db.select().from(t).where(where).orderBy(desc(t.id)).limit(options.limit);
}

export async function replayDeadLetter(
  deps: DeadLetterDeps,
  id: number,
  audit: { by: string; reason: string; at: Date },
) {
  const t = deps.tables.deadLetters;
  return deps.db.transaction(async (tx) => {
    const [letter] = await tx.select().from(t).where(eq(t.id, id)).for('update');
    if (!letter) return null;
    const h = natsHeaders();
    for (const [key, value] of Object.entries(letter.headers)) {
      if (key.toLowerCase() !== 'nats-msg-id') h.set(key, value);
    }
    const original = letter.messageId ?? `${letter.stream}-${letter.streamSeq}`;
    h.set('Onego-Replay-Of', original);
    await deps.nats.js.publish(letter.subject, deps.vault.open(letter.payload, deadLetterAad(letter)), {
      msgID: `${original}:replay:${letter.replays + 1}`,
      headers: h,
    });
    const [replayed] = await tx
      .update(t)
      .set({
        replayedAt: audit.at,
        replayedBy: audit.by,
        replayReason: audit.reason,
        replays: letter.replays + 1,
      })
      .where(eq(t.id, id))
      .returning();
    return replayed ?? null;
  });
}
