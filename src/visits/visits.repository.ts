import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import type { Role } from '../access/role';
import { cursorValue, decodeCursor, Page, toPage } from '../common/pagination';
import { affected, execute, exists, maybeOne, one, rows, SqlParams } from '../common/sql';
import type { Tier } from '../enterprises/tiers';
import { visibleProblems } from '../problems/problem-access';
import { visibleVisits } from './visit-access';
import type { ListVisitsQuery, VisitSort } from './visit.dto';

/** The columns create writes. */
export interface VisitInsert {
  enterpriseId: string;
  visitedAt: string;
  purpose: string | null;
  notes: string | null;
  policiesPromoted: string[];
  createdBy: string;
}

/** A visit as read back: the visits row (its latest revision) with its enterprise, officials and the problems the reader may see. */
export interface VisitRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  districtName: string;
  tier: Tier;
  visitedAt: Date;
  purpose: string | null;
  notes: string | null;
  policiesPromoted: string[];
  revision: number;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawnByName: string | null;
  withdrawReason: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  officials: { id: string; displayName: string }[];
  problems: {
    id: string;
    code: string;
    status: string;
    title: string;
    departmentId: string | null;
    departmentName: string | null;
    dueAt: string | null;
  }[];
}

export type VisitListRow = VisitRow & { sortKey: string };

export interface VisitRevisionRow {
  revision: number;
  visitedAt: Date;
  purpose: string | null;
  notes: string | null;
  policiesPromoted: string[];
  officials: { id: string; displayName: string }[];
  reason: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

/** What an amendment or a withdrawal checks first, with the visit's row locked. */
export interface VisitActionState {
  id: string;
  revision: number;
  withdrawn: boolean;
  createdBy: string;
  visitedAt: Date;
  purpose: string | null;
  notes: string | null;
  policiesPromoted: string[];
  officialIds: string[];
}

/** The visit's latest state as an amendment writes it. */
export interface VisitAmendment {
  visitedAt: string;
  purpose: string | null;
  notes: string | null;
  policiesPromoted: string[];
}

/** The columns of a VisitRow; `problems` lists only those the reader may see. */
function visitColumns(user: AuthUser, p: SqlParams): string {
  return `v.id, v.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", e.district_code AS district,
    dis.name AS "districtName", e.tier, v.visited_at AS "visitedAt", v.purpose, v.notes,
    v.policies_promoted AS "policiesPromoted", v.revision, v.withdrawn_at AS "withdrawnAt",
    v.withdrawn_by AS "withdrawnBy", wu.display_name AS "withdrawnByName", v.withdraw_reason AS "withdrawReason",
    v.created_by AS "createdBy", cu.display_name AS "createdByName", v.created_at AS "createdAt",
    (SELECT coalesce(json_agg(json_build_object('id', ou.id, 'displayName', ou.display_name)
                              ORDER BY ou.display_name, ou.id), '[]')
       FROM visit_officials vo JOIN users ou ON ou.id = vo.user_id WHERE vo.visit_id = v.id) AS officials,
    (SELECT coalesce(json_agg(json_build_object('id', p.id, 'code', p.code, 'status', p.status, 'title', p.title,
                                                'departmentId', p.department_id, 'departmentName', dep.name,
                                                'dueAt', p.due_at) ORDER BY p.code), '[]')
       FROM problems p LEFT JOIN departments dep ON dep.id = p.department_id
       WHERE p.visit_id = v.id AND ${visibleProblems(user, p, 'p')}) AS problems`;
}

const VISIT_FROM = `visits v
  JOIN enterprises e ON e.id = v.enterprise_id
  JOIN districts dis ON dis.code = e.district_code
  JOIN users cu ON cu.id = v.created_by
  LEFT JOIN users wu ON wu.id = v.withdrawn_by`;

/** Sort keys from a fixed list, never client text. */
const SORTS: Record<VisitSort, { descending: boolean }> = {
  '-visitedAt': { descending: true },
  visitedAt: { descending: false },
};

/** Every statement on visits; each runs in the caller's transaction, as a visit is written with its problems. */
@Injectable()
export class VisitsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs `work` in one transaction; the statements that take an `em` join it. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The visit as this user may read it, or undefined when he may not (or it does not exist). */
  findVisible(user: AuthUser, id: string, em: EntityManager | DataSource = this.db): Promise<VisitRow | undefined> {
    const p = new SqlParams();
    const idParam = p.add(id);
    return maybeOne<VisitRow>(
      em,
      `SELECT ${visitColumns(user, p)} FROM ${VISIT_FROM}
       WHERE v.id = ${idParam}::uuid AND ${visibleVisits(user, p)}`,
      p.values,
    );
  }

  /** One keyset page of the visits this user may read, filtered and sorted. */
  async list(user: AuthUser, query: ListVisitsQuery): Promise<Page<VisitListRow>> {
    const limit = query.limit ?? 50;
    const sort = SORTS[query.sort ?? '-visitedAt'];
    const p = new SqlParams();
    const columns = visitColumns(user, p);
    const where = [visibleVisits(user, p)];
    if (query.officialId) {
      const official = p.add(query.officialId === 'me' ? user.id : query.officialId);
      where.push(
        `EXISTS (SELECT 1 FROM visit_officials fo WHERE fo.visit_id = v.id AND fo.user_id = ${official}::uuid)`,
      );
    }
    if (query.enterpriseId) where.push(`v.enterprise_id = ${p.add(query.enterpriseId)}::uuid`);
    if (query.district) where.push(`e.district_code = ${p.add(query.district)}`);
    if (query.tier) where.push(`e.tier = ${p.add(query.tier)}`);
    if (query.from) where.push(`v.visited_at >= ${p.add(query.from)}::timestamptz`);
    if (query.to) where.push(`v.visited_at < ${p.add(query.to)}::timestamptz`);
    if (query.status === 'recorded') where.push('v.withdrawn_at IS NULL');
    if (query.status === 'withdrawn') where.push('v.withdrawn_at IS NOT NULL');
    if (query.withProblems !== undefined) {
      where.push(
        `${query.withProblems ? '' : 'NOT '}EXISTS (SELECT 1 FROM problems p WHERE p.visit_id = v.id AND ${visibleProblems(user, p, 'p')})`,
      );
    }
    if (query.cursor) {
      const [afterKey, afterId] = decodeCursor(query.cursor, [cursorValue.timestamptz, cursorValue.uuid]);
      where.push(
        `(v.visited_at, v.id) ${sort.descending ? '<' : '>'} (${p.add(afterKey)}::timestamptz, ${p.add(afterId)}::uuid)`,
      );
    }
    const direction = sort.descending ? 'DESC' : 'ASC';
    const found = await rows<VisitListRow>(
      this.db,
      `SELECT ${columns}, v.visited_at::text AS "sortKey" FROM ${VISIT_FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY v.visited_at ${direction}, v.id ${direction}
       LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    return toPage(
      found,
      limit,
      (row) => row,
      (row) => [row.sortKey, row.id],
    );
  }

  /** Every revision of a visit, oldest (the original) first, with the officials each named. */
  revisions(id: string): Promise<VisitRevisionRow[]> {
    return rows<VisitRevisionRow>(
      this.db,
      `SELECT r.revision, r.visited_at AS "visitedAt", r.purpose, r.notes, r.policies_promoted AS "policiesPromoted",
              (SELECT coalesce(json_agg(json_build_object('id', ou.id, 'displayName', ou.display_name)
                                        ORDER BY ou.display_name, ou.id), '[]')
                 FROM users ou WHERE ou.id = ANY(r.official_ids)) AS officials,
              r.reason, r.recorded_by AS "recordedBy", ru.display_name AS "recordedByName", r.recorded_at AS "recordedAt"
       FROM visit_revisions r JOIN users ru ON ru.id = r.recorded_by
       WHERE r.visit_id = $1 ORDER BY r.revision`,
      [id],
    );
  }

  /** The visit's state for an amendment or a withdrawal, its row locked until the transaction ends. */
  findActionState(em: EntityManager, user: AuthUser, id: string): Promise<VisitActionState | undefined> {
    const p = new SqlParams();
    const idParam = p.add(id);
    return maybeOne<VisitActionState>(
      em,
      `SELECT v.id, v.revision, v.withdrawn_at IS NOT NULL AS withdrawn, v.created_by AS "createdBy",
              v.visited_at AS "visitedAt", v.purpose, v.notes, v.policies_promoted AS "policiesPromoted",
              ARRAY(SELECT vo.user_id FROM visit_officials vo WHERE vo.visit_id = v.id ORDER BY vo.user_id)::text[]
                AS "officialIds"
       FROM visits v WHERE v.id = ${idParam}::uuid AND ${visibleVisits(user, p)}
       FOR UPDATE OF v`,
      p.values,
    );
  }

  /**
   * Writes the amendment on the visits row and bumps its revision, only while the revision is the
   * one the client read and the visit is not withdrawn; answers the new revision, or undefined.
   */
  async amend(
    em: EntityManager,
    id: string,
    expectedRevision: number,
    change: VisitAmendment,
  ): Promise<number | undefined> {
    const row = await maybeOne<{ revision: number }>(
      em,
      `UPDATE visits SET visited_at = $3, purpose = $4, notes = $5, policies_promoted = $6, revision = revision + 1
       WHERE id = $1 AND revision = $2 AND withdrawn_at IS NULL
       RETURNING revision`,
      [id, expectedRevision, change.visitedAt, change.purpose, change.notes, change.policiesPromoted],
    );
    return row?.revision;
  }

  async replaceOfficials(em: EntityManager, visitId: string, userIds: string[]): Promise<void> {
    await execute(em, `DELETE FROM visit_officials WHERE visit_id = $1`, [visitId]);
    await this.insertOfficials(em, visitId, userIds);
  }

  /** The visit's current state as its latest revision, with who corrected it and why. */
  async insertRevision(em: EntityManager, visitId: string, reason: string, by: string): Promise<void> {
    await execute(
      em,
      `INSERT INTO visit_revisions (visit_id, revision, visited_at, purpose, notes, policies_promoted,
                                    official_ids, reason, recorded_by, recorded_at)
       SELECT v.id, v.revision, v.visited_at, v.purpose, v.notes, v.policies_promoted,
              (SELECT array_agg(vo.user_id ORDER BY vo.user_id) FROM visit_officials vo WHERE vo.visit_id = v.id),
              $2, $3, clock_timestamp()
       FROM visits v WHERE v.id = $1`,
      [visitId, reason, by],
    );
  }

  /** Marks the visit withdrawn, only at the revision the client read and when not withdrawn yet; answers rows touched. */
  withdraw(em: EntityManager, id: string, expectedRevision: number, by: string, reason: string): Promise<number> {
    return affected(
      em,
      `UPDATE visits SET withdrawn_at = clock_timestamp(), withdrawn_by = $3, withdraw_reason = $4
       WHERE id = $1 AND revision = $2 AND withdrawn_at IS NULL`,
      [id, expectedRevision, by, reason],
    );
  }

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
