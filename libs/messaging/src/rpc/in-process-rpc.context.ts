import { BaseRpcContext } from '@nestjs/microservices';

/** `[pattern, deadline]` of an in-process request. */
export type InProcessRpcContextArgs = [pattern: string, deadline: number | undefined];

/** What `@Ctx()` gives a handler served by the in-process RPC server. */
export class InProcessRpcContext extends BaseRpcContext<InProcessRpcContextArgs> {
  /** The message pattern the request was sent with. */
  getPattern(): string {
    return this.args[0];
  }

  /** The caller's deadline (ms since the epoch), if it sent one. */
  getDeadline(): number | undefined {
    return this.args[1];
  }
}
