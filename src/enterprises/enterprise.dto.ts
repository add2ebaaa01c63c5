import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  Validate,
} from 'class-validator';
import { ValidatorConstraint, ValidatorConstraintInterface, ValidationArguments } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { usccProblem } from './uscc';
import { Trim } from '../common/trim';
import { type Tier, TIERS } from './tiers';

@ValidatorConstraint({ name: 'uscc' })
class UsccConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && usccProblem(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    const value = args.value;
    return typeof value === 'string' ? `uscc ${usccProblem(value)}` : 'uscc must be a string';
  }
}

const trimUpper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class CreateEnterpriseDto {
  @ApiProperty({ example: '酒泉某新能源装备有限公司' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'suzhou', description: 'a district code from GET /districts' })
  @IsString()
  @MaxLength(40)
  district: string;

  @ApiPropertyOptional({
    example: '91620900MA71XXXX0X',
    description: 'unified social credit code (统一社会信用代码), checked per GB 32100-2015',
  })
  @IsOptional()
  @Transform(trimUpper)
  @Validate(UsccConstraint)
  uscc?: string;

  @ApiPropertyOptional({ example: 'new_energy_equipment' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ description: '规上企业' })
  @IsOptional()
  @IsBoolean()
  isAboveScale?: boolean;

  @ApiPropertyOptional({ description: '重点企业' })
  @IsOptional()
  @IsBoolean()
  isKey?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string;

  @ApiPropertyOptional({ example: '0937-2612345' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+()\- ]{5,30}$/, { message: 'contactPhone must be 5 to 30 digits, spaces, +, -, ( or )' })
  contactPhone?: string;
}

export class ListEnterprisesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the name or of the credit code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'district code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS, { message: `tier must be one of ${TIERS.join(', ')}` })
  tier?: Tier;

  @ApiPropertyOptional({ format: 'uuid', description: 'enterprises this user answers for now' })
  @IsOptional()
  @IsUUID('all', { message: 'responsibleUserId must be a UUID' })
  responsibleUserId?: string;
}

/**
 * An edit of an enterprise (PATCH, with If-Match): only the fields sent change. `null` clears an
 * optional field (industry, address, contacts); the credit code is the enterprise's identity and
 * is not edited.
 */
export class UpdateEnterpriseDto {
  @ApiPropertyOptional({ example: '酒泉某新能源装备有限公司' })
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'suzhou', description: 'a district code from GET /districts' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'new_energy_equipment' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @ApiPropertyOptional({ description: '规上企业' })
  @IsOptional()
  @IsBoolean()
  isAboveScale?: boolean;

  @ApiPropertyOptional({ description: '重点企业' })
  @IsOptional()
  @IsBoolean()
  isKey?: boolean;

  @ApiPropertyOptional({ enum: TIERS, description: 'the tier (企业层级), which sets the visit interval' })
  @IsOptional()
  @IsIn(TIERS, { message: `tier must be one of ${TIERS.join(', ')}` })
  tier?: Tier;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Trim()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Trim()
  @MaxLength(100)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0937-2612345' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+()\- ]{5,30}$/, { message: 'contactPhone must be 5 to 30 digits, spaces, +, -, ( or )' })
  contactPhone?: string | null;
}
