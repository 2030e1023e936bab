import type { Department } from '@onego/contracts';
import { connectNats, type Nats } from '@onego/messaging';
import type { DepartmentSimulatorsConfig } from '../config.ts';

// Each event-native department system is its own NATS client with its own user: it may read
// and consume from its two consumers, ack, and publish its decisions, and nothing else. Replies
// (pull requests' messages, publish acknowledgements) come on its own inbox prefix.

export async function connectSystems(
  config: Pick<DepartmentSimulatorsConfig, 'NATS_URL' | 'DEPARTMENT_NATS_CREDENTIALS'>,
  departments: readonly Department[],
): Promise<Map<Department, Nats>> {
  const systems = new Map<Department, Nats>();
  try {
    for (const department of departments) {
      const credentials = config.DEPARTMENT_NATS_CREDENTIALS[department];
      systems.set(
        department,
        await connectNats({
          url: config.NATS_URL,
          name: `${department}-system`,
          // A department may not read the account's JetStream info.
          checkJetStream: false,
          ...(credentials && {
            user: credentials.user,
            pass: credentials.password,
            inboxPrefix: `_INBOX_${credentials.user}`,
          }),
        }),
      );
    }
  } catch (error) {
    await Promise.all([...systems.values()].map((s) => s.close()));
    throw error;
  }
  return systems;
}
