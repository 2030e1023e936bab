import { makeCitizenId } from '@onego/codes';
import type { FloodParties } from './flood-oversized.ts';
import { legitimateTraffic } from './legitimate.ts';
import { check, countStatuses, describeCounts, type ScenarioResult, timed } from './scenario.ts';
import { type Answer, createSender, inParallel } from './send.ts';

// One identity (one citizen, from one address) sending as fast as it can: the gateway's
// per-address limit answers 429 beyond its budget, identity's sign-in limit far sooner, and a
// citizen at another address is not affected.

export interface RateLimits {
  /** The gateway's RATE_LIMIT_PER_MINUTE (default 1200). */
  gatewayPerMinute: number;
  /** Identity's sign-in attempts per address and minute (attemptsPerClient, 20). */
  signInPerMinute: number;
}

const namesTheLimit = (answer: Answer) => {
  try {
    return /too many/i.test(String((JSON.parse(answer.body) as { error?: unknown }).error));
  } catch {
    return false;
  }
};

async function flood(
  flood: FloodParties,
  count: number,
  address: string,
  request: (i: number) => { method: string; target: string; body?: Buffer; headers: Record<string, string> },
) {
  const sender = createSender(flood.origin, 16);
  const answers: Answer[] = [];
  await inParallel(
    Array.from({ length: count }, (_, i) => i),
    16,
    async (i) => {
      const { method, ...wire } = request(i);
      answers.push(
        await sender.send(method, { ...wire, headers: { ...wire.headers, 'x-forwarded-for': address } }),
      );
    },
  );
  sender.close();
  return answers;
}

function checksOf(what: string, answers: Answer[], budget: number) {
  const limited = answers.filter((a) => a.status === 429);
  const served = answers.filter((a) => a.status !== 429);
  const failed = answers.filter((a) => a.status >= 500 || a.status <= 0);
  return [
    check(
      `${what}: requests beyond the budget refused with 429`,
      limited.length >= answers.length - budget && served.length <= budget,
      `${served.length} served within a budget of ${budget}, ${limited.length} refused with 429`,
    ),
    check(
      `${what}: every 429 says why`,
      limited.every(namesTheLimit),
      limited[0]?.body.slice(0, 160) ?? 'no 429',
    ),
    check(
      `${what}: no 5xx and no dropped connection`,
      failed.length === 0,
      failed.length ? describeCounts(countStatuses(failed.map((a) => a.status))) : 'none',
    ),
  ];
}

export async function oneIdentityFlood(parties: FloodParties, limits: RateLimits): Promise<ScenarioResult> {
  const legitimate = legitimateTraffic(parties.origin, parties.bystander, '10.255.2.1');
  const { flooder } = parties;
  const auth = { authorization: `Bearer ${flooder.token}` };
  const apiCount = limits.gatewayPerMinute + 150;
  const signInCount = limits.signInPerMinute + 15;
  const [[api, signIn], durationMs] = await timed(async () => {
    const api = await flood(parties, apiCount, '10.252.0.1', (i) => ({
      method: 'GET',
      target: i % 2 ? '/api/bundles' : `/api/applications/${flooder.applicationId}`,
      headers: auth,
    }));
    const signIn = await flood(parties, signInCount, '10.252.0.2', (i) => ({
      method: 'POST',
      target: '/api/identity/login',
      headers: { 'content-type': 'application/json' },
      // A different (unregistered) account each time: the address limit, not the account lockout.
      body: Buffer.from(
        JSON.stringify({
          idNumber: makeCitizenId({ region: '430681', birthDate: '1990-01-01', sex: 'male', sequence: i }),
          password: 'wrong-password',
        }),
      ),
    }));
    return [api, signIn] as const;
  });
  const traffic = await legitimate.stop();
  return {
    name: 'flood: many requests from one identity',
    load: `${apiCount} API reads and ${signInCount} sign-ins from one citizen (one address), 16 at a time; ${traffic.sent} legitimate requests from another citizen alongside`,
    durationMs,
    counts: countStatuses([...api, ...signIn].map((a) => a.status)),
    checks: [
      ...checksOf('API reads', api, limits.gatewayPerMinute),
      ...checksOf('sign-ins', signIn, limits.signInPerMinute),
      check(
        'legitimate traffic keeps succeeding',
        traffic.succeeded === traffic.sent,
        `${traffic.succeeded}/${traffic.sent} succeeded${traffic.failures.length ? `: ${traffic.failures.join('; ')}` : ''}`,
      ),
    ],
  };
}
