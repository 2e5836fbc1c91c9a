import {
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { isErrorCode, type ValidationIssue } from '@ttkt/contracts';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, of, type Observable } from 'rxjs';
import { uploadedFile, type AuthenticatedRequest, type UploadedFile } from '../auth/authorization';
import { GATEWAY_CONFIG, type GatewayConfig } from '../auth/gateway-config';
import { classifyException } from '../problem/problem-details.filter';
import { ProblemException } from '../problem/problem.exception';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency-store';
import { fingerprintKey, keyedFingerprintOf } from './request-fingerprint';

/** The header a replayed response carries. */
export const REPLAYED_HEADER = 'Idempotency-Replayed';

/** Response headers kept with a stored response and replayed with it. */
const KEPT_HEADERS = ['location', 'etag'] as const;

/** What is stored for a completed key. */
type StoredOutcome =
  | { kind: 'response'; body: unknown; headers: Record<string, string> }
  | { kind: 'problem'; code: string; errors: ValidationIssue[]; headers: Record<string, string> };

/**
 * `Idempotency-Key` on every `POST` of a signed-in user: the first request runs and its response
 * (status, body, `Location`, `ETag`) is kept for 24 h; a repeat with the same key, user, route
 * and body gets that response again with `Idempotency-Replayed: true`; the same key with another
 * request → `422 idempotency-key-reused`; while the first still runs → `409
 * idempotency-key-in-use`. A problem below 500 is kept like a response; a failure of ours or of
 * a service (5xx, `503`, `504`) releases the key, so a retry runs again.
 *
 * The claim is one committed statement before the command is sent, completing or releasing one
 * more after it: no transaction is open while a service works.
 *
 * The request's fingerprint kept with the key is an HMAC under a key derived from the JWT secret
 * (never stored), not a plain hash: a plain SHA-256 of a vote's body would let anyone who reads
 * the table hash both answers and learn a secret ballot's choice. Keys stored before this change
 * (plain SHA-256) no longer match their request: a repeat within their 24 h gets `422
 * idempotency-key-reused` instead of the replay — acceptable for one day after the upgrade.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('idempotency');
  private readonly fingerprintKey: Buffer;

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.fingerprintKey = fingerprintKey(config.jwtSecret);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    if (typeof header !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(header)) {
      throw new ProblemException('validation-failed', [
        { path: 'Idempotency-Key', message: 'idempotencyKey' },
      ]);
    }
    // Sign-in and other public routes: nobody to scope the key by, and nothing to protect.
    const user = request.user;
    if (!user) return next.handle();
    const scope = `${user.tenantId ?? '*'}/${user.userId}`;
    const key = header;
    const file = uploadedFile(request);
    const fingerprint = keyedFingerprintOf(this.fingerprintKey, {
      method: request.method,
      url: request.originalUrl,
      body: (request.body as unknown) ?? null,
      file: file ? fileDigest(file) : null,
    });

    let claim;
    try {
      claim = await this.store.claim(scope, key, fingerprint);
    } catch (error) {
      this.logger.warn(`cannot claim an idempotency key: ${messageOf(error)}`);
      throw new ProblemException('service-unavailable', [], { 'Retry-After': '5' });
    }
    switch (claim.kind) {
      case 'mismatch':
        throw new ProblemException('idempotency-key-reused');
      case 'in-progress':
        throw new ProblemException('idempotency-key-in-use', [], { 'Retry-After': '1' });
      case 'done':
        return of(this.replay(response, claim.status, claim.body as StoredOutcome));
      case 'new':
        return next.handle().pipe(
          mergeMap((body: unknown) =>
            from(this.completed(scope, key, response, body).then(() => body)),
          ),
          catchError((error: unknown) =>
            from(
              this.failed(scope, key, error).then(() => {
                throw error;
              }),
            ),
          ),
        );
    }
  }

  private replay(response: Response, status: number, stored: StoredOutcome): unknown {
    if (stored.kind === 'problem') {
      if (!isErrorCode(stored.code)) throw new ProblemException('invalid-state');
      throw new ProblemException(stored.code, stored.errors, {
        ...stored.headers,
        [REPLAYED_HEADER]: 'true',
      });
    }
    response.status(status);
    for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
    response.setHeader(REPLAYED_HEADER, 'true');
    return stored.body;
  }

  private async completed(
    scope: string,
    key: string,
    response: Response,
    body: unknown,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    const stored: StoredOutcome = { kind: 'response', body: body ?? null, headers };
    try {
      await this.store.complete(scope, key, response.statusCode, stored);
    } catch (error) {
      // The work is done and the caller gets its answer; the claim goes stale and is taken over.
      this.logger.warn(`cannot store the response of idempotency key ${key}: ${messageOf(error)}`);
    }
  }

  private async failed(scope: string, key: string, error: unknown): Promise<void> {
    const problem = classifyException(error);
    try {
      if (problem.status < 500 && problem.code !== 'internal-error') {
        const stored: StoredOutcome = {
          kind: 'problem',
          code: problem.code,
          errors: problem.errors,
          headers: problem.headers,
        };
        await this.store.complete(scope, key, problem.status, stored);
      } else {
        await this.store.release(scope, key);
      }
    } catch (storeError) {
      this.logger.warn(`cannot settle idempotency key ${key}: ${messageOf(storeError)}`);
    }
  }
}

function fileDigest(file: UploadedFile): string {
  return createHash('sha256').update(file.buffer).digest('hex');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
