import { ApiClient } from './api-client';
import { DEMO_PASSWORD } from './directory-data';
import { retryWhileCatchingUp } from './retry';

/**
 * Signs in each of `usernames` (demo accounts) with `POST /auth/login`, by username; retried
 * while the gateway or the directory is too busy to answer. A token carries the platform's
 * "now" (the demo clock), so the loader signs in anew whenever it moves that clock.
 */
export async function signInUsers(
  baseUrl: string,
  usernames: readonly string[],
): Promise<Map<string, ApiClient>> {
  const clients = await Promise.all(
    usernames.map((username) =>
      retryWhileCatchingUp(
        () => ApiClient.signIn(baseUrl, username, DEMO_PASSWORD),
        30_000,
        [503, 504],
      ),
    ),
  );
  return new Map(usernames.map((username, index) => [username, clients[index] as ApiClient]));
}
