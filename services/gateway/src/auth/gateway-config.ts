import type { Clock } from '@ttkt/event-store';

/** DI token of the gateway's {@link GatewayConfig}. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/**
 * DI token of how long `POST /campaigns/{id}/issue` waits for the register's answer before it
 * answers `202` (ms; `startGateway`'s `issueWaitMs`, default 5000).
 */
export const ISSUE_WAIT_MS = Symbol('ISSUE_WAIT_MS');

/** What `startGateway` was configured with, for the gateway's providers. */
export interface GatewayConfig {
  /** The HS256 secret access tokens are signed and verified with. */
  jwtSecret: string;
  /** How long an access token lives (seconds). */
  tokenLifetimeSeconds: number;
  /** How long an issue request waits for the register (ms). */
  issueWaitMs: number;
  /** The source of "now" (token times, idempotency expiry, "today"). */
  clock: Clock;
}

/** Access tokens live 8 hours: a working day; a grant change takes effect at the next sign-in. */
export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
