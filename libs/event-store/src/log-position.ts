import { formatPosition, parsePosition } from '@ttkt/contracts';
import type { LogPosition } from './types';

/**
 * Orders two positions of the same log the way the log is read: by transaction id, then global
 * position. Negative, zero or positive.
 */
export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return 0;
}

/** True when `position` is at or past `target` (null = before the first event). */
export function hasReached(position: LogPosition | null, target: LogPosition): boolean {
  return position !== null && compareLogPositions(position, target) >= 0;
}

/** The read-your-writes token `<service>:<xid>.<globalPosition>` of a position. */
export function logPositionToToken(service: string, position: LogPosition): string {
  return formatPosition(service, position.transactionId, position.globalPosition);
}

/**
 * The position a token names, or `undefined` when it is malformed or names another service's log
 * (positions of different services are not comparable, so accepting one would be a silent bug).
 */
export function logPositionFromToken(service: string, token: string): LogPosition | undefined {
  const parsed = parsePosition(token);
  if (!parsed || parsed.service !== service) return undefined;
  return { transactionId: parsed.transactionId, globalPosition: parsed.globalPosition };
}
