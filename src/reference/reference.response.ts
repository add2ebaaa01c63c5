import { ApiProperty } from '@nestjs/swagger';
import { type Status, STATUSES } from '../workflow/statuses';
import type { CodedItem, DepartmentResponse as DepartmentShape } from './reference.service';

export class DistrictResponse implements CodedItem {
  @ApiProperty({ example: 'suzhou' })
  code: string;

  @ApiProperty({ example: '肃州区' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'Suzhou District' })
  nameEn: string | null;
}

export class StatusResponse implements CodedItem {
  @ApiProperty({ enum: STATUSES, enumName: 'Status' })
  code: Status;

  @ApiProperty({ example: '办理中' })
  name: string;

  @ApiProperty({ type: String, example: 'In progress' })
  nameEn: string;
}

export class DepartmentResponse implements DepartmentShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'gongxin' })
  code: string;

  @ApiProperty({ example: '市工信局' })
  name: string;
}

/** What the web app reads once at start, before anyone signs in. */
export class MetaResponse {
  @ApiProperty({
    example: 'Asia/Shanghai',
    description: 'the IANA time zone that report days, deadlines and periods are counted in',
  })
  reportTimezone: string;
}
