import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IMPORT_PEOPLE, ImportPeopleCommand, type ImportPeopleResult } from '@ttkt/contracts';
import { runCommand } from '../command-rpc';
import { ImportPeopleHandler } from './import-people.handler';

/** `directory.import-people`. */
@Controller()
export class ImportPeopleController {
  constructor(private readonly handler: ImportPeopleHandler) {}

  @MessagePattern(IMPORT_PEOPLE)
  import(@Payload() payload: unknown): Promise<ImportPeopleResult> {
    return runCommand(ImportPeopleCommand, payload, (message) =>
      this.handler.execute(message.context, message.agencyId, message.rows),
    );
  }
}
