import type { Database } from '@onego/db';
import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { inArray, max } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { timeline } from '../db/schema.ts';

// Live progress for the parent's page (server-sent events): the application's view, sent again
// whenever it changes. Every change to an application writes its timeline in the same
// transaction, so one watcher per process asks, for all open streams at once, whether an
// application's latest timeline row moved (one indexed query per tick, only while streams are
// open). LISTEN/NOTIFY would need the store or a migration to notify; this needs neither.
// Each stream reads the view through GET /api/applications/:id with the caller's own token, so
// who may follow an application, and what they see, is exactly who may read it, and what.

export interface LiveRoutesDeps {
  db: Database;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const TICK_MS = 500;
const KEEP_ALIVE_MS = 15_000;
/** Views carry time-dependent flags (delayed, overdue): re-read now and then without a change. */
const REFRESH_EVERY_KEEP_ALIVES = 4;
const STREAMS_PER_CALLER = 5;
const STREAMS_PER_PROCESS = 2000;

function createChangeWatcher(db: Database, log: { warn(o: object, m: string): void }) {
  const watchers = new Map<string, Set<() => void>>();
  const latest = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  async function tick() {
    const ids = [...watchers.keys()];
    if (ids.length === 0) return;
    const rows = await db
      .select({ id: timeline.applicationId, last: max(timeline.id) })
      .from(timeline)
      .where(inArray(timeline.applicationId, ids))
      .groupBy(timeline.applicationId);
    for (const { id, last } of rows) {
      if (last === null || latest.get(id) === last) continue;
      latest.set(id, last);
      for (const changed of watchers.get(id) ?? []) changed();
    }
  }
  function schedule() {
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) =>
          log.warn({ error: String(error) }, 'live progress: cannot look for changes'),
        )
        .finally(() => {
          if (watchers.size > 0) schedule();
          else timer = undefined;
        });
    }, TICK_MS);
    timer.unref();
  }
  return {
    watch(applicationId: string, changed: () => void) {
      const set = watchers.get(applicationId) ?? new Set();
      set.add(changed);
      watchers.set(applicationId, set);
      if (!timer) schedule();
      return () => {
        set.delete(changed);
        if (set.size > 0) return;
        watchers.delete(applicationId);
        latest.delete(applicationId);
      };
    },
    stop: () => clearTimeout(timer),
  };
}

export function liveRoutes(app: OneGoApp, deps: LiveRoutesDeps) {
  const watcher = createChangeWatcher(deps.db, app.log);
  const open = new Set<() => void>();
  const perCaller = new Map<string, number>();
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });
  app.addHook('onClose', async () => watcher.stop());

  const readView = async (request: FastifyRequest, id: string) =>
    app.inject({
      method: 'GET',
      url: `/api/applications/${id}`,
      headers: { authorization: request.headers.authorization ?? '' },
    });

  app.get(
    '/api/applications/:id/live',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['applications'],
        summary: 'Follow an application live (server-sent events): its view, again whenever it changes',
        description:
          'text/event-stream. `event: application` carries the same JSON as GET /api/applications/{id}; comments keep the connection alive; `event: closed` ends it when the caller may no longer read the application. At most 5 open streams per caller (429).',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const caller = callerOf(request).id;
      const { id } = request.params;
      if ((perCaller.get(caller) ?? 0) >= STREAMS_PER_CALLER)
        throw new HttpError(429, `at most ${STREAMS_PER_CALLER} live views at once: close one first`);
      if (open.size >= STREAMS_PER_PROCESS) throw new HttpError(503, 'too many live views: retry shortly');
      const first = await readView(request, id);
      if (first.statusCode !== 200) {
        const body = first.json() as { error?: string };
        throw new HttpError(first.statusCode, body.error ?? 'refused');
      }

      perCaller.set(caller, (perCaller.get(caller) ?? 0) + 1);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      });
      let sent = '';
      const send = (body: string) => {
        if (body === sent) return;
        sent = body;
        raw.write(`event: application\ndata: ${body}\n\n`);
      };
      raw.write('retry: 3000\n\n');
      send(first.body);

      let reading = false;
      let again = false;
      async function refresh() {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          const view = await readView(request, id);
          if (view.statusCode === 200) send(view.body);
          else if (view.statusCode < 500) {
            raw.write(`event: closed\ndata: ${JSON.stringify({ status: view.statusCode })}\n\n`);
            close();
          }
        } catch (error) {
          request.log.warn({ error: String(error) }, 'live progress: cannot read the view');
        } finally {
          reading = false;
          if (again && !raw.writableEnded) {
            again = false;
            void refresh();
          }
        }
      }
      const unwatch = watcher.watch(id, () => void refresh());
      let beats = 0;
      const keepAlive = setInterval(() => {
        raw.write(': keep-alive\n\n');
        if (++beats % REFRESH_EVERY_KEEP_ALIVES === 0) void refresh();
      }, KEEP_ALIVE_MS);
      function close() {
        if (!open.delete(close)) return;
        clearInterval(keepAlive);
        unwatch();
        const left = (perCaller.get(caller) ?? 1) - 1;
        if (left > 0) perCaller.set(caller, left);
        else perCaller.delete(caller);
        if (!raw.writableEnded) raw.end();
      }
      open.add(close);
      // The response's close: the client went away (or the stream ended). Not the request's,
      // which Node emits as soon as a GET's (empty) body has been read.
      raw.on('close', close);
      raw.on('error', close);
    },
  );
}
