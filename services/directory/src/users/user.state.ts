import type { UserView } from '@ttkt/contracts';
import type { UserEvent } from './user.events';

/** A user's state: its view and its password hash once created. */
export type UserState =
  { status: 'none' } | { status: 'created'; user: UserView; passwordHash: string };

/** The state of a stream with no events. */
export function initialUserState(): UserState {
  return { status: 'none' };
}

/** Applies one stored event. */
export function evolveUser(_state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserCreated': {
      const { userId, passwordHash, ...rest } = event.data;
      return { status: 'created', user: { id: userId, ...rest, version: 1 }, passwordHash };
    }
    default: {
      const unexpected: never = event.type;
      return unexpected;
    }
  }
}

/** The user stream's decider parts for the stream writer. */
export const userStream = { initialState: initialUserState, evolve: evolveUser };
