import type { NamePeriod } from '@ttkt/contracts';
import { renamed } from '../names-over-time';
import type { AgencyEvent } from './agency.events';

/** An agency as its stream says. */
export interface RegisteredAgency {
  status: 'registered';
  id: string;
  tenantId: string;
  code: string;
  names: NamePeriod[];
  parentAgencyId: string | null;
  validFrom: string | null;
  validUntil: string | null;
  predecessorAgencyId: string | null;
  version: number;
}

/** An agency's state, folded from its stream. */
export type AgencyState = { status: 'none' } | RegisteredAgency;

/** The state of a stream with no events. */
export function initialAgencyState(): AgencyState {
  return { status: 'none' };
}

/** Applies one stored event. */
export function evolveAgency(state: AgencyState, event: AgencyEvent): AgencyState {
  switch (event.type) {
    case 'AgencyRegistered': {
      const { agencyId, name, ...rest } = event.data;
      return {
        status: 'registered',
        id: agencyId,
        ...rest,
        names: [{ name, from: rest.validFrom, until: null }],
        version: 1,
      };
    }
    case 'AgencyRenamed':
      if (state.status !== 'registered') return state;
      return {
        ...state,
        names: renamed(state.names, event.data.name, event.data.effectiveFrom),
        version: state.version + 1,
      };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The agency stream's decider parts for the stream writer. */
export const agencyStream = { initialState: initialAgencyState, evolve: evolveAgency };
