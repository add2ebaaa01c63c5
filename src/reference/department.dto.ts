import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../common/trim';

export class CreateDepartmentDto {
  @ApiProperty({ example: '市工信局' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'gxj', description: 'short stable code: letters, digits, dash or underscore' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'code must be 1 to 40 letters, digits, dashes or underscores' })
  code: string;
}
