import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiDefaultResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { type ScanOutcome, ScanResult, WarningsQuery, WarningsResponse } from './warnings.dto';
import { WarningsService } from './warnings.service';

@ApiTags('warnings')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('warnings')
export class WarningsController {
  constructor(private readonly warnings: WarningsService) {}

  @Get()
  @Roles('manager', 'admin', 'handler', 'official')
  @ApiOperation({
    summary:
      'Current early warnings (预警): overdue, due soon, stale problems; enterprises due a visit, and enterprises nobody answers for',
    description:
      'Handlers see the problems of their own department and no enterprise warnings; officials only the ' +
      'not_visited warnings of the enterprises they answer for. Overdue first (most working days overdue ' +
      'first), then due soon (soonest first), stale, not visited (earliest due first), unassigned; at most `limit` items (500).',
  })
  @ApiOkResponse({ type: WarningsResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: WarningsQuery): Promise<WarningsResponse> {
    return this.warnings.current(user, query.level, undefined, query.limit);
  }

  @Post('scan')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Run the warning scan now: records each new warning once, with an event on its problem',
  })
  @ApiOkResponse({ type: ScanResult })
  scan(): Promise<ScanOutcome> {
    return this.warnings.scan();
  }
}
