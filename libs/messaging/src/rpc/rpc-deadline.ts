import { RmqContext } from '@nestjs/microservices';
import { InProcessRpcContext } from './in-process-rpc.context';
import { readDeadlineHeader } from './rpc-protocol';

/**
 * The caller's deadline (ms since the epoch) of the request a handler is answering, from its
 * `@Ctx()` (RabbitMQ or in-process); `undefined` when the request carries none. A long handler may
 * check it before committing, since a reply after the deadline reaches no one.
 */
export function getRpcDeadline(context: unknown): number | undefined {
  if (context instanceof InProcessRpcContext) return context.getDeadline();
  if (context instanceof RmqContext) {
    const message = context.getMessage() as { properties?: { headers?: Record<string, unknown> } };
    return readDeadlineHeader(message.properties?.headers);
  }
  return undefined;
}
