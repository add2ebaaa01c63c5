import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiDefaultResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import {
  CalendarCoverageResponse,
  CalendarDayParams,
  CalendarDayResponse,
  CalendarYearQuery,
  CalendarYearResponse,
  CategoryResponse,
  SetCalendarDayDto,
  UpdateCategoryDto,
  WorkingDaysPreviewResponse,
  WorkingDaysQuery,
} from './calendar.dto';
import { CalendarService } from './calendar.service';

const DATE_PARAM = ApiParam({
  name: 'date',
  example: '2025-01-28',
  description: 'a real calendar date, YYYY-MM-DD (2025-02-30 is refused with 400)',
});

@ApiTags('calendar')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('calendar')
  @ApiOperation({
    summary: 'The working-day calendar of a year',
    description:
      'Only the exceptions to Monday–Friday: weekday public holidays (working: false) and weekend days moved into work (调休, working: true), by date.',
  })
  @ApiOkResponse({ type: CalendarYearResponse })
  list(@Query() query: CalendarYearQuery) {
    return this.calendar.list(query.year);
  }

  @Get('calendar/coverage')
  @ApiOperation({
    summary: 'Which years have a working-day calendar',
    description:
      'A year counts as entered when it has at least one public holiday. Deadlines falling in a year without one are counted as if every weekday were a working day; clients warn about them.',
  })
  @ApiOkResponse({ type: CalendarCoverageResponse })
  coverage() {
    return this.calendar.coverage();
  }

  @Get('calendar/working-days')
  @ApiOperation({
    summary: 'Preview a deadline of n working days',
    description:
      'Counting starts the day after the calendar day of `from` in the report time zone; the deadline is the end of the n-th working day (the next midnight there).',
  })
  @ApiOkResponse({ type: WorkingDaysPreviewResponse })
  preview(@Query() query: WorkingDaysQuery) {
    return this.calendar.preview(query.from, query.days);
  }

  @Put('calendar/days/:date')
  @Roles('admin')
  @DATE_PARAM
  @ApiOperation({
    summary: 'Record or change the exception of one date',
    description: 'A holiday on a weekday (working: false) or a make-up working day on a weekend (working: true).',
  })
  @ApiOkResponse({ type: CalendarDayResponse })
  setDay(@Param() params: CalendarDayParams, @Body() body: SetCalendarDayDto) {
    return this.calendar.setDay(params.date, body.working, body.name);
  }

  @Delete('calendar/days/:date')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @DATE_PARAM
  @ApiOperation({
    summary: 'Remove the exception of one date',
    description: 'The date becomes an ordinary weekday or weekend day again; 404 when it had no exception.',
  })
  @ApiNoContentResponse({ description: 'removed' })
  removeDay(@Param() params: CalendarDayParams) {
    return this.calendar.removeDay(params.date);
  }

  @Patch('categories/:code')
  @Roles('admin')
  @ApiParam({ name: 'code', example: 'labour', description: 'the category code' })
  @ApiOperation({
    summary: 'Rename a category or change its default time limit (办理时限, in working days)',
    description: 'Only the fields sent change; 404 for an unknown code.',
  })
  @ApiOkResponse({ type: CategoryResponse })
  updateCategory(@Param('code') code: string, @Body() body: UpdateCategoryDto) {
    return this.calendar.updateCategory(code, body);
  }
}
