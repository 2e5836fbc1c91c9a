import type { PersonView } from '@ttkt/contracts';
import { givenNameOf } from '../vietnamese-name';
import type { PersonEvent, PersonSnapshot } from './person.events';

/** A person's state, folded from the stream: their view once registered. */
export type PersonState = { status: 'none' } | { status: 'registered'; person: PersonView };

/** The state of a stream with no events. */
export function initialPersonState(): PersonState {
  return { status: 'none' };
}

function fieldsOf(snapshot: PersonSnapshot) {
  return {
    id: snapshot.personId,
    agencyId: snapshot.agencyId,
    code: snapshot.code,
    unitId: snapshot.unitId,
    fullName: snapshot.fullName,
    givenName: givenNameOf(snapshot.fullName),
    dateOfBirth: snapshot.dateOfBirth,
    gender: snapshot.gender,
    position: snapshot.position,
  };
}

/** Applies one stored event. */
export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  if (event.type === 'PersonRegistered') {
    const person = { ...fieldsOf(event.data), history: [], holds: [], onHold: false, version: 1 };
    return { status: 'registered', person };
  }
  if (state.status !== 'registered') return state;
  const person = { ...state.person, version: state.person.version + 1 };
  switch (event.type) {
    case 'PersonChanged': {
      const { effectiveOn, changes } = event.data;
      const history = [...person.history, { effectiveOn, changes }];
      return { status: 'registered', person: { ...person, ...fieldsOf(event.data), history } };
    }
    case 'HoldOpened': {
      const { holdId, kind, reason, source, openedOn } = event.data;
      const hold = {
        id: holdId,
        kind,
        reason,
        source,
        openedOn,
        status: 'open' as const,
        closedOn: null,
        closeReason: null,
      };
      return {
        status: 'registered',
        person: { ...person, holds: [...person.holds, hold], onHold: true },
      };
    }
    case 'HoldClosed': {
      const holds = person.holds.map((hold) =>
        hold.id === event.data.holdId
          ? {
              ...hold,
              status: 'closed' as const,
              closedOn: event.data.closedOn,
              closeReason: event.data.reason,
            }
          : hold,
      );
      const onHold = holds.some((hold) => hold.status === 'open');
      return { status: 'registered', person: { ...person, holds, onHold } };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The person stream's decider parts for the stream writer. */
export const personStream = { initialState: initialPersonState, evolve: evolvePerson };
