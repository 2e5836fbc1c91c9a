import type { HoldKind, PersonFields } from '@ttkt/contracts';

/** The events stored in a person's stream (`person-<id>`). */
export type PersonEvent = PersonRegistered | PersonChanged | HoldOpened | HoldClosed;

/** A person as registered or after a change: their agency, code and current fields. */
export interface PersonSnapshot extends PersonFields {
  personId: string;
  agencyId: string;
  code: string | null;
}

/** A person was registered. */
export interface PersonRegistered {
  type: 'PersonRegistered';
  data: PersonSnapshot;
}

/** A person changed from `effectiveOn`: the changed fields, and the person after the change. */
export interface PersonChanged {
  type: 'PersonChanged';
  data: PersonSnapshot & { effectiveOn: string; changes: Partial<PersonFields> };
}

/** A hold was opened on the person. */
export interface HoldOpened {
  type: 'HoldOpened';
  data: {
    personId: string;
    agencyId: string;
    holdId: string;
    kind: HoldKind;
    reason: string;
    source: string;
    openedOn: string;
  };
}

/** A hold on the person was closed. */
export interface HoldClosed {
  type: 'HoldClosed';
  data: { personId: string; agencyId: string; holdId: string; reason: string; closedOn: string };
}

/** The stream id of a person. */
export function personStreamId(personId: string): string {
  return `person-${personId}`;
}
