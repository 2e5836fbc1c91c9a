import { DomainError, type PersonFields } from '@ttkt/contracts';
import { checkPersonFields } from '../person-fields';
import type { PersonEvent } from '../person.events';
import type { PersonState } from '../person.state';

/** Change a person from a day on, at the version the sender read. */
export interface UpdatePerson {
  personId: string;
  expectedVersion: number;
  effectiveOn?: string;
  changes: Partial<PersonFields>;
  today: string;
}

/** What the read tables know: the agency of the new unit, when the unit changes. */
export interface UpdatePersonFacts {
  unitAgencyId: string | null;
}

const FIELDS = ['fullName', 'dateOfBirth', 'gender', 'unitId', 'position'] as const;

/**
 * A stale version is `precondition-failed`. Only fields that really change are recorded (none:
 * nothing is). The changed fields follow the person rules; the change is dated (default today).
 */
export function decideUpdatePerson(
  command: UpdatePerson,
  state: PersonState,
  facts: UpdatePersonFacts,
): PersonEvent[] {
  if (state.status !== 'registered') {
    throw new DomainError('not-found', { personId: command.personId });
  }
  const { person } = state;
  if (person.version !== command.expectedVersion) {
    throw new DomainError('precondition-failed', {
      expected: command.expectedVersion,
      actual: person.version,
    });
  }
  const checked = checkPersonFields(definedOnly(command.changes), {
    today: command.today,
    agencyId: person.agencyId,
    unitAgencyId: facts.unitAgencyId,
    pathPrefix: 'changes.',
  });
  const changes: Partial<PersonFields> = {};
  for (const field of FIELDS) {
    const value = checked[field];
    if (value !== undefined && value !== person[field]) Object.assign(changes, { [field]: value });
  }
  if (Object.keys(changes).length === 0) return [];
  const after = { ...person, ...changes };
  return [
    {
      type: 'PersonChanged',
      data: {
        personId: person.id,
        agencyId: person.agencyId,
        code: person.code,
        unitId: after.unitId,
        fullName: after.fullName,
        dateOfBirth: after.dateOfBirth,
        gender: after.gender,
        position: after.position,
        effectiveOn: command.effectiveOn ?? command.today,
        changes,
      },
    },
  ];
}

function definedOnly(changes: Partial<PersonFields>): Partial<PersonFields> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
