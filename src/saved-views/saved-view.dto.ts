import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../common/trim';

export const SAVED_VIEW_NAME_MAX = 40;
export const SAVED_VIEW_QUERY_MAX = 2000;

export class SaveViewDto {
  @ApiProperty({ example: '超期督办', maxLength: SAVED_VIEW_NAME_MAX })
  @IsString()
  @Trim()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(SAVED_VIEW_NAME_MAX)
  name: string;

  @ApiProperty({
    example: 'status=assigned,in_progress&overdue=true',
    maxLength: SAVED_VIEW_QUERY_MAX,
    description: "the list's URL query string; stored as given, replayed by the page, never read by the service",
  })
  @IsString()
  @MaxLength(SAVED_VIEW_QUERY_MAX)
  query: string;

  @ApiPropertyOptional({
    description: 'when a view of this name (any case) exists: true replaces its name and query, otherwise 409',
  })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}
