import type { IntegrationEvent } from '@ttkt/contracts';
import { VersionConflict } from '@ttkt/event-store';
import type { Pool, PoolClient } from 'pg';
import { setTimeout as pause } from 'node:timers/promises';
import {
  PermanentError,
  type EventTransport,
  type InboundMessage,
  type MessagingLogger,
  type Subscription,
} from '../transport';
import { topicMatches } from '../transport/topic-matcher';
import { errorMessage, SILENT_LOGGER } from '../transport/transport-headers';
import { parseIntegrationEvent } from './integration-event-validation';

/**
 * The inbox the consumer deduplicates with: `Inbox` of `@ttkt/event-store` (its `inbox` table is
 * created by `migrateEventStore`) fits it.
 */
export interface IntegrationInbox {
  /** Records `messageId` for `consumer` in the caller's transaction; false when it was already there. */
  claim(client: PoolClient, consumer: string, messageId: string): Promise<boolean>;
}

/** Handles one integration event inside the consumer's transaction (`client`); throw to roll back and retry. */
export type IntegrationEventHandler = (
  event: IntegrationEvent,
  client: PoolClient,
) => Promise<void>;

/** Options of {@link startIntegrationConsumer}. */
export interface IntegrationConsumerOptions {
  /** The transport to subscribe on (RabbitMQ or in-process). */
  transport: EventTransport;
  /** The consuming service: names its queue and is the inbox's consumer name. */
  service: string;
  /** Binding patterns of the service's queue. */
  routingKeys: string[];
  /** The service's pool; each message gets one client for its transaction. */
  pool: Pool;
  /** Where handled message ids are recorded (in the message's transaction). */
  inbox: IntegrationInbox;
  /**
   * Handlers by routing key. A key may be a pattern (`campaign.#`); an exact key wins over patterns,
   * then the first matching pattern in insertion order. An event no handler takes is dead-lettered.
   */
  handlers: Record<string, IntegrationEventHandler>;
  /** Messages handled at once (default: the transport's, 20). */
  prefetch?: number;
  /**
   * Attempts of a message whose transaction lost a race on a stream's version (`VersionConflict`),
   * each a fresh transaction after a short random pause, before it goes to the retry tiers
   * (default 10).
   */
  conflictAttempts?: number;
  /** Reports duplicates (debug) and failed rollbacks; silent by default. */
  logger?: MessagingLogger;
}

/**
 * Consumes a service's integration events exactly-once in effect: each message is parsed and
 * validated (envelope and registered payload; invalid → `PermanentError` → dead letter at once),
 * then in ONE PostgreSQL transaction the message id is claimed in the inbox — a duplicate commits
 * and returns, so it is acknowledged without effect — and the handler runs with the transaction's
 * client; COMMIT, then the transport acknowledges. A lost race on a stream's version
 * (`VersionConflict`) is retried at once in a fresh transaction, a few times; any other handler
 * error rolls everything back and is rethrown, so the message goes through the retry tiers.
 */
export async function startIntegrationConsumer(
  options: IntegrationConsumerOptions,
): Promise<Subscription> {
  const logger = options.logger ?? SILENT_LOGGER;
  const conflictAttempts = options.conflictAttempts ?? 10;
  const { service, pool, inbox, handlers } = options;
  const handle = async (message: InboundMessage): Promise<void> => {
    const event = await parseIntegrationEvent(message.body, message);
    if (handlerFor(handlers, event.type) === undefined)
      throw new PermanentError(`${service} has no handler for ${event.type}`);
    const messageId = message.messageId === '' ? event.id : message.messageId;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handleOnce(event, messageId, message.redelivered);
        return;
      } catch (error) {
        // Consumers writing to one hot stream (a register's year) collide on its version, and
        // inside one transaction a conflict cannot be retried (the xid is taken). A fresh
        // transaction at once is the cheap retry; the slow retry tiers are for real failures.
        if (!(error instanceof VersionConflict) || attempt >= conflictAttempts) throw error;
        await pause(Math.random() * CONFLICT_JITTER_MS * attempt);
      }
    }
  };
  const handleOnce = async (
    event: IntegrationEvent,
    messageId: string,
    redelivered: boolean,
  ): Promise<void> => {
    const handler = handlerFor(handlers, event.type);
    if (handler === undefined)
      throw new PermanentError(`${service} has no handler for ${event.type}`);
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        if (!(await inbox.claim(client, service, messageId))) {
          await client.query('COMMIT');
          logger.debug?.('duplicate message ignored', {
            service,
            messageId,
            type: event.type,
            redelivered,
          });
          return;
        }
        await handler(event, client);
        await client.query('COMMIT');
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(errorMessage(rollbackError));
          logger.warn('rollback failed; discarding the database connection', {
            service,
            messageId,
            error: errorMessage(rollbackError),
          });
        }
        throw error;
      }
    } finally {
      client.release(broken);
    }
  };
  const subscribeOptions = {
    service,
    routingKeys: options.routingKeys,
    handler: handle,
    ...(options.prefetch === undefined ? {} : { prefetch: options.prefetch }),
  };
  return options.transport.subscribe(subscribeOptions);
}

/** Upper bound of the pause before a conflict retry, multiplied by the attempt number. */
const CONFLICT_JITTER_MS = 15;

function handlerFor(
  handlers: Record<string, IntegrationEventHandler>,
  type: string,
): IntegrationEventHandler | undefined {
  const exact = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  if (exact !== undefined) return exact;
  const pattern = Object.keys(handlers).find(
    (key) => (key.includes('*') || key.includes('#')) && topicMatches(key, type),
  );
  return pattern === undefined ? undefined : handlers[pattern];
}
