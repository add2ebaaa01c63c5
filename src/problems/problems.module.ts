import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferenceModule } from '../reference/reference.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { ProblemsExportController } from './export/problems-export.controller';
import { ProblemsExportService } from './export/problems-export.service';
import { ExtensionsController } from './extensions/extensions.controller';
import { ExtensionsRepository } from './extensions/extensions.repository';
import { ProblemsController } from './problems.controller';
import { ProblemsRepository } from './problems.repository';
import { ProblemsService } from './problems.service';

@Module({
  imports: [IdempotencyModule, ReferenceModule, NotificationsModule, AttachmentsModule, SupervisionModule],
  // The export controller first: GET /problems/export must be matched before GET /problems/:id.
  controllers: [ProblemsExportController, ProblemsController, ExtensionsController],
  providers: [ProblemsRepository, ProblemsService, ProblemsExportService, ExtensionsRepository],
  exports: [ProblemsService],
})
export class ProblemsModule {}
