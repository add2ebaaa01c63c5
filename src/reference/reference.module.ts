import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { ReferenceController } from './reference.controller';
import { ReferenceService } from './reference.service';

@Module({
  controllers: [ReferenceController, CalendarController],
  providers: [ReferenceService, CalendarService, CalendarRepository],
  exports: [CalendarService],
})
export class ReferenceModule {}
