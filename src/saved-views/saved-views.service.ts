import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { DomainError, ErrorCode } from '../common/domain-error';
import { SaveViewDto } from './saved-view.dto';
import { SavedViewResponse } from './saved-view.response';
import { SavedViewRow, SavedViewsRepository } from './saved-views.repository';

/** How many views one user may keep. */
export const SAVED_VIEWS_PER_USER = 50;

const toResponse = (row: SavedViewRow): SavedViewResponse => ({
  id: row.id,
  name: row.name,
  query: row.query,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Each user's named list filters. A user sees and changes only their own; another's is "not found". */
@Injectable()
export class SavedViewsService {
  constructor(private readonly views: SavedViewsRepository) {}

  async list(user: AuthUser): Promise<SavedViewResponse[]> {
    return (await this.views.list(user.id)).map(toResponse);
  }

  /** Saves a view under a name; a name taken (in any case) is a 409 unless `replace` is set. */
  save(user: AuthUser, dto: SaveViewDto): Promise<SavedViewResponse> {
    return this.views.transaction(async (em) => {
      await this.views.lockOwner(em, user.id);
      const existing = await this.views.findByName(em, user.id, dto.name);
      if (existing) {
        if (!dto.replace) throw DomainError.duplicate('name', 'you already have a view of this name');
        return toResponse(await this.views.replace(em, existing.id, dto.name, dto.query));
      }
      if ((await this.views.count(em, user.id)) >= SAVED_VIEWS_PER_USER) {
        throw new DomainError(ErrorCode.Conflict, `a user keeps at most ${SAVED_VIEWS_PER_USER} saved views`, {
          limit: SAVED_VIEWS_PER_USER,
        });
      }
      return toResponse(await this.views.insert(em, user.id, dto.name, dto.query));
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    if (!(await this.views.delete(user.id, id))) throw DomainError.notFound('saved view');
  }
}
