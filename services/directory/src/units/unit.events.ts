/** The events stored in a unit's stream (`unit-<id>`). */
export type UnitEvent = UnitCreated;

/** A unit was created in an agency. */
export interface UnitCreated {
  type: 'UnitCreated';
  data: {
    unitId: string;
    agencyId: string;
    code: string;
    name: string;
    isSecretariat: boolean;
    parentUnitId: string | null;
  };
}

/** The stream id of a unit. */
export function unitStreamId(unitId: string): string {
  return `unit-${unitId}`;
}
