import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNEL_KINDS,
  DELIVERY_STATUSES,
  NOTIFICATION_TYPES,
  type ChannelKind,
  type DeliveryStatus,
  type NotificationType,
} from './notification-types';

export class NotificationItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiPropertyOptional({ format: 'uuid', description: 'the problem it is about, when it is about one' })
  problemId?: string;
  @ApiProperty({ description: 'short, in Chinese' }) title: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class InboxResponse {
  @ApiProperty({ type: [NotificationItem] }) items: NotificationItem[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as `cursor` for the next page' })
  nextCursor: string | null;
  @ApiProperty({ description: "the caller's unread notifications, all of them" }) unreadCount: number;
}

export class ReadAllResponse {
  @ApiProperty({ description: 'how many were marked read' }) updated: number;
}

export class PreferenceItem {
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty({ description: 'the Chinese name of the type' }) label: string;
  @ApiProperty({ description: 'always true: the inbox cannot be switched off' }) inbox: boolean;
  @ApiProperty() wecom: boolean;
  @ApiProperty() dingtalk: boolean;
  @ApiProperty() email: boolean;
  @ApiProperty() webhook: boolean;
}

export class PreferencesResponse {
  @ApiProperty({ type: [PreferenceItem] }) items: PreferenceItem[];
}

export class ChannelResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CHANNEL_KINDS }) kind: ChannelKind;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) userName: string | null;
  @ApiProperty({ description: 'the URL without its key or token, or the e-mail address' }) target: string;
  @ApiProperty({ description: 'whether a robot key or access token is stored (never shown)' }) hasToken: boolean;
  @ApiProperty({ description: 'whether a signing secret is stored (never shown)' }) hasSecret: boolean;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ChannelListResponse {
  @ApiProperty({ type: [ChannelResponse] }) items: ChannelResponse[];
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) channelId: string;
  @ApiProperty() channelName: string;
  @ApiProperty({ enum: CHANNEL_KINDS }) kind: ChannelKind;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) problemId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'why the last attempt failed' }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse] }) items: DeliveryResponse[];
}
