import { writeSync } from 'node:fs';

// Failpoints: named places where the fault-injection suite (tests/chaos) makes a process die
// the hard way (SIGKILL: no handler, no flush, no graceful close) or stall, to show that what was
// committed is neither lost nor applied twice whatever instant a crash hits. Switched on by
// ONEGO_FAILPOINTS, read once at start; unset, `failpoint()` is one comparison and returns.
//
//   ONEGO_FAILPOINTS="relay.before-publish=crash@3,consumer.after-commit-before-ack=delay:6000%0.3"
//     crash        kill -9 this process
//     delay:<ms>   wait that long before going on
//     @<n>         only the n-th time the point is reached
//     %<p>         each time with probability p (seeded by ONEGO_FAILPOINTS_SEED: runs repeat)

export const FAILPOINT_NAMES = [
  /** The outbox relay claimed committed rows and has not published them yet. */
  'relay.before-publish',
  /** JetStream acknowledged the relay's publications; the rows are not marked sent yet. */
  'relay.after-publish-before-mark',
  /** A consumer's inbox row and effect committed; the message is not acknowledged yet. */
  'consumer.after-commit-before-ack',
  /** The adapters' dispatcher got an HTTP department's answer and has not recorded it yet. */
  'dispatcher.after-call-before-record',
  /** Certificates inserted a certificate; its `certificate.issued` is not in the outbox yet (same transaction). */
  'certificates.after-issue-before-outbox',
] as const;
export type FailpointName = (typeof FAILPOINT_NAMES)[number];

export type FailpointAction = { kind: 'crash' } | { kind: 'delay'; ms: number };
export interface FailpointRule {
  action: FailpointAction;
  at?: number;
  probability?: number;
}

const RULE = /^(crash|delay:(\d+))(?:@(\d+))?(?:%(0(?:\.\d+)?|1(?:\.0+)?))?$/;

/** Parses ONEGO_FAILPOINTS; a misspelt name or action is an error, never a silent no-op. */
export function parseFailpoints(text: string): Map<FailpointName, FailpointRule> {
  const rules = new Map<FailpointName, FailpointRule>();
  for (const entry of text
    .split(/[,;]/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [name, spec = ''] = entry.split('=').map((p) => p.trim());
    if (!FAILPOINT_NAMES.includes(name as FailpointName)) {
      throw new Error(`ONEGO_FAILPOINTS: unknown failpoint "${name}" (known: ${FAILPOINT_NAMES.join(', ')})`);
    }
    const match = RULE.exec(spec);
    if (!match) throw new Error(`ONEGO_FAILPOINTS: "${entry}": expected crash|delay:<ms>, then @<n> or %<p>`);
    const [, kind, ms, at, probability] = match;
    rules.set(name as FailpointName, {
      action: kind === 'crash' ? { kind: 'crash' } : { kind: 'delay', ms: Number(ms) },
      ...(at !== undefined && { at: Number(at) }),
      ...(probability !== undefined && { probability: Number(probability) }),
    });
  }
  return rules;
}

/** mulberry32: a small seeded generator, so a probabilistic failpoint fires the same way each run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Failpoints from a specification; `kill` is injectable so the rules can be tested in-process. */
export function createFailpoints(
  text: string | undefined,
  options: { seed?: number; kill?: () => void } = {},
) {
  const rules = text ? parseFailpoints(text) : undefined;
  const hits = new Map<FailpointName, number>();
  const random = seededRandom(options.seed ?? 1);
  const kill = options.kill ?? (() => process.kill(process.pid, 'SIGKILL'));

  return function reach(name: FailpointName): Promise<void> | undefined {
    if (rules === undefined) return undefined;
    const rule = rules.get(name);
    if (!rule) return undefined;
    const hit = (hits.get(name) ?? 0) + 1;
    hits.set(name, hit);
    if (rule.at !== undefined && hit !== rule.at) return undefined;
    if (rule.probability !== undefined && random() >= rule.probability) return undefined;
    // Written synchronously: after SIGKILL nothing buffered would reach the log.
    const line = { level: 50, time: Date.now(), pid: process.pid, failpoint: name, hit, action: rule.action };
    writeSync(2, `${JSON.stringify({ ...line, msg: `failpoint ${name} fired` })}\n`);
    if (rule.action.kind === 'crash') {
      kill();
      return undefined;
    }
    const { ms } = rule.action;
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
}

/** The process's failpoints, from ONEGO_FAILPOINTS (and ONEGO_FAILPOINTS_SEED). */
export const failpoint = createFailpoints(process.env.ONEGO_FAILPOINTS, {
  seed: Number(process.env.ONEGO_FAILPOINTS_SEED ?? 1),
});
