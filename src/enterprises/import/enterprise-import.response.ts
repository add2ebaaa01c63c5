import { ApiProperty } from '@nestjs/swagger';
import { FieldErrorResponse } from '../../common/error.response';
import type { ImportResult as ImportResultShape, RejectedRow as RejectedRowShape } from './enterprise-import.service';

export class RejectedRowResponse implements RejectedRowShape {
  @ApiProperty({ type: 'integer', example: 7, description: 'the row number as the spreadsheet shows it (headings: 1)' })
  row: number;

  @ApiProperty({ type: [FieldErrorResponse] })
  errors: FieldErrorResponse[];
}

export class ImportResultResponse implements ImportResultShape {
  @ApiProperty({ type: 'integer', description: 'data rows read (blank rows are not counted)' })
  total: number;

  @ApiProperty({ type: 'integer' })
  created: number;

  @ApiProperty({ type: 'integer' })
  updated: number;

  @ApiProperty({ type: 'integer' })
  unchanged: number;

  @ApiProperty({ type: [RejectedRowResponse] })
  rejected: RejectedRowResponse[];
}
