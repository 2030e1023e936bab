import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageHistoryMs, pruneMessages } from '../src/index.ts';
import { type Harness, startHarness } from './fixture/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const DAY_MS = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** An outbox row written `createdAt`; one not `sent` still has its unsent mark. */
async function addOutboxRow(sent: boolean, createdAt: string) {
  const id = randomUUID();
  await h.sql`
    insert into messaging_fixture.outbox (id, subject, type, payload, headers, created_at)
    values (${id}, 'retention.test', 'test.v1', 'sealed', '{}'::jsonb, ${createdAt}::timestamptz)`;
  if (!sent) await h.sql`insert into messaging_fixture.outbox_unsent (id) values (${id})`;
  return id;
}

async function addInboxRow(processedAt: string) {
  const id = randomUUID();
  await h.sql`
    insert into messaging_fixture.inbox (consumer, message_id, processed_at)
    values ('retention-test', ${id}, ${processedAt}::timestamptz)`;
  return id;
}

describe('the message history retention', () => {
  it('deletes published outbox rows and inbox rows older than the history, and keeps the rest', async () => {
    // Given an outbox row still unpublished from 41 days ago, then seven published 40 days ago
    // and one 10 days ago; and seven inbox rows processed 40 days ago and one 10 days ago
    const neverPublished = await addOutboxRow(false, daysAgo(41));
    for (let i = 0; i < 7; i++) await addOutboxRow(true, daysAgo(40));
    const recentPublished = await addOutboxRow(true, daysAgo(10));
    await Promise.all(Array.from({ length: 7 }, () => addInboxRow(daysAgo(40))));
    const recentProcessed = await addInboxRow(daysAgo(10));

    // When the history of 30 days is pruned, three rows a statement
    const pruned = await pruneMessages({
      sql: h.sql,
      schema: 'messaging_fixture',
      keepMs: 30 * DAY_MS,
      batchSize: 3,
    });

    // Then the old published and processed rows are gone, over several batches
    expect(pruned).toEqual({ outbox: 7, inbox: 7 });
    const outbox = await h.sql<
      { id: string }[]
    >`select id from messaging_fixture.outbox where subject = 'retention.test'`;
    expect(outbox.map((r) => r.id).sort()).toEqual([recentPublished, neverPublished].sort());
    const unsent = await h.sql<{ id: string }[]>`select id from messaging_fixture.outbox_unsent`;
    expect(unsent.map((r) => r.id)).toContain(neverPublished);
    const inbox = await h.sql<{ id: string }[]>`
      select message_id as id from messaging_fixture.inbox where consumer = 'retention-test'`;
    expect(inbox.map((r) => r.id)).toEqual([recentProcessed]);

    // And a second prune finds nothing more to delete
    expect(await pruneMessages({ sql: h.sql, schema: 'messaging_fixture', keepMs: 30 * DAY_MS })).toEqual({
      outbox: 0,
      inbox: 0,
    });
  });

  it('finds the old inbox rows through the processed_at index, not by reading the whole inbox', async () => {
    // Given the fixture's inbox with its migrations applied
    // When Postgres plans the prune's search (sequential scans discouraged, as on a large table)
    const plan = await h.sql.begin(async (tx) => {
      await tx`set local enable_seqscan = off`;
      return tx<{ 'QUERY PLAN': string }[]>`
        explain select ctid from messaging_fixture.inbox where processed_at < now() - interval '30 days' limit 5000`;
    });
    // Then it uses inbox_processed_idx
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('inbox_processed_idx');
  });
});

describe('how long the message history is kept', () => {
  it('keeps 30 days unless told, and refuses less than the streams keep plus a day', () => {
    // Given no setting, a setting of 60 days, and settings shorter than the streams' 14 days allow
    // Then the history is 30 days, 60 days, and the short ones are refused naming the variable
    expect(messageHistoryMs({})).toBe(30 * DAY_MS);
    expect(messageHistoryMs({ ONEGO_MESSAGE_HISTORY_DAYS: '60' })).toBe(60 * DAY_MS);
    expect(() => messageHistoryMs({ ONEGO_MESSAGE_HISTORY_DAYS: '14' })).toThrow(
      /ONEGO_MESSAGE_HISTORY_DAYS.*from 15/,
    );
    expect(() => messageHistoryMs({ ONEGO_MESSAGE_HISTORY_DAYS: 'a month' })).toThrow(
      /ONEGO_MESSAGE_HISTORY_DAYS/,
    );
  });
});
