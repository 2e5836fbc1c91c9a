import { Module } from '@nestjs/common';

/** The gateway's `auth` routes. */
@Module({ controllers: [], providers: [] })
export class AuthModule {}
