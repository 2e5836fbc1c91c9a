import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';

/**
 * Sign-in (`POST /auth/login`) and the global guard that verifies the bearer token of every
 * other route and checks `@Roles(...)`. Its configuration (`GATEWAY_CONFIG`) comes from
 * `startGateway`.
 */
@Module({
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
