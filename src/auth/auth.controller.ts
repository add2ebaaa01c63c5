import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  ApiBearerAuth,
  ApiDefaultResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { CurrentUser, Public, Roles } from '../access/auth-user';
import type { AuthUser } from '../access/auth-user';
import { LoginLockResponse, LoginResponse, toLoginLockResponse } from './auth.response';
import { AuthService, clientAddress } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() body: LoginDto, @Ip() ip: string, @Req() request: Request) {
    return this.auth.login(body.username, body.password, clientAddress(ip), () => request.socket.destroyed);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out everywhere: every token issued to the caller so far stops working' })
  @ApiNoContentResponse({ description: 'signed out; sign in again for a new token' })
  logoutAll(@CurrentUser() user: AuthUser) {
    return this.auth.signOutEverywhere(user.id);
  }

  @Get('locks')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Failed logins per username and address that still count, locked ones first' })
  @ApiOkResponse({ type: [LoginLockResponse] })
  async locks(): Promise<LoginLockResponse[]> {
    return (await this.throttle.list()).map(toLoginLockResponse);
  }

  @Delete('locks/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Lift a lock: the address may try that username again at once' })
  @ApiNoContentResponse({ description: 'lifted' })
  liftLock(@Param('id', idParam('login lock')) id: string) {
    return this.throttle.lift(id);
  }
}
