/** The events stored in an agency's stream (`agency-<id>`, in the agency's tenant). */
export type AgencyEvent = AgencyRegistered | AgencyRenamed;

/** An agency was registered. */
export interface AgencyRegistered {
  type: 'AgencyRegistered';
  data: {
    agencyId: string;
    tenantId: string;
    code: string;
    name: string;
    parentAgencyId: string | null;
    validFrom: string | null;
    validUntil: string | null;
    predecessorAgencyId: string | null;
  };
}

/** An agency has a new name from `effectiveFrom`. */
export interface AgencyRenamed {
  type: 'AgencyRenamed';
  data: { agencyId: string; name: string; effectiveFrom: string };
}

/** The stream id of an agency. */
export function agencyStreamId(agencyId: string): string {
  return `agency-${agencyId}`;
}
