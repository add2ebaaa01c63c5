import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { idParam } from '../common/ids';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse } from '../common/error.response';
import { Roles } from '../access/auth-user';
import { UserResponse } from './user-response';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (a handler needs a department)' })
  @ApiCreatedResponse({ type: UserResponse })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'All users, by username' })
  @ApiOkResponse({ type: [UserResponse] })
  list() {
    return this.users.list();
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user: name, role, department, password, or disable it',
    description:
      'A new password, a new role or disabling signs the user out everywhere. The last enabled admin ' +
      'cannot be disabled or lose the admin role (409 LAST_ADMIN).',
  })
  @ApiOkResponse({ type: UserResponse })
  update(@Param('id', idParam('user')) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(id, body);
  }

  @Post(':id/logout-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign a user out everywhere: every token issued to it so far stops working' })
  @ApiNoContentResponse({ description: 'signed out' })
  logoutAll(@Param('id', idParam('user')) id: string) {
    return this.users.revokeTokens(id);
  }
}
