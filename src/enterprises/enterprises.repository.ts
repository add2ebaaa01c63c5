import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { cursorValue, decodeCursor } from '../common/pagination';
import { containsPattern, execute, exists, maybeOne, rows, SqlParams } from '../common/sql';
import { visibleProblems } from '../problems/problem-access';
import { visitDueSql } from '../responsibilities/visit-due.sql';
import type { ResponsibilityKind, Tier } from './tiers';
import type { ListEnterprisesQuery } from './enterprise.dto';
import { visibleEnterprises } from './enterprise-access';

/** The fields of an enterprise that create and import write, as the API names them. */
export interface EnterpriseFields {
  name: string;
  uscc: string | null;
  district: string;
  industry: string | null;
  isAboveScale: boolean;
  isKey: boolean;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** An enterprise as every read selects it, with its district's name. */
export interface EnterpriseRow extends EnterpriseFields {
  id: string;
  districtName: string;
  tier: Tier;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns create writes. */
export interface EnterpriseInsert extends EnterpriseFields {
  createdBy: string;
}

/** The fields an edit may change, as the API names them. */
export type EditableFields = Omit<EnterpriseFields, 'uscc'> & { tier: Tier };

/** An open responsibility for the enterprise page. */
export interface ResponsibleRow {
  responsibilityId: string;
  userId: string;
  displayName: string;
  kind: ResponsibilityKind;
  startsAt: Date;
}

/** When the enterprise is due a visit, by the one rule (visit-due.sql.ts). */
export interface VisitDueRow {
  visitIntervalDays: number;
  lastVisitAt: Date | null;
  nextVisitDueAt: Date;
}

export interface EnterpriseVisitRow {
  id: string;
  visitedAt: Date;
  purpose: string | null;
  officials: string[];
  problemCount: number;
  withdrawn: boolean;
}

export interface EnterpriseProblemRow {
  id: string;
  code: string;
  title: string;
  status: string;
  departmentName: string | null;
  reportedAt: Date;
  dueAt: Date | null;
}

export interface EnterpriseChangeRow {
  id: string;
  changedAt: Date;
  changedBy: string;
  changedByName: string;
  source: 'import' | 'edit';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const SELECT = `
  SELECT e.id, e.name, e.uscc, e.district_code AS district, d.name AS "districtName", e.industry,
         e.is_above_scale AS "isAboveScale", e.is_key AS "isKey", e.address,
         e.contact_name AS "contactName", e.contact_phone AS "contactPhone", e.tier, e.version,
         e.created_at AS "createdAt", e.updated_at AS "updatedAt"
  FROM enterprises e JOIN districts d ON d.code = e.district_code`;

/** Visits listed on the enterprise page, newest first. */
const RECENT_VISITS = 20;
/** Problems listed on the enterprise page, newest first. */
const PAGE_PROBLEMS = 100;

/** Every statement on enterprises outside the spreadsheet import (which keeps its own bulk upsert). */
@Injectable()
export class EnterprisesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs `work` in one transaction; the statements that take an `em` join it. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Inserts the enterprise and answers its id; undefined when its credit code is registered. */
  async insert(enterprise: EnterpriseInsert): Promise<string | undefined> {
    const row = await maybeOne<{ id: string }>(
      this.db,
      `INSERT INTO enterprises (name, uscc, district_code, industry, is_above_scale, is_key, address,
                                contact_name, contact_phone, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (uscc) DO NOTHING RETURNING id`,
      [
        enterprise.name,
        enterprise.uscc,
        enterprise.district,
        enterprise.industry,
        enterprise.isAboveScale,
        enterprise.isKey,
        enterprise.address,
        enterprise.contactName,
        enterprise.contactPhone,
        enterprise.createdBy,
      ],
    );
    return row?.id;
  }

  find(id: string): Promise<EnterpriseRow | undefined> {
    return maybeOne<EnterpriseRow>(this.db, `${SELECT} WHERE e.id = $1`, [id]);
  }

  /** The enterprise if this user may see it (enterprise-access.ts). */
  findVisible(user: AuthUser, id: string): Promise<EnterpriseRow | undefined> {
    const p = new SqlParams();
    return maybeOne<EnterpriseRow>(
      this.db,
      `${SELECT} WHERE e.id = ${p.add(id)} AND ${visibleEnterprises(user, p)}`,
      p.values,
    );
  }

  /** The enterprise locked until the transaction ends, for an edit. */
  lock(em: EntityManager, id: string): Promise<EnterpriseRow | undefined> {
    return maybeOne<EnterpriseRow>(em, `${SELECT} WHERE e.id = $1 FOR UPDATE OF e`, [id]);
  }

  /** Whether the user answers for the enterprise now (an open responsibility that has started). */
  isResponsible(userId: string, enterpriseId: string): Promise<boolean> {
    return exists(
      this.db,
      `SELECT 1 FROM responsibilities
       WHERE enterprise_id = $1 AND user_id = $2 AND ends_at IS NULL AND starts_at <= now()`,
      [enterpriseId, userId],
    );
  }

  /** Writes the edited fields, bumps the version and records the change (and a tier change). */
  async update(
    em: EntityManager,
    id: string,
    fields: EditableFields,
    change: { before: Record<string, unknown>; after: Record<string, unknown> },
    changedBy: string,
    tierChanged: boolean,
  ): Promise<void> {
    await execute(
      em,
      `UPDATE enterprises
       SET name = $2, district_code = $3, industry = $4, is_above_scale = $5, is_key = $6, address = $7,
           contact_name = $8, contact_phone = $9, tier = $10, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [
        id,
        fields.name,
        fields.district,
        fields.industry,
        fields.isAboveScale,
        fields.isKey,
        fields.address,
        fields.contactName,
        fields.contactPhone,
        fields.tier,
      ],
    );
    await execute(
      em,
      `INSERT INTO enterprise_changes (enterprise_id, changed_by, source, before, after)
       VALUES ($1, $2, 'edit', $3::jsonb, $4::jsonb)`,
      [id, changedBy, JSON.stringify(change.before), JSON.stringify(change.after)],
    );
    if (tierChanged) {
      await execute(em, `INSERT INTO enterprise_tier_changes (enterprise_id, tier, set_by) VALUES ($1, $2, $3)`, [
        id,
        fields.tier,
        changedBy,
      ]);
    }
  }

  /** Who answers for the enterprise now: open responsibilities that have started, leader first. */
  responsibleNow(id: string): Promise<ResponsibleRow[]> {
    return rows<ResponsibleRow>(
      this.db,
      `SELECT r.id AS "responsibilityId", r.user_id AS "userId", u.display_name AS "displayName", r.kind,
              r.starts_at AS "startsAt"
       FROM responsibilities r JOIN users u ON u.id = r.user_id
       WHERE r.enterprise_id = $1 AND r.ends_at IS NULL AND r.starts_at <= now()
       ORDER BY r.kind = 'leader' DESC, r.starts_at, u.display_name`,
      [id],
    );
  }

  /** When the enterprise is due a visit now; undefined when nobody answers for it. */
  visitDue(id: string): Promise<VisitDueRow | undefined> {
    return maybeOne<VisitDueRow>(
      this.db,
      `SELECT due.visit_interval_days AS "visitIntervalDays", due.last_visit_at AS "lastVisitAt",
              due.next_visit_due_at AS "nextVisitDueAt"
       FROM (${visitDueSql('now()')}) due WHERE due.enterprise_id = $1`,
      [id],
    );
  }

  /**
   * The enterprise's latest visits, withdrawn ones included and marked. A handler sees only the
   * visits that logged a problem of their department, and counts only those problems.
   */
  recentVisits(user: AuthUser, id: string): Promise<EnterpriseVisitRow[]> {
    const p = new SqlParams();
    const enterprise = p.add(id);
    const problems = visibleProblems(user, p, 'vp');
    const handler = user.role === 'handler';
    return rows<EnterpriseVisitRow>(
      this.db,
      `SELECT v.id, v.visited_at AS "visitedAt", v.purpose,
              coalesce((SELECT array_agg(u.display_name ORDER BY u.display_name)
                        FROM visit_officials vo JOIN users u ON u.id = vo.user_id WHERE vo.visit_id = v.id),
                       '{}') AS officials,
              (SELECT count(*)::int FROM problems vp WHERE vp.visit_id = v.id AND ${problems}) AS "problemCount",
              v.withdrawn_at IS NOT NULL AS withdrawn
       FROM visits v
       WHERE v.enterprise_id = ${enterprise}
         ${handler ? `AND EXISTS (SELECT 1 FROM problems vp WHERE vp.visit_id = v.id AND ${problems})` : ''}
       ORDER BY v.visited_at DESC, v.id DESC LIMIT ${RECENT_VISITS}`,
      p.values,
    );
  }

  /** The enterprise's problems this user may see, newest first. */
  problems(user: AuthUser, id: string): Promise<EnterpriseProblemRow[]> {
    const p = new SqlParams();
    return rows<EnterpriseProblemRow>(
      this.db,
      `SELECT p.id, p.code, p.title, p.status, dep.name AS "departmentName", p.reported_at AS "reportedAt",
              p.due_at AS "dueAt"
       FROM problems p LEFT JOIN departments dep ON dep.id = p.department_id
       WHERE p.enterprise_id = ${p.add(id)} AND ${visibleProblems(user, p)}
       ORDER BY p.reported_at DESC, p.id DESC LIMIT ${PAGE_PROBLEMS}`,
      p.values,
    );
  }

  /** Every recorded change of the enterprise's fields (imports and edits), newest first. */
  changes(id: string): Promise<EnterpriseChangeRow[]> {
    return rows<EnterpriseChangeRow>(
      this.db,
      `SELECT c.id::text AS id, c.changed_at AS "changedAt", c.changed_by AS "changedBy",
              u.display_name AS "changedByName", c.source, c.before, c.after
       FROM enterprise_changes c JOIN users u ON u.id = c.changed_by
       WHERE c.enterprise_id = $1
       ORDER BY c.changed_at DESC, c.id DESC`,
      [id],
    );
  }

  /** One page by name (keyset): `limit + 1` rows at most, so the caller knows whether more follow. */
  list(query: ListEnterprisesQuery, limit: number): Promise<EnterpriseRow[]> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.q) {
      const pattern = p.add(containsPattern(query.q));
      where.push(`(e.name ILIKE ${pattern} OR e.uscc ILIKE ${pattern})`);
    }
    if (query.district) where.push(`e.district_code = ${p.add(query.district)}`);
    if (query.industry) where.push(`e.industry = ${p.add(query.industry)}`);
    if (query.tier) where.push(`e.tier = ${p.add(query.tier)}`);
    if (query.responsibleUserId) {
      where.push(
        `EXISTS (SELECT 1 FROM responsibilities r WHERE r.enterprise_id = e.id AND r.user_id = ${p.add(
          query.responsibleUserId,
        )}::uuid AND r.ends_at IS NULL AND r.starts_at <= now())`,
      );
    }
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, [cursorValue.text, cursorValue.uuid]);
      where.push(`(e.name, e.id) > (${p.add(name)}, ${p.add(id)}::uuid)`);
    }
    return rows<EnterpriseRow>(
      this.db,
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.name, e.id LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
  }

  districtExists(code: string): Promise<boolean> {
    return exists(this.db, `SELECT 1 FROM districts WHERE code = $1`, [code]);
  }
}
