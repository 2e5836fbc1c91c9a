/**
 * Read-your-writes tokens. A token names a position in one service's event log:
 * `<service>:<transactionId>.<globalPosition>`. Positions of one service are ordered by
 * (transactionId, globalPosition), the order in which that service's log is read; positions of
 * different services are never compared.
 */
export interface ParsedPosition {
  /** The writing service. */
  service: string;
  /** The PostgreSQL transaction id (xid8) of the write. */
  transactionId: bigint;
  /** The global position of the event inside the service's log. */
  globalPosition: bigint;
}

const TOKEN = /^([a-z][a-z0-9-]*):([0-9]+)\.([0-9]+)$/;

/** Formats a token for `service` at the given log position. */
export function formatPosition(
  service: string,
  transactionId: bigint | string,
  globalPosition: bigint | string,
): string {
  return `${service}:${String(transactionId)}.${String(globalPosition)}`;
}

/** Parses a token; `undefined` when it is not one. */
export function parsePosition(token: string): ParsedPosition | undefined {
  const [, service, xid, pos] = TOKEN.exec(token) ?? [];
  if (service === undefined || xid === undefined || pos === undefined) return undefined;
  return { service, transactionId: BigInt(xid), globalPosition: BigInt(pos) };
}

/** Orders two positions of the same service: negative, zero or positive. Throws across services. */
export function comparePositions(a: ParsedPosition, b: ParsedPosition): number {
  if (a.service !== b.service) {
    throw new Error(
      `positions of different services are not comparable: ${a.service}, ${b.service}`,
    );
  }
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return 0;
}
