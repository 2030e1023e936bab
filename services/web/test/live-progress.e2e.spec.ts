import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNew } from '../../../tests/support/citizens.ts';
import { type Client, canonicalSubmission } from '../../../tests/support/client.ts';
import { startTestPlatform, type TestPlatform } from '../../../tests/support/platform.ts';
import { setBehaviour } from '../../../tests/support/simulators.ts';
import { freshBirthDate } from '../../../tests/support/views.ts';
import { createEventParser } from '../app/api/sse.ts';

// The live progress the parent's page follows (GET /api/applications/:id/live, server-sent
// events through the gateway): the view at once and again on each change, only for those who
// may read the application, at most five streams per caller.

let p: TestPlatform;
let parent: Client;
let id: string;

interface View {
  status: string;
  items: { itemKey: string; status: string }[];
}

async function open(client: Client, applicationId: string) {
  const abort = new AbortController();
  const response = await fetch(`${p.origin}/api/applications/${applicationId}/live`, {
    headers: { authorization: `Bearer ${client.token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const views: View[] = [];
  async function until(done: (v: View) => boolean) {
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    const feed = createEventParser();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) throw new Error('the stream ended');
      for (const event of feed(chunk.value)) {
        if (event.event !== 'application') continue;
        views.push(JSON.parse(event.data));
        if (done(views.at(-1) as View)) return views;
      }
    }
  }
  return { response, views, until, close: () => abort.abort() };
}

beforeAll(async () => {
  p = await startTestPlatform();
  parent = await signInNew(p.origin, '李芳');
  // Public security answers after a while: the flow is still under way when the stream opens.
  await setBehaviour(p.simulatorsUrl, 'public-security', { mode: 'approve', delayMs: 1500 });
  const submission = canonicalSubmission();
  freshBirthDate(submission, new Date());
  const created = await parent.post<{ id: string }>('/api/applications', submission);
  expect(created.status).toBe(202);
  id = created.body.id;
});
afterAll(async () => {
  await p?.stop();
});

describe('live progress of an application', () => {
  it('sends the view at once, then again as departments decide, until it completes', async () => {
    // Given the parent follows the application
    const stream = await open(parent, id);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // When the departments decide, Then each change arrives without asking again
    const views = await stream.until((v) => v.status === 'completed');
    expect(views[0]?.status).toBe('in-progress');
    expect(views.length).toBeGreaterThan(2);
    stream.close();
  });

  it('is refused to anyone who may not read the application, as if it did not exist', async () => {
    const stranger = await signInNew(p.origin, '王五');
    const stream = await open(stranger, id);
    expect(stream.response.status).toBe(404);
  });

  it('allows five streams per caller, and a sixth once one is closed', async () => {
    // Given five open streams
    const streams = await Promise.all([1, 2, 3, 4, 5].map(() => open(parent, id)));
    expect(streams.map((s) => s.response.status)).toEqual([200, 200, 200, 200, 200]);
    // When a sixth is asked for, Then it is refused
    const sixth = await open(parent, id);
    expect(sixth.response.status).toBe(429);
    // And once one is closed, another opens
    streams[0]?.close();
    let again = await open(parent, id);
    for (let tries = 0; again.response.status === 429 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      again = await open(parent, id);
    }
    expect(again.response.status).toBe(200);
    for (const s of [...streams, again]) s.close();
  });
});
