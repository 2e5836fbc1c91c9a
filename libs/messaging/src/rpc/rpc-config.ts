import type { InProcessRpcBroker } from './in-process-rpc.broker';

/** Where a service's RPC server listens: RabbitMQ (distributed mode) or the in-process broker (all-in-one). */
export type RpcServerConfig =
  | {
      kind: 'rmq';
      /** The broker, e.g. `amqp://user:pass@rabbitmq:5672/ttkt`. */
      url: string;
      /** The deployment's queue-name prefix (queue `<prefix>.<service>.rpc`). */
      prefix: string;
      /** The answering service. */
      service: string;
      /** Requests one instance works on at once (default {@link DEFAULT_RPC_PREFETCH}). */
      prefetch?: number;
    }
  | {
      kind: 'in-process';
      /** The broker shared by every service in the process. */
      broker: InProcessRpcBroker;
      /** The answering service. */
      service: string;
      /** Requests one server works on at once (default {@link DEFAULT_RPC_PREFETCH}). */
      prefetch?: number;
    };

/** Where a {@link CommandSender} sends: RabbitMQ or the in-process broker. */
export type RpcClientConfig =
  | {
      kind: 'rmq';
      /** The broker, e.g. `amqp://user:pass@rabbitmq:5672/ttkt`. */
      url: string;
      /** The deployment's queue-name prefix, the same as the servers'. */
      prefix: string;
    }
  | {
      kind: 'in-process';
      /** The broker shared by every service in the process. */
      broker: InProcessRpcBroker;
    };
