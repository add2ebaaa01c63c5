import { Module } from '@nestjs/common';
import { ProjectFiguresController } from './project-figures.controller';
import { ProjectsController } from './projects.controller';
import { ProjectFiguresRepository } from './projects-figures.repository';
import { ProjectFiguresService } from './projects-figures.service';
import { ProjectImportRepository, ProjectsRepository } from './projects.repository';
import { ProjectsTransferController } from './projects-transfer.controller';
import { ProjectsTransferService } from './projects-transfer.service';
import { ProjectsService } from './projects.service';

@Module({
  // The transfer controller first: GET /projects/export must be matched before GET /projects/:id.
  controllers: [ProjectsTransferController, ProjectsController, ProjectFiguresController],
  providers: [
    ProjectsRepository,
    ProjectImportRepository,
    ProjectsService,
    ProjectsTransferService,
    ProjectFiguresRepository,
    ProjectFiguresService,
  ],
  exports: [ProjectFiguresService],
})
export class ProjectsModule {}
