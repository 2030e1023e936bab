import { randomUUID } from 'node:crypto';
import { eventually } from '@onego/testing';
import { signInStaff } from '../../support/identity.ts';
import { result } from '../support/invariants/index.ts';
import { latestEvent, publish } from '../support/messages.ts';
import type { Scenario } from '../support/scenario.ts';

// Poison messages among healthy traffic: not JSON at all; a CloudEvent whose data breaks its
// contract; a valid request the handler refuses (a department asked to sign another's
// certificate); and one that fails on every attempt (an id Postgres cannot store: a NUL
// character). Each must be set aside as a dead letter (the first three at once, the last after
// the configured attempts), be listed to operators through the gateway with its reason, and
// the healthy applications around them must complete as usual (the invariants).

interface Injected {
  what: string;
  schema: 'certificates' | 'applications';
  service: string;
  stream: string;
  seq: number;
  expected: RegExp;
}

export const poison: Scenario = {
  name: 'poison',
  title: 'poison messages set aside as dead letters, visible to operators, healthy traffic unaffected',
  async inject(ctx) {
    const { cp } = ctx;
    const requested = await latestEvent(cp, 'onego.certificate.requested.v1.*');
    const decided = await latestEvent(cp, 'onego.item.decided.v1.*');
    const wrongDepartment = requested.envelope.data.department === 'cdc' ? 'health' : 'cdc';
    const messages = [
      {
        what: 'not JSON',
        subject: 'onego.certificate.requested.v1.health',
        payload: '{"specversion": "1.0", oops',
        schema: 'certificates',
        reason: /^poison$/,
      },
      {
        what: 'breaks the contract',
        subject: 'onego.certificate.requested.v1.health',
        payload: JSON.stringify({
          ...requested.envelope,
          id: randomUUID(),
          data: { applicationId: 'not-a-uuid' },
        }),
        schema: 'certificates',
        reason: /^poison$/,
      },
      {
        what: 'refused by the handler',
        subject: `onego.certificate.requested.v1.${wrongDepartment}`,
        payload: JSON.stringify({
          ...requested.envelope,
          id: randomUUID(),
          data: { ...requested.envelope.data, department: wrongDepartment },
        }),
        schema: 'certificates',
        reason: /^poison$/,
      },
      {
        what: 'fails on every attempt',
        subject: decided.subject,
        payload: JSON.stringify({ ...decided.envelope, id: `poison\u0000${randomUUID()}` }),
        schema: 'applications',
        reason: /^failed \d+ times$/,
      },
    ] as const;
    const injected: Injected[] = [];
    for (const m of messages) {
      await ctx.faults.window(
        { kind: 'poison message', target: m.subject, detail: m.what },
        async () => {
          const at = await publish(cp, m.subject, m.payload);
          const service = m.schema === 'certificates' ? 'certificates' : 'applications';
          injected.push({
            what: m.what,
            schema: m.schema,
            service,
            stream: at.stream,
            seq: at.seq,
            expected: m.reason,
          });
        },
        async () => {},
      );
    }
    // Set aside: each one a dead letter of its service, found by where JetStream stored it.
    const letters = await eventually(
      async () => {
        const found = [];
        for (const i of injected) {
          const [row] = await cp.sql<{ id: number; reason: string; deliveries: number }[]>`
          select id, reason, deliveries from ${cp.sql(i.schema)}.dead_letters where stream = ${i.stream} and stream_seq = ${i.seq}`;
          if (!row) return undefined;
          found.push({ ...i, ...row });
        }
        return found;
      },
      90_000,
      'every poison message to become a dead letter',
    );
    for (const l of letters) ctx.explained.add(`${l.schema}:${l.id}`);
    // Visible to operators, with the reason, through the public origin.
    const { client } = await signInStaff(cp.origin, 'operator.miluo');
    const problems: string[] = [];
    for (const l of letters) {
      const listed = await client.get<{ deadLetters: { id: number; reason: string; error: string }[] }>(
        `/api/operator/dead-letters/${l.service}?limit=200`,
      );
      const view = listed.body.deadLetters?.find((d) => d.id === Number(l.id));
      if (!view)
        problems.push(
          `${l.what}: not listed to operators (${listed.status}; listed ${JSON.stringify(listed.body).slice(0, 300)})`,
        );
      else if (!l.expected.test(view.reason)) problems.push(`${l.what}: reason "${view.reason}"`);
    }
    ctx.notes.push(
      ...letters.map(
        (l) => `${l.what}: ${l.schema} dead letter ${l.id}, "${l.reason}" after ${l.deliveries} deliveries`,
      ),
    );
    ctx.checks.push(
      result(
        'poison-set-aside',
        'every poison message became a dead letter (after the configured attempts when it fails each time), listed to operators with its reason',
        {
          injected: injected.length,
          deadLetters: letters.length,
          maxDeliveries: Math.max(...letters.map((l) => l.deliveries)),
        },
        problems,
        problems.length === 0 && letters.length === injected.length,
      ),
    );
  },
};
