import { Module } from '@nestjs/common';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesRepository } from './enterprises.repository';
import { EnterprisesService } from './enterprises.service';
import { EnterpriseImportController } from './import/enterprise-import.controller';
import { EnterpriseImportRepository } from './import/enterprise-import.repository';
import { EnterpriseImportService } from './import/enterprise-import.service';

@Module({
  controllers: [EnterpriseImportController, EnterprisesController],
  providers: [EnterprisesRepository, EnterprisesService, EnterpriseImportRepository, EnterpriseImportService],
  exports: [EnterprisesService],
})
export class EnterprisesModule {}
