import type { Namespace } from '@onego/contracts';
import { PoisonMessageError } from '@onego/messaging';
import type { DecisionDeps } from '../decisions.ts';
import { UntranslatableError } from '../domain/errors.ts';
import type { TransportMap } from '../domain/transport.ts';

export interface AdapterDeps extends DecisionDeps {
  namespace: Namespace;
  transport: TransportMap;
  /** Calls to HTTP departments were committed: the dispatcher should look at once. */
  dispatched?: () => void;
}

/** A translation that can never succeed is poison: retrying would give the same answer. */
export function translated<T>(translate: () => T): T {
  try {
    return translate();
  } catch (error) {
    if (error instanceof UntranslatableError) throw new PoisonMessageError(error.message);
    throw error;
  }
}
