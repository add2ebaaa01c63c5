import { Module } from '@nestjs/common';
import { SupervisionsController } from './supervisions.controller';
import { SupervisionsRepository } from './supervisions.repository';
import { SupervisionsService } from './supervisions.service';

/** The supervision ladder (督办): the list of supervisions; ProblemsService opens, ends and answers them. */
@Module({
  controllers: [SupervisionsController],
  providers: [SupervisionsRepository, SupervisionsService],
  exports: [SupervisionsRepository],
})
export class SupervisionModule {}
