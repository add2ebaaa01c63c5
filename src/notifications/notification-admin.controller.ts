import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { NotificationChannelsService } from './notification-channels.service';
import { CreateChannelDto, DeliveriesQuery, UpdateChannelDto } from './notifications.dto';
import { ChannelListResponse, ChannelResponse, DeliveryListResponse, DeliveryResponse } from './notifications.response';

@ApiTags('notifications (admin)')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Roles('admin')
@Controller('admin')
export class NotificationAdminController {
  constructor(private readonly channels: NotificationChannelsService) {}

  @Get('notification-channels')
  @ApiOperation({ summary: 'The external channels, per department and per user (secrets never shown)' })
  @ApiOkResponse({ type: ChannelListResponse })
  list() {
    return this.channels.list();
  }

  @Post('notification-channels')
  @ApiOperation({
    summary: 'Adds a WeCom or DingTalk robot, an e-mail address or a webhook for a department or a user',
  })
  @ApiCreatedResponse({ type: ChannelResponse })
  create(@Body() body: CreateChannelDto) {
    return this.channels.create(body);
  }

  @Patch('notification-channels/:id')
  @ApiOperation({ summary: "Changes a channel's name, target, secret or switch" })
  @ApiOkResponse({ type: ChannelResponse })
  update(@Param('id', idParam('notification channel')) id: string, @Body() body: UpdateChannelDto) {
    return this.channels.update(id, body);
  }

  @Delete('notification-channels/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a channel and its delivery records' })
  @ApiNoContentResponse({ description: 'removed' })
  remove(@Param('id', idParam('notification channel')) id: string) {
    return this.channels.remove(id);
  }

  @Get('notification-deliveries')
  @ApiOperation({ summary: 'Deliveries, latest first (200 at most); `status=failed` is the dead-letter list' })
  @ApiOkResponse({ type: DeliveryListResponse })
  deliveries(@Query() query: DeliveriesQuery) {
    return this.channels.deliveries(query.status);
  }

  @Post('notification-deliveries/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sends a failed delivery again, with fresh attempts (409 unless it failed)' })
  @ApiOkResponse({ type: DeliveryResponse })
  retry(@Param('id', idParam('delivery')) id: string) {
    return this.channels.retry(id);
  }
}
