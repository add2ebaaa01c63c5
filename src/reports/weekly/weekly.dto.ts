import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const WEEKLY_FORMATS = ['json', 'xlsx', 'csv', 'html', 'docx'] as const;
export type WeeklyFormat = (typeof WEEKLY_FORMATS)[number];

export class WeeklyQuery {
  @ApiProperty({
    example: '2025-W14',
    description: 'an ISO week: Monday 00:00 to the next Monday 00:00, report time zone',
  })
  @IsString()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must be an ISO week such as 2025-W14' })
  week: string;

  @ApiPropertyOptional({
    enum: WEEKLY_FORMATS,
    default: 'json',
    description:
      'html is a printable page with SVG charts; docx a Word document (通报) with the same sections and charts',
  })
  @IsOptional()
  @IsIn(WEEKLY_FORMATS)
  format?: WeeklyFormat;

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'language of headings in files and the page' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}
