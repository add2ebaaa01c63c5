import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsTimestamp } from '../common/timestamps';
import { ProblemInputDto } from '../problems/problem.dto';
import { Trim } from '../common/trim';

export class CreateVisitDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  enterpriseId: string;

  @ApiProperty({ example: '2025-03-12T10:00:00+08:00', description: 'when the visit took place; not in the future' })
  @IsTimestamp({ notInFuture: true })
  visitedAt: string;

  @ApiPropertyOptional({ example: '一季度包联走访' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  purpose?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], example: ['增值税留抵退税', '稳岗返还'] })
  @IsOptional()
  @IsArray()
  @Trim()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  policiesPromoted?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'user ids of the officials who went; the caller is always included',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  officialIds?: string[];

  @ApiPropertyOptional({ type: [ProblemInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProblemInputDto)
  problems?: ProblemInputDto[];
}
