import { Module } from '@nestjs/common';
import { RegisterHttpController } from './register.http.controller';

/** The gateway's `register` routes. */
@Module({ controllers: [RegisterHttpController] })
export class RegisterHttpModule {}
