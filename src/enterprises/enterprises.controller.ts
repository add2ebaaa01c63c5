import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { idParam } from '../common/ids';
import { CreateEnterpriseDto, ListEnterprisesQuery } from './enterprise.dto';
import { EnterprisesService } from './enterprises.service';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'Register an enterprise (409 when the credit code is registered)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateEnterpriseDto) {
    return this.enterprises.create(user, body);
  }

  @Get()
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'Find enterprises by name or credit code, district, industry' })
  list(@Query() query: ListEnterprisesQuery) {
    return this.enterprises.list(query);
  }

  @Get(':id')
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'One enterprise' })
  get(@Param('id', idParam('enterprise')) id: string) {
    return this.enterprises.get(id);
  }
}
