import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { WarningsController } from './warnings.controller';
import { WarningsService } from './warnings.service';

/** Early warnings: the current list and the periodic scan that records each new one (needs ScheduleModule). */
@Module({
  imports: [NotificationsModule],
  controllers: [WarningsController],
  providers: [WarningsService],
  exports: [WarningsService],
})
export class WarningsModule {}
