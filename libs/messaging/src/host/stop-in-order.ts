import type { Logger } from '@nestjs/common';

/** One step of a shutdown: its name (for the log) and what it does. */
export type StopStep = [name: string, stop: () => Promise<unknown>];

/** How long a process may take to stop before it exits anyway. */
export const STOP_DEADLINE_MS = 15_000;

/**
 * Stops a process's parts in the given order — each step runs even when an earlier one failed,
 * so a database is never left running because a consumer would not stop — then exits: with
 * `code`, or 1 when a step failed or the whole stop outlasted {@link STOP_DEADLINE_MS}.
 */
export async function stopInOrderAndExit(
  steps: StopStep[],
  logger: Logger,
  code = 0,
): Promise<void> {
  const deadline = setTimeout(() => {
    logger.error(`stopping took longer than ${STOP_DEADLINE_MS / 1000} s; exiting anyway`);
    process.exit(1);
  }, STOP_DEADLINE_MS);
  deadline.unref();
  let exitCode = code;
  for (const [name, stop] of steps) {
    try {
      await stop();
    } catch (error) {
      exitCode = 1;
      logger.error(
        `stopping ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  process.exit(exitCode);
}
