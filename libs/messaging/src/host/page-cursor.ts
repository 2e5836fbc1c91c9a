import { DomainError } from '@ttkt/contracts';

/** Where a list page ends: the last row's creation instant and id (a keyset, not an offset). */
export interface PageCursor {
  /** ISO 8601 instant in UTC, with milliseconds (`Date.prototype.toISOString`). */
  at: string;
  /** The last row's id (a UUID). */
  id: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque `nextCursor` of a page ending at `at` (a row's instant) and `id`. */
export function encodePageCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

/**
 * Reads a `cursor` a client sent back. Only what {@link encodePageCursor} writes is accepted:
 * PostgreSQL refuses dates JavaScript would read ("1", "2021-02-30"), and a refused cast must be
 * a `400 validation-failed` at `cursor`, not a failed query.
 */
export function decodePageCursor(cursor: string): PageCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      ISO_INSTANT.test(at) &&
      new Date(at).toISOString() === at &&
      typeof id === 'string' &&
      UUID.test(id)
    ) {
      return { at, id };
    }
  } catch {
    // falls through to the refusal
  }
  throw new DomainError('validation-failed', {}, [{ path: 'cursor', message: 'invalidCursor' }]);
}
