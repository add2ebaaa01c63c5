import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../common/trim';
import { SATISFACTIONS, type Satisfaction } from '../workflow/satisfactions';

/** The enterprise's rating of a resolved problem, from its tracking page. */
export class RatingDto {
  @ApiProperty({ enum: SATISFACTIONS, description: '满意 / 基本满意 / 不满意' })
  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @ApiPropertyOptional({ maxLength: 2000, description: "the enterprise's comment (评价意见)" })
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(2000)
  comment?: string;
}
