import type { PersonFields, PersonView } from '@ttkt/contracts';

/** What names a person in an import: the staff code, else unit, full name and date of birth. */
export interface PersonIdentity {
  code: string | null;
  unitId: string;
  fullName: string;
  dateOfBirth: string;
}

/** An agency's people by their import identity, kept current while an import runs. Pure. */
export class PeopleIndex {
  private readonly byCode = new Map<string, PersonView>();
  private readonly byNameAndBirth = new Map<string, PersonView>();

  constructor(people: Iterable<PersonView>) {
    for (const person of people) this.remember(person);
  }

  /** The person the identity names, if the agency has one. */
  find(identity: PersonIdentity): PersonView | undefined {
    if (identity.code !== null) return this.byCode.get(identity.code);
    return this.byNameAndBirth.get(nameAndBirthKey(identity));
  }

  /** Adds or replaces a person (after a row registered or changed them). */
  remember(person: PersonView): void {
    if (person.code !== null) this.byCode.set(person.code, person);
    this.byNameAndBirth.set(nameAndBirthKey(person), person);
  }
}

/** True when the person already has every field of the row. */
export function sameFields(person: PersonView, fields: PersonFields): boolean {
  return (
    person.fullName === fields.fullName &&
    person.dateOfBirth === fields.dateOfBirth &&
    person.gender === fields.gender &&
    person.unitId === fields.unitId &&
    person.position === fields.position
  );
}

function nameAndBirthKey(
  person: Pick<PersonIdentity, 'unitId' | 'fullName' | 'dateOfBirth'>,
): string {
  return `${person.unitId}\u0000${person.fullName}\u0000${person.dateOfBirth}`;
}
