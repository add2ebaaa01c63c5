import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { DeliveryService } from './delivery.service';
import { NotificationAdminController } from './notification-admin.controller';
import { NotificationChannelsService } from './notification-channels.service';
import { NotificationWorker } from './notification-worker';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** The outbox, the inbox, the channels and the queue's worker (issue 16). */
@Module({
  imports: [ReportsModule],
  controllers: [NotificationsController, NotificationAdminController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationChannelsService,
    DeliveryService,
    NotificationWorker,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
