import { connectNats } from '@onego/messaging';
import { inboxPrefixOf, type NatsUser, PLATFORM_SERVICES } from './config.ts';

/** Connects as one of the configuration's users, the way that user's software does. */
export const connectAs = (url: string, user: NatsUser, password: string) =>
  connectNats({
    url,
    name: `${user}-client`,
    user,
    pass: password,
    inboxPrefix: inboxPrefixOf(user),
    // Only the platform's services may read the account's JetStream information.
    checkJetStream: (PLATFORM_SERVICES as readonly string[]).includes(user),
  });
