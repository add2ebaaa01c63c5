import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { cursorValue, decodeCursor, type Page, toPage } from '../common/pagination';
import type { ListSupervisionsQuery } from './supervision.dto';
import { type SupervisionResponse, toSupervisionResponse } from './supervision.response';
import { SupervisionsRepository } from './supervisions.repository';

@Injectable()
export class SupervisionsService {
  constructor(private readonly repository: SupervisionsRepository) {}

  /** Supervisions newest first, as `user` may see them (a handler: their department's problems). */
  async list(user: AuthUser, query: ListSupervisionsQuery): Promise<Page<SupervisionResponse>> {
    const limit = query.limit ?? 50;
    const after = query.cursor
      ? (decodeCursor(query.cursor, [cursorValue.timestamptz, cursorValue.uuid]) as [string, string])
      : undefined;
    const found = await this.repository.list(user, {
      status: query.status ?? 'active',
      level: query.level,
      after,
      limit,
    });
    return toPage(found, limit, toSupervisionResponse, (row) => [row.sortKey, row.id]);
  }
}
