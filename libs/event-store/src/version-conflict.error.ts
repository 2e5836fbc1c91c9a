import type { ExpectedVersion } from './types';

/**
 * Why an append lost its race:
 * - `version`: the stream was not at the expected version (another writer got there first, or the
 *   stream already existed for `'no-stream'`);
 * - `xid-order`: the stream's last writer has a newer transaction id than the appending
 *   transaction, so appending would put this event before its predecessor in the log order.
 *   Retrying helps only in a new transaction.
 */
export type VersionConflictReason = 'version' | 'xid-order';

/**
 * An append met a stream in another state than expected. Typed so that command handlers can
 * reload and re-decide, and transports can map it to a retryable `version-conflict` answer.
 */
export class VersionConflict extends Error {
  override readonly name = 'VersionConflict';

  constructor(
    readonly tenantId: string,
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was refused (0 when it does not exist). */
    readonly actual: number,
    readonly reason: VersionConflictReason = 'version',
  ) {
    super(
      reason === 'xid-order'
        ? `stream ${streamId} was written by a newer transaction than the appending one (expected ${String(expected)}, actual ${actual})`
        : `stream ${streamId} is at version ${actual}, expected ${String(expected)}`,
    );
  }
}

/**
 * An event id already stored. Event ids are unique across the log, so a caller that passes its own
 * ids (to make a retried append harmless) learns here that the first attempt was stored.
 */
export class DuplicateEventId extends Error {
  override readonly name = 'DuplicateEventId';

  constructor(
    readonly tenantId: string,
    readonly streamId: string,
    readonly detail: string,
  ) {
    super(`an event of this append to ${streamId} is already stored: ${detail}`);
  }
}
