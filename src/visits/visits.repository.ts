import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { execute, exists, one, rows } from '../common/sql';
import type { Role } from '../access/role';

/** The columns create writes. */
export interface VisitInsert {
  enterpriseId: string;
  visitedAt: string;
  purpose: string | null;
  notes: string | null;
  policiesPromoted: string[];
  createdBy: string;
}

/** Every statement on visits; each runs in the caller's transaction, as a visit is written with its problems. */
@Injectable()
export class VisitsRepository {
  enterpriseExists(em: EntityManager, id: string): Promise<boolean> {
    return exists(em, `SELECT 1 FROM enterprises WHERE id = $1`, [id]);
  }

  /** The enabled users among `ids` whose role is one of `roles`, in the order of `ids`. */
  enabledUsers(
    em: EntityManager,
    ids: string[],
    roles: readonly Role[],
  ): Promise<{ id: string; displayName: string }[]> {
    return rows(
      em,
      `SELECT id, display_name AS "displayName" FROM users
       WHERE id = ANY($1::uuid[]) AND NOT disabled AND role = ANY($2::text[])
       ORDER BY array_position($1::uuid[], id)`,
      [ids, roles],
    );
  }

  insert(em: EntityManager, visit: VisitInsert): Promise<{ id: string; visitedAt: Date; createdAt: Date }> {
    return one(
      em,
      `INSERT INTO visits (enterprise_id, visited_at, purpose, notes, policies_promoted, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, visited_at AS "visitedAt", created_at AS "createdAt"`,
      [visit.enterpriseId, visit.visitedAt, visit.purpose, visit.notes, visit.policiesPromoted, visit.createdBy],
    );
  }

  async insertOfficials(em: EntityManager, visitId: string, userIds: string[]): Promise<void> {
    await execute(em, `INSERT INTO visit_officials (visit_id, user_id) SELECT $1, unnest($2::uuid[])`, [
      visitId,
      userIds,
    ]);
  }

  /** Revision 1: the visit as first recorded, kept whatever amendments follow. */
  async insertFirstRevision(em: EntityManager, visitId: string): Promise<void> {
    await execute(
      em,
      `INSERT INTO visit_revisions (visit_id, revision, visited_at, purpose, notes, policies_promoted,
                                    official_ids, recorded_by, recorded_at)
       SELECT v.id, 1, v.visited_at, v.purpose, v.notes, v.policies_promoted,
              (SELECT array_agg(vo.user_id ORDER BY vo.user_id) FROM visit_officials vo WHERE vo.visit_id = v.id),
              v.created_by, v.created_at
       FROM visits v WHERE v.id = $1`,
      [visitId],
    );
  }
}
