/**
 * Where background work (log followers) reports what no caller is waiting to hear: handler
 * failures, lost connections, ownership changes. Shaped so Nest's logger or pino fit with a thin
 * adapter.
 */
export interface EventStoreLogger {
  error(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
}

/**
 * The default logger: errors and warnings as JSON lines on stderr (a background failure must
 * never vanish silently), informational messages dropped.
 */
export const stderrLogger: EventStoreLogger = {
  error: (message, meta) => writeLine('error', message, meta),
  warn: (message, meta) => writeLine('warn', message, meta),
  info: () => undefined,
};

function writeLine(level: string, message: string, meta?: Record<string, unknown>): void {
  process.stderr.write(
    `${JSON.stringify({ level, msg: message, ...meta }, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    )}\n`,
  );
}

/** A printable form of a caught value for logs. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { error: error.message, errorName: error.name, stack: error.stack };
  return { error: String(error) };
}
