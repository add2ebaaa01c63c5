import { ApiProperty } from '@nestjs/swagger';
import { ProblemResponse } from '../problems/problem.response';
import type { VisitResponse as VisitShape } from './visits.service';

export class VisitOfficialResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '张伟' })
  displayName: string;
}

export class VisitResponse implements VisitShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  enterpriseId: string;

  @ApiProperty({ format: 'date-time' })
  visitedAt: string;

  @ApiProperty({ type: String, nullable: true })
  purpose: string | null;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;

  @ApiProperty({ type: [String], example: ['稳岗补贴'] })
  policiesPromoted: string[];

  @ApiProperty({ type: [VisitOfficialResponse] })
  officials: VisitOfficialResponse[];

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [ProblemResponse], description: 'the problems raised in the visit, as recorded' })
  problems: ProblemResponse[];
}
