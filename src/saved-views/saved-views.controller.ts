import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { SaveViewDto } from './saved-view.dto';
import { SavedViewResponse } from './saved-view.response';
import { SavedViewsService } from './saved-views.service';

@ApiTags('saved views')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('me/saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's saved list views, by name" })
  @ApiOkResponse({ type: [SavedViewResponse] })
  list(@CurrentUser() user: AuthUser) {
    return this.views.list(user);
  }

  @Post()
  @ApiOperation({
    summary: 'Save a list view under a name',
    description:
      'A name the caller already uses (in any case) is 409 DUPLICATE unless `replace` is true, which ' +
      'replaces that view. At most 50 views per user (409 CONFLICT).',
  })
  @ApiCreatedResponse({ type: SavedViewResponse })
  save(@CurrentUser() user: AuthUser, @Body() body: SaveViewDto) {
    return this.views.save(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Delete one of the caller's saved views (another user's is 404)" })
  @ApiNoContentResponse({ description: 'deleted' })
  remove(@CurrentUser() user: AuthUser, @Param('id', idParam('saved view')) id: string) {
    return this.views.remove(user, id);
  }
}
