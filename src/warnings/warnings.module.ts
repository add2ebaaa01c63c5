import { Module } from '@nestjs/common';
import { WarningsController } from './warnings.controller';
import { WarningsService } from './warnings.service';

/** Early warnings: the current list and the periodic scan that records each new one (needs ScheduleModule). */
@Module({ controllers: [WarningsController], providers: [WarningsService], exports: [WarningsService] })
export class WarningsModule {}
