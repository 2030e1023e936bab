import { certificateIssued, itemDecided, type MaterialCode, type Namespace } from '@onego/contracts';
import type { Transaction } from '@onego/db';
import type { ConsumerDefinition } from '@onego/messaging';
import type { Bundle } from './catalogue/types.ts';
import { applyCertificateIssued, applyDecision } from './domain/decisions.ts';
import { addWorkingDays, chinaDate, type HolidayCalendar } from './domain/working-days.ts';
import type { ApplicationStore } from './store.ts';

// Orchestration driven by the departments' decisions and the certificates issued. Each runs in
// the consumer's transaction, with the application row locked so concurrent decisions for one
// application are applied one after another.

export interface OrchestrationDeps {
  store: ApplicationStore;
  namespace: Namespace;
  bundle: Bundle;
  calendar: HolidayCalendar;
  clock: () => Date;
}

/** The last day to supply materials a department asked for: the longest of their deadlines. */
export function materialsDueDate(
  deps: Pick<OrchestrationDeps, 'bundle' | 'calendar'>,
  codes: MaterialCode[],
  now: Date,
) {
  const days = Math.max(
    1,
    ...codes.map((c) => deps.bundle.materials.find((m) => m.code === c)?.deadlineWorkingDays ?? 5),
  );
  return addWorkingDays(chinaDate(now), days, deps.calendar);
}

export function orchestrationConsumers(deps: OrchestrationDeps) {
  const { store, namespace, bundle, clock } = deps;
  /** A batch locks the applications it is about in one go, in id order. */
  const lockApplications = (events: { data: { applicationId: string } }[], tx: Transaction) =>
    store.lockAll(
      tx,
      events.map((e) => e.data.applicationId),
    );
  const decisions: ConsumerDefinition<typeof itemDecided> = {
    stream: namespace.streamOf(itemDecided),
    durable: 'applications-item-decided',
    filterSubject: namespace.filter(itemDecided),
    contracts: [itemDecided],
    prepare: lockApplications,
    async handle(event, tx) {
      const { applicationId, itemId, decision, attempt } = event.data;
      const locked = await store.lock(tx, applicationId);
      if (!locked || locked.withdrawn) return;
      const now = clock();
      const codes = decision.outcome === 'materials-required' ? decision.materials.map((m) => m.code) : [];
      const transition = applyDecision(
        locked.states,
        itemId,
        attempt ?? 1,
        decision,
        materialsDueDate(deps, codes, now),
      );
      if (!transition) return;
      if (decision.outcome === 'rejected') {
        await store.patchItem(tx, applicationId, itemId, { reason: decision.reason });
      }
      // The rejection names its item and attempt, so each earlier attempt keeps its own reason.
      const rejected = locked.states.find((s) => s.id === itemId);
      const details =
        decision.outcome === 'rejected' && rejected
          ? [
              {
                kind: 'decision.rejected',
                item: {
                  id: itemId,
                  itemKey: rejected.itemKey,
                  childIndex: rejected.childIndex,
                  attempt: attempt ?? 1,
                },
                details: { reason: decision.reason.code },
              },
            ]
          : [];
      await store.persist(tx, locked.app, transition, now, `department:${event.data.department}`, details);
    },
  };

  const certificates: ConsumerDefinition<typeof certificateIssued> = {
    stream: namespace.streamOf(certificateIssued),
    durable: 'applications-certificate-issued',
    filterSubject: namespace.filter(certificateIssued),
    contracts: [certificateIssued],
    prepare: lockApplications,
    async handle(event, tx) {
      const { applicationId, itemId, itemKey, certificateId } = event.data;
      const locked = await store.lock(tx, applicationId);
      if (!locked) return;
      await store.patchItem(tx, applicationId, itemId, { certificateId });
      const revoke = bundle.items.find((i) => i.key === itemKey)?.onWithdrawal === 'revoke';
      const transition = applyCertificateIssued(locked.states, itemId, locked.withdrawn, revoke);
      if (transition) {
        const issued = { kind: 'certificate.issued', details: { certificateId } };
        await store.persist(tx, locked.app, transition, clock(), 'system:certificates', [issued]);
      }
    },
  };

  return [decisions, certificates];
}
