import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GET_REGISTER, type GetRegisterQuery, type RegisterView } from '@ttkt/contracts';
import type { Clock } from '@ttkt/event-store';
import { CLOCK, COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import { RequestContext } from '../request-context';
import { AgencyRegisterParams, RegisterQueryDto } from './register.dto';

/** The calendar year of `instant` in Vietnam (Asia/Ho_Chi_Minh). */
export function yearInVietnam(instant: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
      instant,
    ),
  );
}

/** `/api/v1/agencies/{id}/register`: the agency's register of numbers (sổ đăng ký văn bản đi). */
@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/agencies')
export class RegisterHttpController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly context: RequestContext,
  ) {}

  @Get(':id/register')
  @ApiOperation({
    summary: 'The register of issued numbers for a year, voided ones with their reason',
  })
  async register(
    @Param() params: AgencyRegisterParams,
    @Query() query: RegisterQueryDto,
  ): Promise<RegisterView> {
    this.context.assertCanSee(params.id);
    const request: GetRegisterQuery = {
      tenantId: this.context.tenantId(query.tenantId),
      agencyId: params.id,
      year: query.year ?? yearInVietnam(this.clock.now()),
    };
    return this.sender.send<RegisterView>('document', GET_REGISTER, request);
  }
}
