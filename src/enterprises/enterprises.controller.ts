import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { EnterprisePage, EnterpriseResponse } from './enterprise.response';
import { CreateEnterpriseDto, ListEnterprisesQuery } from './enterprise.dto';
import { EnterprisesService } from './enterprises.service';

@ApiTags('enterprises')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'Register an enterprise (409 when the credit code is registered)' })
  @ApiCreatedResponse({ type: EnterpriseResponse })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateEnterpriseDto) {
    return this.enterprises.create(user, body);
  }

  @Get()
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'Find enterprises by name or credit code, district, industry' })
  @ApiOkResponse({ type: EnterprisePage })
  list(@Query() query: ListEnterprisesQuery) {
    return this.enterprises.list(query);
  }

  @Get(':id')
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'One enterprise' })
  @ApiOkResponse({ type: EnterpriseResponse })
  get(@Param('id', idParam('enterprise')) id: string) {
    return this.enterprises.get(id);
  }
}
