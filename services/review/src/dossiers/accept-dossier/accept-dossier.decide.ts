import { DomainError } from '@ttkt/contracts';
import type { DossierActor, DossierEvent } from '../dossier.events';
import type { DossierState } from '../dossier.state';

/** The secretariat accepts a submitted dossier as complete. */
export interface AcceptDossier {
  type: 'AcceptDossier';
  nominationId: string;
  actor: DossierActor | null;
  now: Date;
}

/**
 * Only a `submitted` dossier: an unknown one is `not-found`, any other status `invalid-state`
 * (`{ nominationId, status }`).
 */
export function decideAccept(command: AcceptDossier, state: DossierState): DossierEvent[] {
  if (state.status === 'none') {
    throw new DomainError('not-found', { nominationId: command.nominationId });
  }
  if (state.status !== 'submitted') {
    throw new DomainError('invalid-state', {
      nominationId: state.nominationId,
      status: state.status,
    });
  }
  return [
    {
      type: 'DossierAccepted',
      data: {
        nominationId: state.nominationId,
        campaignId: state.campaignId,
        at: command.now.toISOString(),
        by: command.actor,
      },
    },
  ];
}
