import type { MicroserviceOptions } from '@nestjs/microservices';
import { InProcessRpcServer } from './in-process-rpc.server';
import type { RpcServerConfig } from './rpc-config';
import { DEFAULT_RPC_PREFETCH, RPC_QUEUE_OPTIONS, rpcQueueName } from './rpc-protocol';
import { RmqRpcServer } from './rmq-rpc.server';

/**
 * The microservice options of a service's RPC server, for
 * `app.connectMicroservice(rpcServerOptions(config), { inheritAppConfig: true })` or
 * `NestFactory.createMicroservice(module, rpcServerOptions(config))`. The service's
 * `@MessagePattern('<service>.<command>')` handlers answer.
 *
 * RabbitMQ: an {@link RmqRpcServer} consuming the durable quorum queue `<prefix>.<service>.rpc`
 * (declared with {@link RPC_QUEUE_OPTIONS}), manual acknowledgement, `prefetch` requests at once.
 * In-process: an {@link InProcessRpcServer} registered for `service` with the broker.
 */
export function rpcServerOptions(config: RpcServerConfig): MicroserviceOptions {
  const prefetch = config.prefetch ?? DEFAULT_RPC_PREFETCH;
  if (!Number.isInteger(prefetch) || prefetch < 1) {
    throw new RangeError(`prefetch must be a positive integer, got ${prefetch}`);
  }
  switch (config.kind) {
    case 'rmq':
      return {
        strategy: new RmqRpcServer({
          urls: [config.url],
          queue: rpcQueueName(config.prefix, config.service),
          queueOptions: { ...RPC_QUEUE_OPTIONS },
          noAck: false,
          prefetchCount: prefetch,
          isGlobalPrefetchCount: false,
          socketOptions: {
            heartbeatIntervalInSeconds: 10,
            reconnectTimeInSeconds: 1,
            connectionOptions: {
              clientProperties: { connection_name: `${config.service}:rpc-server` },
            },
          },
        }),
      };
    case 'in-process':
      return {
        strategy: new InProcessRpcServer({
          broker: config.broker,
          service: config.service,
          prefetch,
        }),
      };
  }
}
