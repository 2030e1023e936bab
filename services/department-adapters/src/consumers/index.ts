import { DEPARTMENTS } from '@onego/contracts';
import { cancellationConsumer } from './cancellations.ts';
import { decisionConsumer } from './decisions.ts';
import type { AdapterDeps } from './deps.ts';
import { requestConsumer } from './requests.ts';

export type { AdapterDeps } from './deps.ts';

// One adapter per department, each a set of consumers: canonical requests and cancellations
// out to the department in its vocabulary, and its NATS decisions back as canonical events.
// (An HTTP-style department's decisions come back through the dispatcher instead.)

export const adapterConsumers = (deps: AdapterDeps) =>
  DEPARTMENTS.flatMap((department) => [
    requestConsumer(department, deps),
    decisionConsumer(department, deps),
    cancellationConsumer(department, deps),
  ]);
