import {
  type Department,
  type DepartmentContracts,
  departmentContracts,
  departmentDurables,
  type Namespace,
} from '@onego/contracts';
import { type ConsumerDefinition, TransientError } from '@onego/messaging';
import type { Vault } from '@onego/vault';
import type { AnswerDesk } from '../answers.ts';
import type { Behaviours } from '../domain/behaviour.ts';
import { respond } from '../domain/decide.ts';
import { type SystemRequest, systems } from '../domain/systems.ts';
import { isWithdrawnInBatch, loadWithdrawn, recordReceived, withdraw } from '../records.ts';

// An event-native system takes its requests and cancellations from its own stream, through the
// two durable consumers the platform provisioned for it (`<department>-system` and
// `<department>-system-cancellations`): it records what arrived, decides under its current
// behaviour, and answers through its outbox.

export interface SystemDeps {
  vault: Vault;
  namespace: Namespace;
  behaviours: Behaviours;
  desk: AnswerDesk;
  clock: () => Date;
}

export function requestConsumer<D extends Department>(
  department: D,
  { namespace, behaviours, desk, clock, vault }: SystemDeps,
): ConsumerDefinition<DepartmentContracts[D]['request']> {
  const contract = departmentContracts[department].request;
  return {
    stream: namespace.streamOf(contract),
    durable: departmentDurables(department).requests,
    filterSubject: namespace.filter(contract),
    contracts: [contract],
    // A batch asks which of its cases were withdrawn in one statement.
    prepare: (events, tx) =>
      loadWithdrawn(
        tx,
        department,
        events.map((e) => systems[department].caseRefOf(e.data as SystemRequest<D>)),
      ),
    async handle(event, tx, meta) {
      const now = clock();
      const response = respond(department, event.data as SystemRequest<D>, behaviours.get(department), now);
      // A system that is down receives nothing: the request is redelivered later, with backoff.
      if (response.kind === 'down') throw new TransientError(`the ${department} system is down (simulated)`);
      // The message as received, not a re-serialisation: proof of what the department saw.
      await recordReceived(tx, vault, {
        department,
        transport: 'nats',
        kind: 'request',
        subject: meta.subject,
        caseRef: response.caseRef,
        payload: meta.raw,
        receivedAt: now,
      });
      if (await isWithdrawnInBatch(tx, department, response.caseRef)) return;
      await desk.answer(tx, department, response);
    },
  };
}

export function cancellationConsumer<D extends Department>(
  department: D,
  { namespace, behaviours, clock, vault }: SystemDeps,
): ConsumerDefinition<DepartmentContracts[D]['cancellation']> {
  const contract = departmentContracts[department].cancellation;
  return {
    stream: namespace.streamOf(contract),
    durable: departmentDurables(department).cancellations,
    filterSubject: namespace.filter(contract),
    contracts: [contract],
    async handle(event, tx, meta) {
      if (behaviours.get(department).mode === 'fail') {
        throw new TransientError(`the ${department} system is down (simulated)`);
      }
      const now = clock();
      const cancellation = event.data as { ref: string; reason: string; cancelledAt: string };
      await recordReceived(tx, vault, {
        department,
        transport: 'nats',
        kind: 'cancellation',
        subject: meta.subject,
        caseRef: cancellation.ref,
        payload: meta.raw,
        receivedAt: now,
      });
      await withdraw(tx, department, { ...cancellation, cancelledAt: new Date(cancellation.cancelledAt) });
    },
  };
}
