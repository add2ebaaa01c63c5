import { Module } from '@nestjs/common';
import { ProjectFiguresController } from './project-figures.controller';
import { ProjectsController } from './projects.controller';
import { ProjectFiguresRepository } from './projects-figures.repository';
import { ProjectFiguresService } from './projects-figures.service';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsController, ProjectFiguresController],
  providers: [ProjectsRepository, ProjectsService, ProjectFiguresRepository, ProjectFiguresService],
  exports: [ProjectFiguresService],
})
export class ProjectsModule {}
