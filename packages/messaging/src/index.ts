// @onego/messaging: JetStream set-up, the transactional outbox and its relay, and idempotent
// consumers with dead letters, carrying W3C trace context in NATS headers.

export {
  type ConsumerDefinition,
  type ConsumerDeps,
  deadLetterAad,
  type EventUnion,
  type MessageMeta,
  startConsumer,
} from './consumer.ts';
export { type DeadLetterDeps, listDeadLetters, replayDeadLetter } from './dead-letters.ts';
export { PoisonMessageError, TransientError } from './errors.ts';
export { createEvent, type EventOptions } from './events.ts';
export {
  createFailpoints,
  FAILPOINT_NAMES,
  type FailpointName,
  failpoint,
  parseFailpoints,
  seededRandom,
} from './failpoints.ts';
export { backoffMs, createWaker, type Logger, silentLogger, sleep } from './logger.ts';
export { observeMessaging } from './metrics.ts';
export {
  type ConsumerSpec,
  connectNats,
  defaultAckWaitMs,
  ensureConsumer,
  ensureStreams,
  type Nats,
  type NatsOptions,
  STREAM_MAX_AGE_DAYS,
} from './nats.ts';
export {
  type CommittedEvent,
  createOutbox,
  type Outbox,
  type OutboxPublisher,
  outboxAad,
} from './outbox.ts';
export { publishEvent, publishTraced } from './publish.ts';
export {
  createOutboxPublisher,
  createPublisher,
  type Publisher,
  type PublisherOptions,
} from './publisher.ts';
export { type LostEvents, republishLostEvents, subjectsPattern } from './recovery.ts';
export { type Relay, type RelayOptions, startOutboxRelay } from './relay.ts';
export {
  messageHistoryMs,
  type Pruned,
  pruneMessages,
  type RetentionOptions,
  startMessageRetention,
} from './retention.ts';
export { openServiceRuntime, type ServiceRuntime, type ServiceRuntimeOptions } from './runtime.ts';
export { createSlots, type Slots } from './slots.ts';
export { type MessagingTables, messagingTables } from './tables.ts';
export { activeContext, contextFromHeaders, currentTraceHeaders, messagingSpan } from './trace.ts';
