import {
  DEPARTMENTS,
  type Department,
  departmentContracts,
  departmentDurables,
  type Namespace,
} from '@onego/contracts';
import { type ConsumerSpec, ensureConsumer, type Nats } from '@onego/messaging';

// The durable consumers through which each event-native department system reads its requests
// and cancellations from its own stream. The platform creates them (a department's credentials
// allow it to read and consume from these two and nothing else, never to create one); the names
// are part of the agreement with each department, as are the subjects.

export const departmentConsumerSpecs = (namespace: Namespace, department: Department) => {
  const { request, cancellation } = departmentContracts[department];
  const durables = departmentDurables(department);
  return {
    requests: {
      stream: namespace.streamOf(request),
      durable: durables.requests,
      filterSubject: namespace.filter(request),
    },
    cancellations: {
      stream: namespace.streamOf(cancellation),
      durable: durables.cancellations,
      filterSubject: namespace.filter(cancellation),
    },
  } satisfies Record<string, ConsumerSpec>;
};

export async function provisionDepartmentConsumers(jsm: Nats['jsm'], namespace: Namespace) {
  for (const department of DEPARTMENTS) {
    const specs = departmentConsumerSpecs(namespace, department);
    await ensureConsumer(jsm, specs.requests);
    await ensureConsumer(jsm, specs.cancellations);
  }
}
