import { Module } from '@nestjs/common';

/** The gateway's `directory` routes. */
@Module({ controllers: [], providers: [] })
export class DirectoryHttpModule {}
