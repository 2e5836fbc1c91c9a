import type { NumberAssigned, RegisterEvent } from './register.events';

/** What a number was assigned to, as recorded. */
export type Assignment = NumberAssigned['data'];

/**
 * One number of the register. A voided or revoked number keeps its assignment, so the register
 * still shows who held it, and it still blocks reuse.
 */
export type RegisteredNumber =
  | { status: 'assigned'; assignment: Assignment }
  | { status: 'voided'; assignment: Assignment; reason: string; voidedAt: string }
  | { status: 'revoked'; assignment: Assignment; reason: string; revokedAt: string };

/**
 * A register's state, folded from its stream. Agency and year are null until the first number:
 * the fold starts from nothing, and only the events name them.
 */
export interface RegisterState {
  agencyId: string | null;
  year: number | null;
  numbers: ReadonlyMap<number, RegisteredNumber>;
  /** The highest number assigned or voided; 0 in a fresh year, so the first number is 1. */
  highestNumber: number;
}

/** The state of a register with no numbers yet. */
export function initialRegisterState(): RegisterState {
  return { agencyId: null, year: null, numbers: new Map(), highestNumber: 0 };
}

/**
 * Applies one stored event (a fact: a void or revocation of a number the fold does not hold as
 * assigned changes nothing).
 */
export function evolveRegister(state: RegisterState, event: RegisterEvent): RegisterState {
  switch (event.type) {
    case 'NumberAssigned': {
      const assignment = event.data;
      return {
        agencyId: assignment.agencyId,
        year: assignment.year,
        numbers: new Map(state.numbers).set(assignment.number, {
          status: 'assigned',
          assignment,
        }),
        highestNumber: Math.max(state.highestNumber, assignment.number),
      };
    }
    case 'NumberVoided': {
      const { number, reason, voidedAt } = event.data;
      const entry = state.numbers.get(number);
      if (entry?.status !== 'assigned') return state;
      return {
        ...state,
        numbers: new Map(state.numbers).set(number, {
          status: 'voided',
          assignment: entry.assignment,
          reason,
          voidedAt,
        }),
      };
    }
    case 'NumberRevoked': {
      const { number, reason, revokedAt } = event.data;
      const entry = state.numbers.get(number);
      if (entry?.status !== 'assigned') return state;
      return {
        ...state,
        numbers: new Map(state.numbers).set(number, {
          status: 'revoked',
          assignment: entry.assignment,
          reason,
          revokedAt,
        }),
      };
    }
    case 'NumberRefused':
      // A refusal answers its requester; it takes no number and changes no entry.
      return state;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
