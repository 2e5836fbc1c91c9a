import type { EventStoreLogger } from '../../src';

/** A logger that keeps what it was told, so tests can assert on failures being reported. */
export class MemoryLogger implements EventStoreLogger {
  readonly entries: Array<{
    level: 'error' | 'warn' | 'info';
    message: string;
    meta?: Record<string, unknown>;
  }> = [];

  error(message: string, meta?: Record<string, unknown>): void {
    this.entries.push({ level: 'error', message, meta });
  }

  warn(message: string, meta?: Record<string, unknown>): void {
    this.entries.push({ level: 'warn', message, meta });
  }

  info(message: string, meta?: Record<string, unknown>): void {
    this.entries.push({ level: 'info', message, meta });
  }

  count(level: 'error' | 'warn' | 'info'): number {
    return this.entries.filter((entry) => entry.level === level).length;
  }
}
