import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { Trim } from '../common/trim';
import {
  CHANNEL_KINDS,
  DELIVERY_STATUSES,
  NOTIFICATION_TYPES,
  type ChannelKind,
  type DeliveryStatus,
  type NotificationType,
} from './notification-types';

const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: the unread ones only' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean()
  unread?: boolean;
}

export class PreferenceItemDto {
  @ApiProperty({ enum: NOTIFICATION_TYPES })
  @IsIn(NOTIFICATION_TYPES)
  type: NotificationType;

  @ApiPropertyOptional({ description: 'false: not by WeCom' }) @IsOptional() @IsBoolean() wecom?: boolean;
  @ApiPropertyOptional({ description: 'false: not by DingTalk' }) @IsOptional() @IsBoolean() dingtalk?: boolean;
  @ApiPropertyOptional({ description: 'false: not by e-mail' }) @IsOptional() @IsBoolean() email?: boolean;
  @ApiPropertyOptional({ description: 'false: not by webhook' }) @IsOptional() @IsBoolean() webhook?: boolean;
}

export class PreferencesDto {
  @ApiProperty({
    type: [PreferenceItemDto],
    description: 'the whole choice: a type or channel left out is on; the inbox is always on',
  })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceItemDto)
  items: PreferenceItemDto[];
}

export class CreateChannelDto {
  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS)
  kind: ChannelKind;

  @ApiProperty({ example: '市工信局工作群机器人', maxLength: 60 })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(60)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the department whose channel it is (or userId)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the user whose channel it is (or departmentId)' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiProperty({
    description:
      "the robot's webhook URL (a `key` or `access_token` in it is kept as a secret and taken out of the URL), " +
      'the e-mail address, or the webhook URL',
    maxLength: 500,
  })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(500)
  target: string;

  @ApiPropertyOptional({
    description: "DingTalk's signing secret (SEC…) or the webhook's HMAC key; write-only",
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateChannelDto {
  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(60)
  name?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'as on creation; a key or token in it replaces the stored one' })
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(500)
  target?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 200,
    nullable: true,
    description: 'a new secret; null removes it; write-only',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class DeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: '`failed`: the dead-letter list' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}
