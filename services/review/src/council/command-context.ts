import type { CommandContext } from '@ttkt/contracts';
import type { AppendMetadata } from '@ttkt/event-store';
import { answer, validateCommand } from '@ttkt/messaging';

/** Who did it, as recorded in the council's and sessions' events. */
export interface RecordedActor {
  kind: string;
  id: string;
}

/** The metadata of a command sent over RPC (never its payload: a vote's choice stays out). */
export function metadataOf(context: CommandContext): AppendMetadata {
  return {
    actor: { kind: context.actor.kind, id: context.actor.id },
    correlationId: context.correlationId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}

/** The command's actor as the deciders record it. */
export function actorOf(context: CommandContext): RecordedActor {
  return { kind: context.actor.kind, id: context.actor.id };
}

/**
 * The body of every council and session RPC entry: validates the payload (a malformed one is
 * refused `validation-failed` before anything runs), then runs it and answers, domain errors
 * travelling as their codes. Nothing of the payload is logged.
 */
export function runRpc<Message extends object, Result>(
  type: new () => Message,
  payload: unknown,
  run: (message: Message) => Promise<Result>,
): Promise<Result> {
  const message = validateCommand(type, payload);
  return answer(() => run(message));
}
