/** The events stored in a tenant's stream (`tenant-<id>`). */
export type TenantEvent = TenantRegistered | TenantRenamed;

/** A tenant was registered with its code and first name. */
export interface TenantRegistered {
  type: 'TenantRegistered';
  data: { tenantId: string; code: string; name: string };
}

/** A tenant has a new name from `effectiveFrom`. */
export interface TenantRenamed {
  type: 'TenantRenamed';
  data: { tenantId: string; name: string; effectiveFrom: string };
}

/** The stream id of a tenant (the stream lives in the tenant itself). */
export function tenantStreamId(tenantId: string): string {
  return `tenant-${tenantId}`;
}
