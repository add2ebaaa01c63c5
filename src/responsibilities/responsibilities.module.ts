import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { AssignmentImportService } from './assignment-import.service';
import { ResponsibilitiesController } from './responsibilities.controller';
import { ResponsibilitiesRepository } from './responsibilities.repository';
import { ResponsibilitiesService } from './responsibilities.service';

@Module({
  imports: [EnterprisesModule],
  controllers: [ResponsibilitiesController],
  providers: [ResponsibilitiesRepository, ResponsibilitiesService, AssignmentImportService],
})
export class ResponsibilitiesModule {}
