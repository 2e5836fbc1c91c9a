/**
 * What the gateway itself reads of the directory's views (the full views are the directory's
 * contracts; the gateway passes them through).
 */
export interface VersionedView {
  id: string;
  version: number;
}

/** Of an `AgencyView`. */
export interface AgencyViewLike extends VersionedView {
  tenantId: string;
}

/** Of a `PersonView` (and a `UnitView`): the agency it belongs to. */
export interface AgencyOwnedView extends VersionedView {
  agencyId: string;
}

/** A page of a list. */
export interface ListAnswer<T> {
  items: T[];
  nextCursor?: string | null;
}

/** The answer of `directory.import-people`. */
export interface ImportAnswer {
  imported: number;
  unchanged: number;
  errors: { row: number; column: string | null; message: string }[];
}
