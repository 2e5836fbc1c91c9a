import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type CommandContext, type CommandResult } from '@ttkt/contracts';
import { VersionConflict, type AppendMetadata, type EventStore } from '@ttkt/event-store';
import { answer, EVENT_STORE, validateCommand } from '@ttkt/messaging';
import type { DossierActor, DossierEvent } from './dossier.events';
import type { DossierState, ReviewDossierStatus } from './dossier.state';
import { DossierStreams } from './dossier-streams';

/** What accept and return answer: the dossier's review status after the command. */
export interface DossierCommandBody {
  nominationId: string;
  status: ReviewDossierStatus;
  /** The dossier's review stream version. */
  version: number;
}

/** DI token of how long a command waits for a dossier's submission to reach review (ms). */
export const DOSSIER_ARRIVAL_WAIT_MS = Symbol('DOSSIER_ARRIVAL_WAIT_MS');

/** The default of {@link DOSSIER_ARRIVAL_WAIT_MS}. */
export const DEFAULT_DOSSIER_ARRIVAL_WAIT_MS = 3_000;

/** How often the wait looks again. */
const POLL_MS = 50;

/** Whole transactions retried after a lost race that could not be re-decided inside one. */
const MAX_ATTEMPTS = 3;

/** The metadata of a command sent over RPC. */
export function metadataOf(context: CommandContext): AppendMetadata {
  return {
    actor: { kind: context.actor.kind, id: context.actor.id },
    correlationId: context.correlationId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}

/** The actor the deciders record in each event. */
export function actorOf(metadata: AppendMetadata): DossierActor | null {
  return metadata.actor ? { kind: metadata.actor.kind, id: metadata.actor.id } : null;
}

/**
 * The body of every dossier RPC entry: validates the payload (a malformed one is refused
 * `validation-failed` before anything runs), then runs it and answers, domain errors travelling
 * as their codes.
 */
export function runDossierRpc<Message extends object, Result>(
  type: new () => Message,
  payload: unknown,
  run: (message: Message) => Promise<Result>,
): Promise<Result> {
  const message = validateCommand(type, payload);
  return answer(() => run(message));
}

/**
 * The secretariat's commands on one dossier (accept, return). The submission may not have reached
 * review yet when the command arrives (the gateway answers the unit's submit before the consumer
 * runs): while review has not received the dossier, or still holds it as returned (a resubmission
 * in flight), the command waits up to {@link DOSSIER_ARRIVAL_WAIT_MS} — polling, holding no
 * transaction — then decides in one transaction, retried whole after a lost race.
 */
@Injectable()
export class DossierCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: DossierStreams,
    @Inject(DOSSIER_ARRIVAL_WAIT_MS) private readonly arrivalWaitMs: number,
  ) {}

  /** Waits for the dossier, decides, appends and answers the dossier's status and version. */
  async answer(
    context: CommandContext,
    nominationId: string,
    decide: (state: DossierState) => DossierEvent[],
  ): Promise<CommandResult<DossierCommandBody>> {
    const { tenantId } = context;
    await this.awaitArrival(tenantId, nominationId);
    const metadata = metadataOf(context);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const run = await this.store.transaction((client) =>
          this.streams.run(tenantId, nominationId, decide, { client, metadata }),
        );
        if (run.state.status === 'none') {
          throw new DomainError('not-found', { nominationId });
        }
        const body: DossierCommandBody = {
          nominationId,
          status: run.state.status,
          version: run.state.version,
        };
        if (run.result !== null) {
          return {
            body,
            version: run.result.nextVersion,
            position: this.store.toToken(run.result.lastPosition),
          };
        }
        const stored = await this.streams.stored(tenantId, nominationId);
        const last = stored[stored.length - 1];
        return { body, version: body.version, position: last ? this.store.toToken(last) : '' };
      } catch (error) {
        if (error instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** Polls (no transaction held) until review holds the dossier as submitted or the wait is over. */
  private async awaitArrival(tenantId: string, nominationId: string): Promise<void> {
    const deadline = Date.now() + this.arrivalWaitMs;
    for (;;) {
      const state = await this.streams.read(tenantId, nominationId);
      const waiting = state.status === 'none' || state.status === 'returned';
      if (!waiting || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, deadline - Date.now())));
    }
  }
}
