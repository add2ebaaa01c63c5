import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { IsTimestamp } from '../common/timestamps';
import { Trim } from '../common/trim';
import { isCalendarDate, MAX_DUE_WORKING_DAYS } from './working-days';

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function IsCalendarDate() {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: ({ property }: ValidationArguments) =>
          `${property} must be a real date written YYYY-MM-DD, e.g. 2025-01-28`,
      },
    });
}

const workingDaysMessage = (property: string) =>
  `${property} must be a whole number of working days from 1 to ${MAX_DUE_WORKING_DAYS}`;

export class CalendarYearQuery {
  @ApiPropertyOptional({
    type: 'integer',
    example: 2025,
    minimum: 2000,
    maximum: 2100,
    description: 'the calendar year; default the current year in the report time zone',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a year from 2000 to 2100, e.g. 2025' })
  @Min(2000, { message: 'year must be a year from 2000 to 2100, e.g. 2025' })
  @Max(2100, { message: 'year must be a year from 2000 to 2100, e.g. 2025' })
  year?: number;
}

export class CalendarDayParams {
  @ApiProperty({ example: '2025-01-28', format: 'date', description: 'the calendar date, YYYY-MM-DD' })
  @IsCalendarDate()
  date: string;
}

export class SetCalendarDayDto {
  @ApiProperty({
    example: false,
    description:
      'false: a day off although a weekday (public holiday); true: a working day although a weekend day (调休上班)',
  })
  @IsBoolean({ message: 'working must be true or false' })
  working: boolean;

  @ApiProperty({ example: '春节', description: 'what the day is, as shown to users (e.g. 春节, 国庆节调休上班)' })
  @IsString()
  @Trim()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;
}

export class WorkingDaysQuery {
  @ApiProperty({
    example: '2025-01-24T10:00:00+08:00',
    description: 'the instant counting starts from (e.g. when the problem is assigned); ISO 8601 with an offset',
  })
  @IsTimestamp()
  from: string;

  @ApiProperty({
    type: 'integer',
    example: 3,
    minimum: 1,
    maximum: MAX_DUE_WORKING_DAYS,
    description: 'the time limit in working days',
  })
  @Type(() => Number)
  @IsInt({ message: ({ property }) => workingDaysMessage(property) })
  @Min(1, { message: ({ property }) => workingDaysMessage(property) })
  @Max(MAX_DUE_WORKING_DAYS, { message: ({ property }) => workingDaysMessage(property) })
  days: number;
}

/** The longest sign-for time limit (categories.sign_for_working_days agrees). */
export const MAX_SIGN_FOR_WORKING_DAYS = 30;

export class UpdateCategoryDto {
  @ApiPropertyOptional({ example: '用工', description: 'the Chinese display name (unique)' })
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 10,
    minimum: 1,
    maximum: MAX_DUE_WORKING_DAYS,
    description: 'the default time limit (办理时限) of a problem in this category, in working days',
  })
  @IsOptional()
  @IsInt({ message: ({ property }) => workingDaysMessage(property) })
  @Min(1, { message: ({ property }) => workingDaysMessage(property) })
  @Max(MAX_DUE_WORKING_DAYS, { message: ({ property }) => workingDaysMessage(property) })
  defaultDueWorkingDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 1,
    minimum: 1,
    maximum: MAX_SIGN_FOR_WORKING_DAYS,
    description: 'the sign-for time limit (签收时限) of an assignment in this category, in working days',
  })
  @IsOptional()
  @IsInt({ message: 'signForWorkingDays must be a whole number of working days' })
  @Min(1, { message: `signForWorkingDays must be between 1 and ${MAX_SIGN_FOR_WORKING_DAYS}` })
  @Max(MAX_SIGN_FOR_WORKING_DAYS, { message: `signForWorkingDays must be between 1 and ${MAX_SIGN_FOR_WORKING_DAYS}` })
  signForWorkingDays?: number;
}

export class CalendarDayResponse {
  @ApiProperty({ example: '2025-01-28', format: 'date' })
  date: string;

  @ApiProperty({ example: false, description: 'whether the day is a working day' })
  working: boolean;

  @ApiProperty({ example: '春节' })
  name: string;
}

export class CalendarYearResponse {
  @ApiProperty({ type: 'integer', example: 2025 })
  year: number;

  @ApiProperty({
    type: [CalendarDayResponse],
    description: 'the exceptions to Monday–Friday in that year, by date; every other weekday is a working day',
  })
  days: CalendarDayResponse[];
}

export class WorkingDaysPreviewResponse {
  @ApiProperty({ example: '2025-01-24T02:00:00.000Z', description: 'the start instant, as given' })
  from: string;

  @ApiProperty({ type: 'integer', example: 3 })
  days: number;

  @ApiProperty({
    example: '2025-02-05T16:00:00.000Z',
    description: 'the deadline: the end of the last working day, i.e. the next midnight in the report time zone',
  })
  dueAt: string;

  @ApiProperty({ example: '2025-02-05', format: 'date', description: 'the last working day of the time limit' })
  lastWorkingDay: string;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'the time zone the days are counted in' })
  timezone: string;

  @ApiProperty({
    type: [Number],
    example: [],
    description:
      'years from the start to the last working day with no public holiday entered: there every weekday counts as a working day, so the deadline may come too early (empty when the calendar covers the span)',
  })
  uncoveredYears: number[];
}

export class CalendarCoverageResponse {
  @ApiProperty({
    type: [Number],
    example: [2024, 2025, 2026],
    description: 'the years with at least one public holiday entered, ascending',
  })
  years: number[];

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2026,
    description:
      'the last year of the unbroken run of covered years that holds the current year (null when the current year has no calendar): deadlines after it are counted without holidays',
  })
  coveredThrough: number | null;

  @ApiProperty({ type: 'integer', example: 2026, description: 'the current year in the report time zone' })
  currentYear: number;
}

export class CategoryResponse {
  @ApiProperty({ example: 'labour' })
  code: string;

  @ApiProperty({ example: '用工' })
  name: string;

  @ApiProperty({ example: 'Labour', nullable: true, type: String })
  nameEn: string | null;

  @ApiProperty({ type: 'integer', example: 10, description: 'the default time limit in working days' })
  defaultDueWorkingDays: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'the sign-for time limit (签收时限) in working days' })
  signForWorkingDays: number;
}
