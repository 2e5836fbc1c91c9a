import { PersonSnapshotV1 } from './person-snapshot';

/** Routing key of {@link PersonRegisteredV1}. */
export const DIRECTORY_PERSON_REGISTERED_V1 = 'directory.person-registered.v1';

/** A person was registered in an agency's unit; the payload is the person as registered. */
export class PersonRegisteredV1 extends PersonSnapshotV1 {}
