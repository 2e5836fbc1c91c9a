import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { uploadedFile, type AuthenticatedRequest } from '../auth/authorization';
import { Roles } from '../auth/roles.decorator';
import { constraintText, languageOf } from '../problem/problem-messages';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import { commandAnswer, withETag, type CommandAnswer } from './command-answer';
import { DIRECTORY, DIRECTORY_SERVICE } from './directory-patterns';
import type {
  AgencyOwnedView,
  AgencyViewLike,
  ImportAnswer,
  ListAnswer,
  VersionedView,
} from './directory-views';
import {
  AsOfQueryDto,
  CreateUnitDto,
  IdParams,
  ListPeopleQueryDto,
  ReadQueryDto,
  RegisterAgencyDto,
  RegisterPersonDto,
  RenameDto,
  UnitParams,
} from './directory.dto';
import { parsePeopleImport, type ParsedImport } from './people-import.parser';

/** How long an import may take in the directory (each row commits on its own). */
const IMPORT_TIMEOUT_MS = 120_000;

/** `/api/v1/agencies`: agencies, their units and people, imports. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/v1/agencies')
export class AgenciesHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    private readonly context: RequestContext,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('system-admin', 'agency-admin')
  @ApiOperation({
    summary:
      'Register an agency (system-admin, or agency-admin of the parent agency); only a ' +
      'system-admin names a predecessor',
  })
  async register(
    @Body() body: RegisterAgencyDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    if (!this.context.isSystemAdmin()) {
      // A successor takes over its predecessor's history: not for an agency's own admin to claim.
      if (body.predecessorAgencyId !== undefined || !body.parentAgencyId) {
        throw new ProblemException('forbidden');
      }
      this.context.assertRole(body.parentAgencyId, 'agency-admin');
    }
    const { tenantId, ...agency } = body;
    const agencyId = randomUUID();
    const result = await this.sender.send<CommandResult<VersionedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.registerAgency,
      { context: this.context.commandContext(tenantId), agencyId, ...agency },
    );
    return commandAnswer(response, result, `/api/v1/agencies/${agencyId}`);
  }

  @Get()
  @ApiOperation({
    summary:
      'The agencies the caller may see; with asOf only those in force that day, named as then',
  })
  list(@Query() query: AsOfQueryDto): Promise<ListAnswer<AgencyViewLike>> {
    const visible = this.context.visibleAgencyIds();
    return this.sender.send(DIRECTORY_SERVICE, DIRECTORY.listAgencies, {
      tenantId: this.context.tenantId(),
      ...(query.asOf ? { asOf: query.asOf } : {}),
      ...(visible === 'all' ? {} : { agencyIds: visible }),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'An agency (members; another agency reads as 404)' })
  async get(
    @Param() params: IdParams,
    @Query() query: AsOfQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgencyViewLike> {
    this.context.assertCanSee(params.id);
    const agency = await this.sender.send<AgencyViewLike>(DIRECTORY_SERVICE, DIRECTORY.getAgency, {
      tenantId: this.context.tenantId(),
      agencyId: params.id,
      ...(query.asOf ? { asOf: query.asOf } : {}),
    });
    return withETag(response, agency);
  }

  @Post(':id/names')
  @HttpCode(200)
  @Roles('system-admin', 'agency-admin')
  @ApiOperation({ summary: 'Rename an agency from a day on (system-admin, agency-admin)' })
  async rename(
    @Param() params: IdParams,
    @Body() body: RenameDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    this.context.assertRole(params.id, 'agency-admin');
    const result = await this.sender.send<CommandResult<VersionedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.renameAgency,
      { context: this.context.commandContext(), agencyId: params.id, ...body },
    );
    return commandAnswer(response, result);
  }

  @Post(':id/units')
  @HttpCode(201)
  @Roles('agency-admin')
  @ApiOperation({ summary: 'Create a unit (phòng, ban) of the agency (agency-admin)' })
  async createUnit(
    @Param() params: IdParams,
    @Body() body: CreateUnitDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    this.context.assertRole(params.id, 'agency-admin');
    const unitId = randomUUID();
    const result = await this.sender.send<CommandResult<VersionedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.createUnit,
      { context: this.context.commandContext(), agencyId: params.id, unitId, ...body },
    );
    return commandAnswer(response, result, `/api/v1/agencies/${params.id}/units/${unitId}`);
  }

  @Get(':id/units')
  @ApiOperation({ summary: 'The agency’s units (members)' })
  listUnits(
    @Param() params: IdParams,
    @Query() _query: ReadQueryDto,
  ): Promise<ListAnswer<AgencyOwnedView>> {
    this.context.assertCanSee(params.id);
    return this.units(params.id);
  }

  @Get(':id/units/:unitId')
  @ApiOperation({ summary: 'One unit of the agency (members)' })
  async getUnit(
    @Param() params: UnitParams,
    @Query() _query: ReadQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgencyOwnedView> {
    this.context.assertCanSee(params.id);
    const unit = (await this.units(params.id)).items.find((item) => item.id === params.unitId);
    if (!unit) throw new ProblemException('not-found');
    return withETag(response, unit);
  }

  @Post(':id/people')
  @HttpCode(201)
  @Roles('agency-admin', 'secretariat')
  @ApiOperation({ summary: 'Register a person (cán bộ) of the agency (agency-admin, secretariat)' })
  async registerPerson(
    @Param() params: IdParams,
    @Body() body: RegisterPersonDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    this.context.assertRole(params.id, 'agency-admin', 'secretariat');
    const personId = randomUUID();
    const result = await this.sender.send<CommandResult<VersionedView>>(
      DIRECTORY_SERVICE,
      DIRECTORY.registerPerson,
      { context: this.context.commandContext(), agencyId: params.id, personId, ...body },
    );
    return commandAnswer(response, result, `/api/v1/people/${personId}`);
  }

  @Get(':id/people')
  @ApiOperation({
    summary:
      'The agency’s people, sorted by given name (Vietnamese collation); q ignores accents and case',
  })
  listPeople(
    @Param() params: IdParams,
    @Query() query: ListPeopleQueryDto,
  ): Promise<ListAnswer<AgencyOwnedView>> {
    this.context.assertCanSee(params.id);
    const { minPosition: _position, ...filters } = query;
    return this.sender.send(DIRECTORY_SERVICE, DIRECTORY.listPeople, {
      tenantId: this.context.tenantId(),
      agencyId: params.id,
      ...filters,
    });
  }

  @Post(':id/imports')
  @HttpCode(200)
  @Roles('agency-admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'XLSX or CSV, ≤ 5 MB' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Import units and people from XLSX or CSV (agency-admin): rows that fail are reported by ' +
      'row and column letter, the others are imported; re-importing a row changes nothing',
  })
  async importPeople(
    @Param() params: IdParams,
    @Req() request: AuthenticatedRequest,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ImportAnswer> {
    this.context.assertRole(params.id, 'agency-admin');
    const file = uploadedFile(request);
    if (!file || file.fieldname !== 'file') {
      throw new ProblemException('validation-failed', [{ path: 'file', message: 'isDefined' }]);
    }
    const parsed = await parsePeopleImport(file.buffer, file.originalname, file.mimetype);
    const answer = await this.sender.send<ImportAnswer>(
      DIRECTORY_SERVICE,
      DIRECTORY.importPeople,
      { context: this.context.commandContext(), agencyId: params.id, rows: parsed.rows },
      { timeoutMs: IMPORT_TIMEOUT_MS },
    );
    const language = languageOf(acceptLanguage);
    return {
      ...answer,
      errors: answer.errors.map((error) => ({
        ...withColumnLetter(error, parsed),
        message: constraintText(error.message, language),
      })),
    };
  }

  private units(agencyId: string): Promise<ListAnswer<AgencyOwnedView>> {
    return this.sender.send(DIRECTORY_SERVICE, DIRECTORY.listUnits, {
      tenantId: this.context.tenantId(),
      agencyId,
    });
  }
}

/** A row error's column key as the sheet shows it: `G (Ngày sinh)`. */
function withColumnLetter(
  error: ImportAnswer['errors'][number],
  parsed: ParsedImport,
): ImportAnswer['errors'][number] {
  const header = error.column
    ? parsed.columns[error.column as keyof ParsedImport['columns']]
    : undefined;
  return header ? { ...error, column: `${header.letter} (${header.header})` } : error;
}
