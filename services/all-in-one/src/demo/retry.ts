import { ApiError } from './api-client';

/**
 * Retries a command refused because another service has not caught up yet (404, 409, 422) or
 * was too busy to answer (503, 504).
 */
export async function retryWhileCatchingUp<T>(
  command: () => Promise<T>,
  timeoutMs: number,
  statuses: readonly number[] = [404, 409, 422, 503, 504],
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
    try {
      return await command();
    } catch (error) {
      const catchingUp = error instanceof ApiError && statuses.includes(error.status);
      if (!catchingUp || Date.now() + wait > deadline) throw error;
      await pause(wait);
    }
  }
}

/** Resolves after `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
