import { TRANSPORT_HEADERS, type MessagingLogger } from '../transport';

/** Headers RabbitMQ adds itself (dead-lettering, quorum redelivery count). */
const BROKER_HEADER = /^x-(death|first-death-.*|last-death-.*|delivery-count)$/;
const OWN_HEADERS = new Set<string>(Object.values(TRANSPORT_HEADERS));

/**
 * The application's headers of a message: strings and numbers only, without the transports' own
 * bookkeeping ({@link TRANSPORT_HEADERS}) and the broker's dead-lettering headers.
 */
export function applicationHeaders(
  raw: Record<string, unknown> | undefined,
): Record<string, string | number> {
  const headers: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (OWN_HEADERS.has(name) || BROKER_HEADER.test(name)) continue;
    if (typeof value === 'string' || typeof value === 'number') headers[name] = value;
    else if (typeof value === 'bigint') headers[name] = Number(value);
  }
  return headers;
}

/** A non-negative integer header (e.g. `x-attempt`), 0 when absent or malformed. */
export function counterHeader(raw: Record<string, unknown> | undefined, name: string): number {
  const value = raw?.[name];
  const parsed =
    typeof value === 'number' || typeof value === 'bigint' ? Number(value) : Number(value ?? 0);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 0;
}

/** A string header, or undefined. */
export function stringHeader(
  raw: Record<string, unknown> | undefined,
  name: string,
): string | undefined {
  const value = raw?.[name];
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}

/**
 * Service names become queue names (`<prefix>.<service>`, `<prefix>.<service>.retry.1`), so they
 * may not contain dots or anything RabbitMQ or a log line would trip over.
 */
export function assertServiceName(service: string): void {
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(service)) {
    throw new Error(
      `not a valid service name for a queue: ${JSON.stringify(service)} (letters, digits, - and _)`,
    );
  }
}

/** Retry delays must be whole, non-negative milliseconds. */
export function assertRetryDelays(delays: readonly number[]): void {
  for (const delay of delays) {
    if (!Number.isInteger(delay) || delay < 0) {
      throw new Error(`retry delays must be non-negative integers (ms), got ${String(delay)}`);
    }
  }
}

/** The message of whatever was thrown, for logs and dead-letter reasons. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}

/** Dead-letter reasons travel in a header; keep them to a readable size. */
export function truncateReason(reason: string, max = 1000): string {
  return reason.length <= max ? reason : `${reason.slice(0, max - 1)}…`;
}

/** The default logger: says nothing. Pass a real one in production. */
export const SILENT_LOGGER: MessagingLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
