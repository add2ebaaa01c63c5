import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { WeeklyService } from './weekly/weekly.service';

@Module({ controllers: [ReportsController], providers: [ReportsService, WeeklyService] })
export class ReportsModule {}
