import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ReferenceModule } from '../reference/reference.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { ProblemsExportController } from './export/problems-export.controller';
import { ProblemsExportService } from './export/problems-export.service';
import { ProblemsController } from './problems.controller';
import { ProblemsRepository } from './problems.repository';
import { ProblemsService } from './problems.service';

@Module({
  imports: [IdempotencyModule, ReferenceModule, SupervisionModule],
  // The export controller first: GET /problems/export must be matched before GET /problems/:id.
  controllers: [ProblemsExportController, ProblemsController],
  providers: [ProblemsRepository, ProblemsService, ProblemsExportService],
  exports: [ProblemsService],
})
export class ProblemsModule {}
