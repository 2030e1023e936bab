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
