import { ApiProperty } from '@nestjs/swagger';
import type { EnterpriseResponse as EnterpriseShape } from './enterprises.service';

export class EnterpriseResponse implements EnterpriseShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '酒泉某新能源装备有限公司' })
  name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '91620900MA72XXXX0X',
    description: 'unified social credit code',
  })
  uscc: string | null;

  @ApiProperty({ example: 'suzhou', description: 'the district code' })
  district: string;

  @ApiProperty({ example: '肃州区' })
  districtName: string;

  @ApiProperty({ type: String, nullable: true, example: 'new_energy_equipment' })
  industry: string | null;

  @ApiProperty({ description: 'above designated size (规上企业)' })
  isAboveScale: boolean;

  @ApiProperty({ description: 'a key enterprise of the programme (重点企业)' })
  isKey: boolean;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactName: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactPhone: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class EnterprisePage {
  @ApiProperty({ type: [EnterpriseResponse] })
  items: EnterpriseResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
