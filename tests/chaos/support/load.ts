import { randomUUID } from 'node:crypto';
import { signInNew } from '../../support/citizens.ts';
import { type Client, canonicalSubmission } from '../../support/client.ts';
import { freshBirthDate } from '../../support/views.ts';
import type { Randomness } from './faults.ts';

// The load: newborn applications submitted through the gateway at a steady rate, each by one
// of a few signed-in parents, whatever happens to the platform meanwhile. Every request's
// outcome is kept (its HTTP status, or 0 when no answer came), and which parent owns each
// accepted application, so its certificates can be fetched and checked later.

export interface RequestRecord {
  startedAt: number;
  endedAt: number;
  /** The HTTP status; 0 when the connection failed or no answer came in time. */
  status: number;
  applicationId?: string;
  error?: string;
}

export interface Citizens {
  clients: Client[];
}

export async function signInCitizens(origin: string, count: number): Promise<Citizens> {
  const clients: Client[] = [];
  const stems = '甲乙丙丁戊己庚辛壬癸';
  for (let i = 0; i < count; i++) clients.push(await signInNew(origin, `测试${stems[i % stems.length]}`));
  return { clients };
}

export function submission() {
  const s = canonicalSubmission();
  freshBirthDate(s, new Date());
  return s;
}

async function submit(origin: string, client: Client, timeoutMs: number): Promise<RequestRecord> {
  const startedAt = Date.now();
  try {
    // fetch itself, not the test client: an answer that is not JSON must still count by its status
    const response = await fetch(new URL('/api/applications', origin), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${client.token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(submission()),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const id = response.status === 202 ? (JSON.parse(text) as { id?: string }).id : undefined;
    return {
      startedAt,
      endedAt: Date.now(),
      status: response.status,
      ...(id ? { applicationId: id } : { error: text.slice(0, 200) }),
    };
  } catch (error) {
    return { startedAt, endedAt: Date.now(), status: 0, error: String(error).slice(0, 200) };
  }
}

export function startLoad(options: {
  origin: string;
  citizens: Citizens;
  ratePerSecond: number;
  random: Randomness;
  timeoutMs?: number;
  maxInFlight?: number;
}) {
  const records: RequestRecord[] = [];
  /** Accepted application → the parent's client. */
  const owners = new Map<string, Client>();
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / options.ratePerSecond;
  const maxInFlight = options.maxInFlight ?? 40;
  let skipped = 0;
  let stopped = false;

  const fire = () => {
    if (inFlight.size >= maxInFlight) {
      skipped += 1;
      return;
    }
    const client = options.random.pick(options.citizens.clients);
    const request = submit(options.origin, client, options.timeoutMs ?? 15_000).then((record) => {
      records.push(record);
      if (record.applicationId) owners.set(record.applicationId, client);
    });
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const startedAt = Date.now();
  const loop = (async () => {
    for (let n = 0; !stopped; n++) {
      const due = startedAt + n * interval;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!stopped) fire();
    }
  })();

  return {
    records,
    owners,
    startedAt,
    skipped: () => skipped,
    /** Stops submitting and waits for the requests in flight. */
    async stop() {
      stopped = true;
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type Load = ReturnType<typeof startLoad>;
