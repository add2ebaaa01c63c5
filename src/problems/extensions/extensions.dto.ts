import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';

/** An extension request's status (see extensions.sql.ts); `lapsed`: the problem left the department undecided. */
export const EXTENSION_STATUSES = ['pending', 'approved', 'refused', 'lapsed'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export class ListExtensionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EXTENSION_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(EXTENSION_STATUSES)
  status?: ExtensionStatus;
}
