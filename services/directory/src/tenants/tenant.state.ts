import type { NamePeriod } from '@ttkt/contracts';
import type { TenantEvent } from './tenant.events';
import { renamed } from '../names-over-time';

/** A tenant's state, folded from its stream. */
export type TenantState =
  | { status: 'none' }
  | { status: 'registered'; id: string; code: string; names: NamePeriod[]; version: number };

/** The state of a stream with no events. */
export function initialTenantState(): TenantState {
  return { status: 'none' };
}

/** Applies one stored event. */
export function evolveTenant(state: TenantState, event: TenantEvent): TenantState {
  switch (event.type) {
    case 'TenantRegistered':
      return {
        status: 'registered',
        id: event.data.tenantId,
        code: event.data.code,
        names: [{ name: event.data.name, from: null, until: null }],
        version: 1,
      };
    case 'TenantRenamed':
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

/** The tenant stream's decider parts for the stream writer. */
export const tenantStream = { initialState: initialTenantState, evolve: evolveTenant };
