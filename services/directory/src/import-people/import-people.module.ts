import { Module } from '@nestjs/common';
import { StreamWriter } from '../stream-writer';
import { ImportPeopleController } from './import-people.controller';
import { ImportPeopleHandler } from './import-people.handler';

/** Imports of units and people from a file's rows. */
@Module({
  controllers: [ImportPeopleController],
  providers: [StreamWriter, ImportPeopleHandler],
})
export class ImportPeopleModule {}
