import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiDefaultResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { InboxQuery, PreferencesDto } from './notifications.dto';
import { InboxResponse, NotificationItem, PreferencesResponse, ReadAllResponse } from './notifications.response';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({ summary: "The caller's notifications, newest first, with the unread count" })
  @ApiOkResponse({ type: InboxResponse })
  inbox(@CurrentUser() user: AuthUser, @Query() query: InboxQuery) {
    return this.notifications.inbox(user, query);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks all the caller's notifications read" })
  @ApiOkResponse({ type: ReadAllResponse })
  readAll(@CurrentUser() user: AuthUser) {
    return this.notifications.markAllRead(user);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks one of the caller's notifications read (another user's is 404)" })
  @ApiOkResponse({ type: NotificationItem })
  read(@CurrentUser() user: AuthUser, @Param('id', idParam('notification')) id: string) {
    return this.notifications.markRead(user, id);
  }

  @Get('me/notification-preferences')
  @ApiOperation({ summary: 'Which types reach the caller on which kind of channel (the inbox always)' })
  @ApiOkResponse({ type: PreferencesResponse })
  preferences(@CurrentUser() user: AuthUser) {
    return this.notifications.preferences(user);
  }

  @Put('me/notification-preferences')
  @ApiOperation({ summary: "Replaces the caller's choices: a type or channel left out is on" })
  @ApiOkResponse({ type: PreferencesResponse })
  savePreferences(@CurrentUser() user: AuthUser, @Body() body: PreferencesDto) {
    return this.notifications.savePreferences(user, body);
  }
}
