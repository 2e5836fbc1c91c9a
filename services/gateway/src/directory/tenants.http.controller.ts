import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Roles } from '../auth/roles.decorator';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import { commandAnswer, withETag, type CommandAnswer } from './command-answer';
import { DIRECTORY, DIRECTORY_SERVICE } from './directory-patterns';
import type { ListAnswer, VersionedView } from './directory-views';
import { AsOfQueryDto, IdParams, RegisterTenantDto, RenameDto } from './directory.dto';

/** `/api/v1/tenants`: provinces (or other tenants) of the platform. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/v1/tenants')
export class TenantsHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    private readonly context: RequestContext,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('system-admin')
  @ApiOperation({ summary: 'Register a tenant (system-admin)' })
  async register(
    @Body() body: RegisterTenantDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const tenantId = randomUUID();
    const result = await this.sender.send<CommandResult<VersionedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.registerTenant,
      { context: this.context.commandContext(tenantId), tenantId, ...body },
    );
    return commandAnswer(response, result, `/api/v1/tenants/${tenantId}`);
  }

  @Get()
  @ApiOperation({
    summary: 'Tenants: all for a system-admin, else the caller’s own; names in force on asOf',
  })
  async list(@Query() query: AsOfQueryDto): Promise<ListAnswer<VersionedView>> {
    const asOf = query.asOf ? { asOf: query.asOf } : {};
    if (this.context.isSystemAdmin()) {
      return this.sender.send(DIRECTORY_SERVICE, DIRECTORY.listTenants, asOf);
    }
    const tenant = await this.sender.send<VersionedView>(DIRECTORY_SERVICE, DIRECTORY.getTenant, {
      tenantId: this.context.tenantId(),
      ...asOf,
    });
    return { items: [tenant] };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A tenant with its names over time, named as on asOf' })
  async get(
    @Param() params: IdParams,
    @Query() query: AsOfQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VersionedView> {
    if (!this.context.isSystemAdmin() && this.context.user().tenantId !== params.id) {
      throw new ProblemException('not-found');
    }
    const tenant = await this.sender.send<VersionedView>(DIRECTORY_SERVICE, DIRECTORY.getTenant, {
      tenantId: params.id,
      ...(query.asOf ? { asOf: query.asOf } : {}),
    });
    return withETag(response, tenant);
  }

  @Post(':id/names')
  @HttpCode(200)
  @Roles('system-admin')
  @ApiOperation({ summary: 'Rename a tenant from a day on (system-admin)' })
  async rename(
    @Param() params: IdParams,
    @Body() body: RenameDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const result = await this.sender.send<CommandResult<VersionedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.renameTenant,
      { context: this.context.commandContext(params.id), tenantId: params.id, ...body },
    );
    return commandAnswer(response, result);
  }
}
