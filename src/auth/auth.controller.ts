import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiDefaultResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error.response';
import { Public } from '../access/auth-user';
import { LoginResponse } from './auth.response';
import { AuthService } from './auth.service';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() body: LoginDto) {
    return this.auth.login(body.username, body.password);
  }
}
