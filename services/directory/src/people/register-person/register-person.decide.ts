import { DomainError, type PersonFields } from '@ttkt/contracts';
import { normalizeText } from '../../vietnamese-name';
import { checkPersonFields } from '../person-fields';
import type { PersonEvent } from '../person.events';
import type { PersonState } from '../person.state';

/** Register a person in a unit of an agency. */
export interface RegisterPerson extends PersonFields {
  agencyId: string;
  personId: string;
  code?: string;
  /** Today in Asia/Ho_Chi_Minh, from the clock. */
  today: string;
}

/** What the read tables know: the agency, and the agency of the unit (null: no such unit). */
export interface RegisterPersonFacts {
  agencyKnown: boolean;
  unitAgencyId: string | null;
}

/** A person is registered once, in a known agency, with fields that follow the person rules. */
export function decideRegisterPerson(
  command: RegisterPerson,
  state: PersonState,
  facts: RegisterPersonFacts,
): PersonEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('invalid-state', { personId: command.personId, status: state.status });
  }
  if (!facts.agencyKnown) throw new DomainError('not-found', { agencyId: command.agencyId });
  const fields = checkPersonFields(
    {
      fullName: command.fullName,
      dateOfBirth: command.dateOfBirth,
      gender: command.gender,
      unitId: command.unitId,
      position: command.position,
    },
    { today: command.today, agencyId: command.agencyId, unitAgencyId: facts.unitAgencyId },
  );
  const code = command.code === undefined ? null : normalizeText(command.code) || null;
  return [
    {
      type: 'PersonRegistered',
      data: { personId: command.personId, agencyId: command.agencyId, code, ...fields },
    },
  ];
}
