import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Roles } from '../auth/roles.decorator';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import { commandAnswer, type CommandAnswer } from './command-answer';
import { DIRECTORY, DIRECTORY_SERVICE } from './directory-patterns';
import type { VersionedView } from './directory-views';
import { CreateUserDto } from './directory.dto';

/**
 * The tenant of commands about platform accounts (a system-admin without an agency belongs to
 * no tenant).
 */
export const PLATFORM_TENANT = 'platform';

/** `/api/v1/users`: local accounts. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    private readonly context: RequestContext,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('system-admin', 'agency-admin')
  @ApiOperation({
    summary:
      'Create a user with roles in an agency (system-admin; agency-admin for its own agency). ' +
      'Only a system-admin grants system-admin; the password is never answered',
  })
  async create(
    @Body() body: CreateUserDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const systemAdmin = this.context.isSystemAdmin();
    if (body.roles.includes('system-admin') && !systemAdmin) {
      throw new ProblemException('forbidden');
    }
    if (body.agencyId === null) {
      // Only the platform's own administrators have no agency.
      if (!systemAdmin) throw new ProblemException('forbidden');
      if (body.roles.some((role) => role !== 'system-admin')) {
        throw new ProblemException('validation-failed', [
          { path: 'agencyId', message: 'isDefined' },
        ]);
      }
    } else {
      this.context.assertRole(body.agencyId, 'agency-admin');
    }
    const { tenantId, ...user } = body;
    const userId = randomUUID();
    const context = this.context.commandContext(
      body.agencyId === null ? (tenantId ?? PLATFORM_TENANT) : tenantId,
    );
    const result = await this.sender.send<CommandResult<VersionedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.createUser,
      { context, userId, ...user },
    );
    return commandAnswer(response, result, `/api/v1/users/${userId}`);
  }
}
