import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IMPORT_PEOPLE, ImportPeopleCommand, type ImportPeopleResult } from '@ttkt/contracts';
import { answer, validateCommand } from '@ttkt/messaging';
import { ImportPeopleHandler } from './import-people.handler';

/** `directory.import-people`. */
@Controller()
export class ImportPeopleController {
  constructor(private readonly handler: ImportPeopleHandler) {}

  @MessagePattern(IMPORT_PEOPLE)
  import(@Payload() payload: unknown): Promise<ImportPeopleResult> {
    const message = validateCommand(ImportPeopleCommand, payload);
    return answer(() => this.handler.execute(message.context, message.agencyId, message.rows));
  }
}
