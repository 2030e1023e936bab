import { type Department, type DepartmentContracts, departmentContracts } from '@onego/contracts';
import { type ConsumerDefinition, PoisonMessageError } from '@onego/messaging';
import { applyDecision, lockExchanges } from '../decisions.ts';
import type { DepartmentDecision } from '../domain/translator.ts';
import { translateDecision } from '../domain/translators.ts';
import { type AdapterDeps, translated } from './deps.ts';

// An event-native department's decisions, from its own stream. The consumer has already
// checked each against the department's decision schema: one that fails it is a dead letter
// and never reaches this handler.

export function decisionConsumer<D extends Department>(
  department: D,
  deps: AdapterDeps,
): ConsumerDefinition<DepartmentContracts[D]['decision']> {
  const contract = departmentContracts[department].decision;
  return {
    stream: deps.namespace.streamOf(contract),
    durable: `adapter-${department}-decisions`,
    filterSubject: deps.namespace.filter(contract),
    contracts: [contract],
    // A batch locks the exchanges its decisions answer in one statement.
    prepare: (events, tx) =>
      lockExchanges(
        tx,
        events.flatMap((e) => {
          try {
            return [translateDecision(department, e.data as DepartmentDecision<D>).caseRef];
          } catch {
            return []; // untranslatable: the handler sets it aside
          }
        }),
      ),
    async handle(event, tx) {
      const decision = translated(() => translateDecision(department, event.data as DepartmentDecision<D>));
      const result = await applyDecision(tx, deps, department, decision);
      if ('refused' in result) throw new PoisonMessageError(result.refused);
    },
  };
}
