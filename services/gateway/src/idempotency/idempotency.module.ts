import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * `Idempotency-Key` on every `POST` (a global interceptor). The store (`IDEMPOTENCY_STORE`) is
 * provided by `startGateway`: PostgreSQL in the gateway's schema, or memory without a database.
 */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule {}
