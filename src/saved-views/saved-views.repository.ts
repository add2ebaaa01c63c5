import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affected, maybeOne, one, rows, type Queryable } from '../common/sql';

/** A saved view as every statement answers it. */
export interface SavedViewRow {
  id: string;
  name: string;
  query: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, name, query, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Every statement on saved_views; the rules (cap, duplicate names) stay in SavedViewsService. */
@Injectable()
export class SavedViewsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The user's views, by name. */
  list(userId: string): Promise<SavedViewRow[]> {
    return rows<SavedViewRow>(
      this.db,
      `SELECT ${COLUMNS} FROM saved_views WHERE user_id = $1 ORDER BY lower(name), id`,
      [userId],
    );
  }

  /** Locks the user's row, so that two saves of one user count and name their views one after the other. */
  async lockOwner(em: EntityManager, userId: string): Promise<void> {
    await rows<{ id: string }>(em, `SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  }

  async count(db: Queryable, userId: string): Promise<number> {
    return (
      await one<{ count: number }>(db, `SELECT count(*)::int AS count FROM saved_views WHERE user_id = $1`, [userId])
    ).count;
  }

  /** The user's view of this name (any case). */
  findByName(db: Queryable, userId: string, name: string): Promise<SavedViewRow | undefined> {
    return maybeOne<SavedViewRow>(
      db,
      `SELECT ${COLUMNS} FROM saved_views WHERE user_id = $1 AND lower(name) = lower($2)`,
      [userId, name],
    );
  }

  insert(db: Queryable, userId: string, name: string, query: string): Promise<SavedViewRow> {
    return one<SavedViewRow>(
      db,
      `INSERT INTO saved_views (user_id, name, query) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [userId, name, query],
    );
  }

  /** Gives a view of the user a new name (its case may change) and query. */
  replace(db: Queryable, id: string, name: string, query: string): Promise<SavedViewRow> {
    return one<SavedViewRow>(
      db,
      `UPDATE saved_views SET name = $2, query = $3, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, name, query],
    );
  }

  /** Deletes the view if it is the user's; answers whether it was. */
  async delete(userId: string, id: string): Promise<boolean> {
    return (await affected(this.db, `DELETE FROM saved_views WHERE id = $1 AND user_id = $2`, [id, userId])) > 0;
  }
}
