import { randomUUID } from 'node:crypto';
import { randomCitizenId } from '../support/citizens.ts';
import { canonicalSubmission, signIn } from '../support/client.ts';
import { freshBirthDate } from '../support/views.ts';
import type { LoadCommand, LoadReply, Submission } from './load-protocol.ts';
import { sendSchedule } from './stats.ts';

// The load process (forked by bench.ts, so its CPU is its own and the bench's bookkeeping does
// not delay a send): signs in a pool of parents through the public API, then submits the
// canonical single-child newborn form on the schedule it is given, through the gateway, exactly
// as the parents' browsers would. Each answer's status and times go back to the bench.

interface Citizen {
  idNumber: string;
  name: string;
  phone: string;
  password: string;
  token: string;
  signedInAt: number;
}

const send = (reply: LoadReply) => process.send?.(reply);

let origin = '';
let body = '';
let citizens: Citizen[] = [];
let turn = 0;

/** Tokens last at most an hour (identity's ceiling): sign in again well before that. */
const REFRESH_AFTER_MS = 40 * 60_000;

async function signInCitizen(c: Omit<Citizen, 'token' | 'signedInAt'>): Promise<Citizen> {
  const client = await signIn(origin, c);
  return { ...c, token: client.token as string, signedInAt: Date.now() };
}

/** A new parent; in the unlikely case the random ID number is taken, another one. */
async function signUpCitizen(c: Omit<Citizen, 'token' | 'signedInAt'>): Promise<Citizen> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signInCitizen(attempt === 1 ? c : { ...c, idNumber: randomCitizenId() });
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

async function prepare(command: Extract<LoadCommand, { type: 'prepare' }>) {
  origin = command.origin;
  const submission = canonicalSubmission();
  // The example's birth date ages; a birth more than a month ago would make the application late.
  freshBirthDate(submission, new Date());
  body = JSON.stringify(submission);
  const started = Date.now();
  const wanted = Array.from({ length: command.citizens }, (_, i) => ({
    idNumber: randomCitizenId(),
    name: `压测${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`,
    phone: '13900000000',
    password: 'a-long-bench-password',
  }));
  // A few at a time: sign-up hashes the password, which is meant to be slow.
  citizens = [];
  for (let i = 0; i < wanted.length; i += 4) {
    citizens.push(...(await Promise.all(wanted.slice(i, i + 4).map(signUpCitizen))));
  }
  send({ type: 'ready', citizens: citizens.length, signInMs: Date.now() - started });
}

function refreshTokens() {
  const stale = citizens.filter((c) => Date.now() - c.signedInAt > REFRESH_AFTER_MS);
  for (const c of stale) {
    c.signedInAt = Date.now();
    void signInCitizen(c).then(
      (fresh) => Object.assign(c, fresh),
      () => {
        c.signedInAt = 0; // try again on the next tick
      },
    );
  }
}

async function submit(dueAt: number, timeoutMs: number): Promise<Submission> {
  const citizen = citizens[turn++ % citizens.length] as Citizen;
  const sentAt = Date.now();
  try {
    const response = await fetch(new URL('/api/applications', origin), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${citizen.token}`,
        'idempotency-key': randomUUID(),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const answeredAt = Date.now();
    if (response.status === 202) {
      const { id } = JSON.parse(text) as { id: string };
      return { dueAt, sentAt, answeredAt, status: 202, id };
    }
    return { dueAt, sentAt, answeredAt, status: response.status, error: text.slice(0, 200) };
  } catch (error) {
    return { dueAt, sentAt, answeredAt: Date.now(), status: 0, error: String(error).slice(0, 200) };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends on the schedule whatever the answers: requests due while the process was busy go at once. */
async function openLoop(command: Extract<LoadCommand, { type: 'open-loop' }>) {
  const schedule = sendSchedule(command.rate, command.durationS);
  const submissions: Submission[] = [];
  const inFlight = new Set<Promise<void>>();
  let skipped = 0;
  let maxInFlight = 0;
  let maxLagMs = 0;
  const startedAt = Date.now() + 20;
  const refresher = setInterval(refreshTokens, 10_000);
  let i = 0;
  while (i < schedule.length) {
    const now = Date.now();
    while (i < schedule.length && startedAt + (schedule[i] as number) <= now) {
      const dueAt = startedAt + (schedule[i] as number);
      maxLagMs = Math.max(maxLagMs, now - dueAt);
      i += 1;
      if (inFlight.size >= command.maxInFlight) {
        skipped += 1;
        continue;
      }
      const request: Promise<void> = submit(dueAt, command.timeoutMs).then((s) => {
        submissions.push(s);
        inFlight.delete(request);
      });
      inFlight.add(request);
      maxInFlight = Math.max(maxInFlight, inFlight.size);
    }
    if (i < schedule.length) await sleep(Math.max(0, startedAt + (schedule[i] as number) - Date.now()));
  }
  const endedAt = Date.now();
  await Promise.all([...inFlight]);
  clearInterval(refresher);
  send({ type: 'done', startedAt, endedAt, submissions, skipped, maxInFlight, maxLagMs });
}

/** `concurrency` submitters, each sending its next form as soon as the last was answered. */
async function closedLoop(command: Extract<LoadCommand, { type: 'closed-loop' }>) {
  const submissions: Submission[] = [];
  const startedAt = Date.now();
  const until = startedAt + command.durationS * 1000;
  await Promise.all(
    Array.from({ length: command.concurrency }, async () => {
      while (Date.now() < until) submissions.push(await submit(Date.now(), command.timeoutMs));
    }),
  );
  const endedAt = Date.now();
  send({
    type: 'done',
    startedAt,
    endedAt,
    submissions,
    skipped: 0,
    maxInFlight: command.concurrency,
    maxLagMs: 0,
  });
}

process.on('message', (command: LoadCommand) => {
  const run = async () => {
    if (command.type === 'prepare') await prepare(command);
    else if (command.type === 'open-loop') await openLoop(command);
    else if (command.type === 'closed-loop') await closedLoop(command);
    else process.exit(0);
  };
  run().catch((error: unknown) => send({ type: 'failed', error: String(error) }));
});
process.on('disconnect', () => process.exit(0));
