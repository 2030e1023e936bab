import { authorisedFetch } from './client.ts';
import { createEventParser } from './sse.ts';
import type { ApplicationView } from './types.ts';

// Follows an application: its view now and whenever it changes (GET /api/applications/:id/live).
// A dropped connection is retried with backoff; a refusal (no longer allowed) ends it.

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export function followApplication(
  id: string,
  onView: (view: ApplicationView) => void,
  onState: (state: LiveState) => void,
): () => void {
  const stop = new AbortController();
  let delay = 1000;
  async function connect(): Promise<'retry' | 'end'> {
    const response = await authorisedFetch(`/api/applications/${id}/live`, {
      headers: { accept: 'text/event-stream' },
      signal: stop.signal,
    });
    if (response.status === 401 || response.status === 403 || response.status === 404) return 'end';
    if (!response.ok || !response.body) return 'retry';
    onState('live');
    delay = 1000;
    const feed = createEventParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'retry';
      for (const event of feed(value)) {
        if (event.event === 'application') onView(JSON.parse(event.data) as ApplicationView);
        if (event.event === 'closed') return 'end';
      }
    }
  }
  async function run() {
    onState('connecting');
    while (!stop.signal.aborted) {
      const outcome = await connect().catch(() => 'retry' as const);
      if (outcome === 'end' || stop.signal.aborted) break;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15_000);
    }
    onState('closed');
  }
  void run();
  return () => stop.abort();
}
