import type { JetStreamManager } from '@nats-io/jetstream';
import type { StreamSpec } from '@onego/contracts';
import type postgres from 'postgres';
import type { Logger } from './logger.ts';

// Postgres is the system of record; JetStream only carries events. If a stream is younger than
// events the outbox marked as published into it, those events went with the stream it replaced
// (its store wiped, the stream deleted): they are marked unpublished again and the relay sends
// them with their original ids, so a consumer that had applied one recognises it in its inbox.
// Checked at each start, before the relay runs. Events older than the stream's retention would
// have expired from the old stream anyway and are left alone.

const escapeToken = (token: string) => token.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/** A POSIX regular expression matching exactly the subjects NATS would put in the stream. */
export function subjectsPattern(subjects: readonly string[]) {
  const one = (subject: string) =>
    subject
      .split('.')
      .map((token) => (token === '*' ? '[^.]+' : token === '>' ? '.+' : escapeToken(token)))
      .join('\\.');
  return `^(${subjects.map(one).join('|')})$`;
}

export interface LostEvents {
  stream: string;
  createdAt: Date;
  republished: number;
}

export async function republishLostEvents(options: {
  sql: postgres.Sql;
  schema: string;
  jsm: JetStreamManager;
  streams: readonly StreamSpec[];
  logger: Logger;
}): Promise<LostEvents[]> {
  const { sql, schema, logger } = options;
  const found: LostEvents[] = [];
  for (const spec of options.streams) {
    const info = await options.jsm.streams.info(spec.name);
    const createdAt = new Date(info.created);
    const retentionMs = info.config.max_age > 0 ? info.config.max_age / 1_000_000 : 366 * 24 * 3600_000;
    const updated = await sql`
      update ${sql(schema)}.outbox
      set published_at = null,
          last_error = ${`stream ${spec.name} was recreated at ${info.created}; re-publishing`}
      where published_at < ${info.created}::timestamptz
        and published_at >= ${info.created}::timestamptz - ${`${Math.round(retentionMs)} milliseconds`}::interval
        and subject ~ ${subjectsPattern(spec.subjects)}`;
    if (updated.count > 0) {
      found.push({ stream: spec.name, createdAt, republished: updated.count });
      logger.warn(
        { schema, stream: spec.name, createdAt: createdAt.toISOString(), republished: updated.count },
        'stream is younger than events published to it (store lost?): re-publishing them from the outbox',
      );
    }
  }
  return found;
}
