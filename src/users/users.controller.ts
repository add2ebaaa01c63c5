import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { idParam } from '../common/ids';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/auth-user';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (a handler needs a department)' })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'All users, by username' })
  list() {
    return this.users.list();
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user: name, role, department, password, or disable it' })
  update(@Param('id', idParam('user')) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(id, body);
  }
}
