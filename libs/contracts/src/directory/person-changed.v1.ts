import { IsCalendarDate } from './calendar-date';
import { PersonSnapshotV1 } from './person-snapshot';

/** Routing key of {@link PersonChangedV1}. */
export const DIRECTORY_PERSON_CHANGED_V1 = 'directory.person-changed.v1';

/** A person changed (transfer, new position, corrected name…); the payload is the person after it. */
export class PersonChangedV1 extends PersonSnapshotV1 {
  /** The day the change takes effect (`YYYY-MM-DD`). */
  @IsCalendarDate()
  effectiveOn!: string;
}
