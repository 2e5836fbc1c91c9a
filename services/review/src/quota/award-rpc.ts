import type { CommandContext } from '@ttkt/contracts';
import type { AppendMetadata, LogPosition } from '@ttkt/event-store';
import { answer, validateCommand } from '@ttkt/messaging';
import type { AwardActor } from '../decisions/decision.events';

/** The metadata of an awards command sent over RPC. */
export function metadataOf(context: CommandContext): AppendMetadata {
  return {
    actor: { kind: context.actor.kind, id: context.actor.id },
    correlationId: context.correlationId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}

/** The command's actor as the deciders record it. */
export function actorOf(context: CommandContext): AwardActor {
  return { kind: context.actor.kind, id: context.actor.id };
}

/**
 * The body of every awards RPC entry: validates the payload (a malformed one is refused
 * `validation-failed` before anything runs), then runs it and answers, domain errors travelling as
 * their codes.
 */
export function runAwardRpc<Message extends object, Result>(
  type: new () => Message,
  payload: unknown,
  run: (message: Message) => Promise<Result>,
): Promise<Result> {
  const message = validateCommand(type, payload);
  return answer(() => run(message));
}

/** How often a numbered command looks for the register's answer while it waits. */
const POLL_MS = 25;

/**
 * Polls `probe` — holding no transaction — until it finds something or `waitMs` has passed (it
 * looks at least once).
 */
export async function pollFor<T>(
  waitMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))),
    );
  }
}

/** A stored event's log position. */
export function positionOf(event: { transactionId: bigint; globalPosition: bigint }): LogPosition {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** Today in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving), `YYYY-MM-DD`. */
export function localDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
