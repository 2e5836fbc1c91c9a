import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Roles } from '../auth/roles.decorator';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import { commandAnswer, expectedVersion, withETag, type CommandAnswer } from './command-answer';
import { DIRECTORY, DIRECTORY_SERVICE } from './directory-patterns';
import type { AgencyOwnedView } from './directory-views';
import {
  CloseHoldDto,
  HoldParams,
  IdParams,
  OpenHoldDto,
  ReadQueryDto,
  UpdatePersonDto,
} from './directory.dto';

/** `/api/v1/people`: one person (cán bộ), its dated changes and holds. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/v1/people')
export class PeopleHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    private readonly context: RequestContext,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'A person with the history of changes and holds (members)' })
  async get(
    @Param() params: IdParams,
    @Query() _query: ReadQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgencyOwnedView> {
    return withETag(response, await this.visiblePerson(params.id));
  }

  @Patch(':id')
  @Roles('agency-admin', 'secretariat')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the last read' })
  @ApiOperation({
    summary: 'Change a person from a day on (agency-admin, secretariat); 412 on a stale If-Match',
  })
  async update(
    @Param() params: IdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdatePersonDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const version = expectedVersion(ifMatch);
    const { effectiveOn, ...changes } = body;
    if (Object.keys(changes).length === 0) {
      throw new ProblemException('validation-failed', [{ path: '', message: 'noChanges' }]);
    }
    const person = await this.visiblePerson(params.id);
    this.context.assertRole(person.agencyId, 'agency-admin', 'secretariat');
    const result = await this.sender.send<CommandResult<AgencyOwnedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.updatePerson,
      {
        context: this.context.commandContext(),
        personId: params.id,
        expectedVersion: version,
        ...(effectiveOn ? { effectiveOn } : {}),
        changes,
      },
    );
    return commandAnswer(response, result);
  }

  @Post(':id/holds')
  @HttpCode(201)
  @Roles('agency-admin', 'secretariat')
  @ApiOperation({
    summary:
      'Open a hold (discipline, investigation, complaint) that keeps the person from being ' +
      'commended (agency-admin, secretariat)',
  })
  async openHold(
    @Param() params: IdParams,
    @Body() body: OpenHoldDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const person = await this.visiblePerson(params.id);
    this.context.assertRole(person.agencyId, 'agency-admin', 'secretariat');
    const holdId = randomUUID();
    const result = await this.sender.send<CommandResult<AgencyOwnedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.openHold,
      { context: this.context.commandContext(), personId: params.id, holdId, ...body },
    );
    return { ...commandAnswer(response, result, `/api/v1/people/${params.id}`), holdId };
  }

  @Post(':id/holds/:holdId/close')
  @HttpCode(200)
  @Roles('agency-admin', 'secretariat')
  @ApiOperation({ summary: 'Close a hold (agency-admin, secretariat)' })
  async closeHold(
    @Param() params: HoldParams,
    @Body() body: CloseHoldDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const person = await this.visiblePerson(params.id);
    this.context.assertRole(person.agencyId, 'agency-admin', 'secretariat');
    const result = await this.sender.send<CommandResult<AgencyOwnedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.closeHold,
      {
        context: this.context.commandContext(),
        personId: params.id,
        holdId: params.holdId,
        ...body,
      },
    );
    return commandAnswer(response, result);
  }

  /** The person, or 404 when it is in an agency the caller has no grant in. */
  private async visiblePerson(personId: string): Promise<AgencyOwnedView> {
    const person = await this.sender.send<AgencyOwnedView>(DIRECTORY_SERVICE, DIRECTORY.getPerson, {
      tenantId: this.context.tenantId(),
      personId,
    });
    this.context.assertCanSee(person.agencyId);
    return person;
  }
}
