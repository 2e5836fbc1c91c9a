import type { Logger } from '@nestjs/common';
import type {
  AmqpConnectionManager,
  ChannelWrapper,
  CreateChannelOpts,
} from 'amqp-connection-manager';

/**
 * Gives every channel the connection manager creates an `error` listener. Nest's RMQ server and
 * client create amqp-connection-manager channels without one, and a channel whose setup fails
 * because the broker closed the connection meanwhile ("Channel ended, no reply will be
 * forthcoming") emits `error`: unheard, that event ends the process. The channel reconnects by
 * itself with the connection, so logging it is all there is to do.
 */
export function withChannelErrorsLogged(
  manager: AmqpConnectionManager,
  logger: Logger,
): AmqpConnectionManager {
  const create = manager.createChannel.bind(manager);
  manager.createChannel = (options?: CreateChannelOpts): ChannelWrapper => {
    const channel = create(options);
    channel.on('error', (error: unknown) =>
      logger.warn(
        `RabbitMQ channel error (it reconnects with the connection): ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return channel;
  };
  return manager;
}
