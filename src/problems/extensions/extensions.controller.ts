import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiDefaultResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../../access/auth-user';
import { ErrorResponse } from '../../common/error.response';
import { ListExtensionsQuery } from './extensions.dto';
import { ExtensionsRepository } from './extensions.repository';
import { ExtensionPage } from './extensions.response';

@ApiTags('problems')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('extensions')
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionsRepository) {}

  @Get()
  @Roles('manager', 'admin', 'handler')
  @ApiOperation({
    summary:
      'Extension requests (延期申请), newest first, pending by default; managers see all, handlers their department’s',
  })
  @ApiOkResponse({ type: ExtensionPage })
  list(@CurrentUser() user: AuthUser, @Query() query: ListExtensionsQuery) {
    return this.extensions.list(user, query);
  }
}
