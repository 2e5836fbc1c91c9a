import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import { DIRECTORY, DIRECTORY_SERVICE } from '../directory/directory-patterns';
import { signAccessToken } from './access-token';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';
import { AccessTokenDto, LoginDto } from './login.dto';
import { Public } from './roles.decorator';

/** `/api/v1/auth`: sign-in with a local account. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in: a bearer token for 8 hours (401 for an unknown user or a wrong password)',
  })
  @ApiOkResponse({ type: AccessTokenDto })
  async login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    const user = await this.sender.send<AuthenticatedUser>(
      DIRECTORY_SERVICE,
      DIRECTORY.authenticate,
      { username: body.username, password: body.password },
    );
    return signAccessToken(user, {
      secret: this.config.jwtSecret,
      clock: this.config.clock,
      lifetimeSeconds: this.config.tokenLifetimeSeconds,
    });
  }
}
