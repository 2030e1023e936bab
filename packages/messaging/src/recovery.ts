import type { JetStreamManager } from '@nats-io/jetstream';
import type { StreamSpec } from '@onego/contracts';
import type postgres from 'postgres';
import type { Logger } from './logger.ts';

// Postgres is the system of record; JetStream only carries events. If a stream was created
// after the service last saw it (its store wiped, the stream deleted), the events the outbox had
// sent into the one it replaced went with it: they are marked unsent again and the relay sends
// them with their original ids, so a consumer that had applied one recognises it in its inbox.
// Checked at each start, before the relay runs; `outbox_streams` keeps each stream's creation as
// last seen. Events written longer before the new stream than the streams keep a message would
// have expired from the old one anyway and are left alone.

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
    const created = info.created;
    const updated = await sql.begin(async (tx) => {
      // Locked: of replicas starting together, one marks a recreated stream's events.
      const [seen] = await tx<{ same: boolean }[]>`
        select created_at = ${created}::timestamptz as same from ${tx(schema)}.outbox_streams
        where stream = ${spec.name} for update`;
      if (seen?.same) return { count: 0 };
      // Events are published within moments of being written: those written before the stream
      // was created and no longer unsent went into its predecessor. (A stream not seen before
      // is checked the same way: in a new database nothing was written before it.) One written
      // just before and sent just after it goes again, which JetStream and the inboxes absorb.
      const marked = await tx`
        insert into ${tx(schema)}.outbox_unsent (id, last_error)
        select o.id, ${`stream ${spec.name} was recreated at ${created}; re-publishing`}
        from ${tx(schema)}.outbox o
        where o.created_at < ${created}::timestamptz
          and o.created_at >= ${created}::timestamptz - ${`${Math.round(retentionMs)} milliseconds`}::interval
          and o.subject ~ ${subjectsPattern(spec.subjects)}
        on conflict (id) do nothing`;
      await tx`
        insert into ${tx(schema)}.outbox_streams (stream, created_at, republished)
        values (${spec.name}, ${created}::timestamptz, ${marked.count})
        on conflict (stream) do update set created_at = excluded.created_at, republished = excluded.republished`;
      return marked;
    });
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
