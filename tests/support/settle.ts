import type { Client } from './client.ts';
import type { ApplicationView } from './views.ts';

/** Polls an application until it is no longer in progress (or the time runs out), and returns it. */
export async function untilSettled(client: Client, id: string, timeoutMs = 60_000): Promise<ApplicationView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await client.get<ApplicationView>(`/api/applications/${id}`);
    if (body.status !== 'in-progress' || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls `probe` every 100 ms until it returns something, and returns that; throws, naming `what`, after the time runs out. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
