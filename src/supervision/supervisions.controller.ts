import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiDefaultResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { ListSupervisionsQuery } from './supervision.dto';
import { SupervisionPage } from './supervision.response';
import { SupervisionsService } from './supervisions.service';

@ApiTags('supervision')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('supervisions')
export class SupervisionsController {
  constructor(private readonly supervisions: SupervisionsService) {}

  @Get()
  @Roles('manager', 'admin', 'handler')
  @ApiOperation({
    summary: 'Supervisions (督办) newest first: active, overdue, lifted or all; handlers see their department’s',
  })
  @ApiOkResponse({ type: SupervisionPage })
  list(@CurrentUser() user: AuthUser, @Query() query: ListSupervisionsQuery) {
    return this.supervisions.list(user, query);
  }
}
