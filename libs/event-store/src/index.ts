/**
 * `@ttkt/event-store`: a service's PostgreSQL event store — optimistic appends, stream reads, a
 * gap-free read of the whole log, log followers with checkpoints, inbox and idempotency keys.
 * See README.md for the guarantees and the xid horizon.
 */
export * from './types';
export { type Clock, systemClock } from './clock';
export { type EventStoreLogger, stderrLogger } from './logger';
export { assertSchemaName, notifyChannel } from './schema-name';
export { migrateEventStore, type MigrateEventStoreOptions } from './migrate-event-store';
export { eventStoreMigrations } from './migrations/event-store.migrations';
export { CreateEventStore1764100000000 } from './migrations/1764100000000-create-event-store.migration';
export { Inbox } from './inbox';
export {
  IdempotencyKeys,
  fingerprintOf,
  type IdempotencyClaim,
  type IdempotencyKeysOptions,
} from './idempotency';
export {
  VersionConflict,
  DuplicateEventId,
  type VersionConflictReason,
} from './version-conflict.error';
export { UpcasterRegistry, type UpcastStep, type Upcasted } from './upcaster-registry';
export {
  EventStore,
  streamTypeOf,
  type EventStoreOptions,
  type AppendOptions,
  type ReadStreamOptions,
  type ReadAllOptions,
  type ReadAllBackwardOptions,
} from './event-store';
export { LogFollower, type FollowOptions } from './log-follower';
export {
  compareLogPositions,
  hasReached,
  logPositionToToken,
  logPositionFromToken,
} from './log-position';
export { type Decider, type DecidedEvent, fold } from './decider';
export {
  handleCommand,
  type CommandStore,
  type HandleCommandOptions,
  type HandledCommand,
} from './handle-command';
