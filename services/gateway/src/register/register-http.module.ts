import { Module } from '@nestjs/common';

/** The gateway's `register` routes. */
@Module({ controllers: [], providers: [] })
export class RegisterHttpModule {}
