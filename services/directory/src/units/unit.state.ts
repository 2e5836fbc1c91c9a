import type { UnitView } from '@ttkt/contracts';
import type { UnitEvent } from './unit.events';

/** A unit's state, folded from its stream: its view once created. */
export type UnitState = { status: 'none' } | ({ status: 'created' } & UnitView);

/** The state of a stream with no events. */
export function initialUnitState(): UnitState {
  return { status: 'none' };
}

/** Applies one stored event. */
export function evolveUnit(_state: UnitState, event: UnitEvent): UnitState {
  switch (event.type) {
    case 'UnitCreated': {
      const { unitId, ...rest } = event.data;
      return { status: 'created', id: unitId, ...rest, version: 1 };
    }
    default: {
      const unexpected: never = event.type;
      return unexpected;
    }
  }
}

/** The unit stream's decider parts for the stream writer. */
export const unitStream = { initialState: initialUnitState, evolve: evolveUnit };
