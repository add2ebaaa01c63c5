import { Body, Controller, Get, Param, Post, Query, UseInterceptors } from '@nestjs/common';
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
import { ProductionFiguresQuery, RecordProductionStatusDto } from './production-status.dto';
import { ProductionReport, RecordedStatusResponse, StatusHistoryResponse } from './production-status.response';
import { ProductionService } from './production.service';
import { ReadFromInterceptor } from '../reports/read-from.interceptor';

@ApiTags('production')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller()
export class ProductionController {
  constructor(private readonly production: ProductionService) {}

  @Post('enterprises/:id/production-status')
  @Roles('official', 'manager', 'admin')
  @ApiOperation({
    summary: "Record an enterprise's production status (生产状态) as an event",
    description: 'By its responsible officials (403 for other officials), managers and admins.',
  })
  @ApiCreatedResponse({ type: RecordedStatusResponse })
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', idParam('enterprise')) id: string,
    @Body() body: RecordProductionStatusDto,
  ) {
    return this.production.record(user, id, body);
  }

  @Get('enterprises/:id/production-status')
  @Roles('official', 'manager', 'admin', 'handler')
  @ApiOperation({
    summary: "An enterprise's production status and its history, newest first",
    description: 'Handlers: only an enterprise a problem of their department concerns (404 otherwise).',
  })
  @ApiOkResponse({ type: StatusHistoryResponse })
  history(@CurrentUser() user: AuthUser, @Param('id', idParam('enterprise')) id: string) {
    return this.production.history(user, id);
  }

  @Get('reports/production')
  @UseInterceptors(ReadFromInterceptor)
  @Roles('manager', 'admin')
  @ApiTags('reports')
  @ApiOperation({
    summary: 'Enterprises idle and reduced as of an instant, and the resumption rate (复产率) of a period',
  })
  @ApiOkResponse({ type: ProductionReport })
  figures(@Query() query: ProductionFiguresQuery) {
    return this.production.figures(query);
  }
}
