import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { cursorValue, decodeCursor } from '../common/pagination';
import { containsPattern, execute, exists, maybeOne, one, rows, SqlParams } from '../common/sql';
import { visibleProblems } from '../problems/problem-access';
import { OPEN_SQL_LIST } from '../workflow/status-sql';
import { visibleProjects } from './project-access';
import type { ProjectKind, ProjectStage } from './project-vocabulary';
import type { ListProjectsQuery, ProjectSort } from './project.dto';

/** The descriptive fields of a project as the API names them (create, PATCH and import write these). */
export interface ProjectFields {
  code: string;
  planYear: number;
  name: string;
  ownerEnterpriseId: string | null;
  district: string;
  industry: string | null;
  kind: ProjectKind;
  plannedTotalInvestmentYuan: number | null;
  plannedAnnualInvestmentYuan: number | null;
  plannedStartDate: string | null;
  departmentId: string | null;
  leaderName: string | null;
}

/** A project as the ledger and the project page read it. */
export interface ProjectRow extends ProjectFields {
  id: string;
  ownerEnterpriseName: string | null;
  districtName: string;
  departmentName: string | null;
  stage: ProjectStage;
  investmentToDateYuan: number;
  openProblems: number;
  overdueProblems: number;
  pastPlannedStart: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A ledger row with the value it is sorted by, as PostgreSQL prints it (for the cursor). */
export type ProjectListRow = ProjectRow & { sortKey: string };

export interface StageEventRow {
  id: string;
  stage: ProjectStage;
  effectiveAt: Date;
  note: string | null;
  actorId: string | null;
  actorName: string | null;
  recordedAt: Date;
}

export interface InvestmentRow {
  month: string;
  revision: number;
  amountYuan: number;
  reason: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
}

export interface LinkedProblemRow {
  id: string;
  code: string;
  title: string;
  status: string;
  departmentId: string | null;
  departmentName: string | null;
  dueAt: Date | null;
  overdue: boolean;
}

/** What a write reads (and locks) before it changes a project. */
export interface ProjectLock {
  id: string;
  stage: ProjectStage;
  departmentId: string | null;
  version: number;
  latestEffectiveAt: Date | null;
}

/** Which of a project's references exist. */
export interface ProjectReferenceCheck {
  district: boolean;
  enterprise: boolean;
  department: boolean;
}

/** The sort key of each ledger order, its SQL type (for the cursor) and the check of a cursor value. */
const SORT_KEYS: Record<string, { expr: string; type: string; check: (v: unknown) => boolean }> = {
  code: { expr: 'pr.code', type: 'text', check: cursorValue.text },
  name: { expr: 'pr.name', type: 'text', check: cursorValue.text },
  plannedStartDate: {
    expr: `coalesce(pr.planned_start_date, 'infinity'::date)`,
    type: 'date',
    check: (v) => v === 'infinity' || isCalendarDate(v),
  },
  investmentToDate: { expr: 'coalesce(inv.total, 0)', type: 'numeric', check: cursorValue.numeric },
};

/**
 * A project with its names, investment to date (each month's latest revision), open and overdue
 * problems, and whether it is past its planned start without having started. Aliases: `pr`.
 */
const PROJECT_SELECT = `
  SELECT pr.id, pr.code, pr.plan_year AS "planYear", pr.name,
         pr.owner_enterprise_id AS "ownerEnterpriseId", oe.name AS "ownerEnterpriseName",
         pr.district_code AS district, d.name AS "districtName", pr.industry, pr.kind,
         pr.planned_total_investment_yuan::float8 AS "plannedTotalInvestmentYuan",
         pr.planned_annual_investment_yuan::float8 AS "plannedAnnualInvestmentYuan",
         to_char(pr.planned_start_date, 'YYYY-MM-DD') AS "plannedStartDate",
         pr.department_id AS "departmentId", dep.name AS "departmentName", pr.leader_name AS "leaderName",
         pr.stage, pr.version, pr.created_at AS "createdAt", pr.updated_at AS "updatedAt",
         coalesce(inv.total, 0)::float8 AS "investmentToDateYuan",
         coalesce(pc.open, 0)::int AS "openProblems", coalesce(pc.overdue, 0)::int AS "overdueProblems",
         coalesce(pr.planned_start_date < current_date AND pr.stage = 'preparation', false) AS "pastPlannedStart"`;

const PROJECT_FROM = `
  FROM projects pr
  JOIN districts d ON d.code = pr.district_code
  LEFT JOIN enterprises oe ON oe.id = pr.owner_enterprise_id
  LEFT JOIN departments dep ON dep.id = pr.department_id
  LEFT JOIN LATERAL (
    SELECT sum(latest.amount_yuan) AS total
    FROM (SELECT DISTINCT ON (pi.month) pi.amount_yuan
          FROM project_investments pi WHERE pi.project_id = pr.id
          ORDER BY pi.month, pi.revision DESC) latest
  ) inv ON TRUE
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE lp.status IN (${OPEN_SQL_LIST})) AS open,
           count(*) FILTER (WHERE lp.status IN (${OPEN_SQL_LIST}) AND lp.due_at < now()) AS overdue
    FROM problems lp WHERE lp.project_id = pr.id
  ) pc ON TRUE`;

/** Every statement on projects, their stage events and monthly investment. */
@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** A project as `user` may see it; undefined when it does not exist or is not theirs to see. */
  findVisible(user: AuthUser, id: string, em?: EntityManager): Promise<ProjectRow | undefined> {
    const p = new SqlParams();
    return maybeOne<ProjectRow>(
      em ?? this.db,
      `${PROJECT_SELECT} ${PROJECT_FROM} WHERE pr.id = ${p.add(id)}::uuid AND ${visibleProjects(user, p)}`,
      p.values,
    );
  }

  /** One page of the ledger: `limit + 1` rows at most, so the caller knows whether more follow. */
  list(user: AuthUser, query: ListProjectsQuery, limit: number | null): Promise<ProjectListRow[]> {
    const p = new SqlParams();
    const where = [visibleProjects(user, p)];
    if (query.planYear !== undefined) where.push(`pr.plan_year = ${p.add(query.planYear)}`);
    if (query.district) where.push(`pr.district_code = ${p.add(query.district)}`);
    if (query.industry) where.push(`pr.industry = ${p.add(query.industry)}`);
    if (query.departmentId) where.push(`pr.department_id = ${p.add(query.departmentId)}::uuid`);
    if (query.stage) where.push(`pr.stage = ${p.add(query.stage)}`);
    if (query.kind) where.push(`pr.kind = ${p.add(query.kind)}`);
    if (query.q) {
      const pattern = p.add(containsPattern(query.q));
      where.push(`(pr.name ILIKE ${pattern} OR pr.code ILIKE ${pattern})`);
    }
    if (query.overdueProblems === true) where.push(`coalesce(pc.overdue, 0) > 0`);
    if (query.overdueProblems === false) where.push(`coalesce(pc.overdue, 0) = 0`);
    if (query.pastPlannedStart === true)
      where.push(`pr.planned_start_date < current_date AND pr.stage = 'preparation'`);
    if (query.pastPlannedStart === false)
      where.push(`NOT coalesce(pr.planned_start_date < current_date AND pr.stage = 'preparation', false)`);
    const { key, descending } = sortOf(query.sort ?? 'code');
    const sort = SORT_KEYS[key]!;
    if (query.cursor) {
      const [value, id] = decodeCursor(query.cursor, [sort.check, cursorValue.uuid]);
      where.push(`(${sort.expr}, pr.id) ${descending ? '<' : '>'} (${p.add(value)}::${sort.type}, ${p.add(id)}::uuid)`);
    }
    const direction = descending ? 'DESC' : 'ASC';
    return rows<ProjectListRow>(
      this.db,
      `${PROJECT_SELECT}, (${sort.expr})::text AS "sortKey" ${PROJECT_FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY ${sort.expr} ${direction}, pr.id ${direction}
       ${limit === null ? '' : `LIMIT ${p.add(limit + 1)}`}`,
      p.values,
    );
  }

  stageEvents(id: string, em?: EntityManager): Promise<StageEventRow[]> {
    return rows<StageEventRow>(
      em ?? this.db,
      `SELECT ev.id::text, ev.stage, ev.effective_at AS "effectiveAt", ev.note, ev.actor_id AS "actorId",
              u.display_name AS "actorName", ev.recorded_at AS "recordedAt"
       FROM project_stage_events ev LEFT JOIN users u ON u.id = ev.actor_id
       WHERE ev.project_id = $1
       ORDER BY ev.effective_at, ev.id`,
      [id],
    );
  }

  /** Every revision of every month, by month then revision. */
  investments(id: string, em?: EntityManager): Promise<InvestmentRow[]> {
    return rows<InvestmentRow>(
      em ?? this.db,
      `SELECT to_char(pi.month, 'YYYY-MM') AS month, pi.revision, pi.amount_yuan::float8 AS "amountYuan", pi.reason,
              pi.recorded_by AS "recordedBy", u.display_name AS "recordedByName", pi.recorded_at AS "recordedAt"
       FROM project_investments pi LEFT JOIN users u ON u.id = pi.recorded_by
       WHERE pi.project_id = $1
       ORDER BY pi.month, pi.revision`,
      [id],
    );
  }

  /** The problems that name the project, as `user` may see them, newest first. */
  problems(user: AuthUser, id: string, em?: EntityManager): Promise<LinkedProblemRow[]> {
    const p = new SqlParams();
    return rows<LinkedProblemRow>(
      em ?? this.db,
      `SELECT p.id, p.code, p.title, p.status, p.department_id AS "departmentId", dep.name AS "departmentName",
              p.due_at AS "dueAt",
              coalesce(p.status IN (${OPEN_SQL_LIST}) AND p.due_at < now(), false) AS overdue
       FROM problems p LEFT JOIN departments dep ON dep.id = p.department_id
       WHERE p.project_id = ${p.add(id)}::uuid AND ${visibleProblems(user, p)}
       ORDER BY p.reported_at DESC, p.id`,
      p.values,
    );
  }

  checkReferences(
    em: EntityManager,
    refs: { district: string | null; ownerEnterpriseId: string | null; departmentId: string | null },
  ): Promise<ProjectReferenceCheck> {
    return one<ProjectReferenceCheck>(
      em,
      `SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM districts WHERE code = $1)) AS district,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM enterprises WHERE id = $2)) AS enterprise,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM departments WHERE id = $3)) AS department`,
      [refs.district, refs.ownerEnterpriseId, refs.departmentId],
    );
  }

  /** Inserts a project and answers its id; undefined when its code is taken. */
  async insert(em: EntityManager, fields: ProjectFields, createdBy: string): Promise<string | undefined> {
    const row = await maybeOne<{ id: string }>(
      em,
      `INSERT INTO projects (code, plan_year, name, owner_enterprise_id, district_code, industry, kind,
                             planned_total_investment_yuan, planned_annual_investment_yuan, planned_start_date,
                             department_id, leader_name, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [...fieldValues(fields), createdBy],
    );
    return row?.id;
  }

  codeTaken(em: EntityManager, code: string, exceptId: string | null): Promise<boolean> {
    return exists(em, `SELECT 1 FROM projects WHERE code = $1 AND id IS DISTINCT FROM $2::uuid`, [code, exceptId]);
  }

  /** The project's code → id, for the import (which creates new codes and updates known ones). */
  async idsByCode(em: EntityManager, codes: string[]): Promise<Map<string, string>> {
    const found = await rows<{ code: string; id: string }>(
      em,
      `SELECT code, id FROM projects WHERE code = ANY($1::text[])`,
      [codes],
    );
    return new Map(found.map((r) => [r.code, r.id]));
  }

  /** Reads and locks a project `user` may see, with the effective instant of its latest stage event. */
  lock(em: EntityManager, user: AuthUser, id: string): Promise<ProjectLock | undefined> {
    const p = new SqlParams();
    return maybeOne<ProjectLock>(
      em,
      `SELECT pr.id, pr.stage, pr.department_id AS "departmentId", pr.version,
              (SELECT max(ev.effective_at) FROM project_stage_events ev WHERE ev.project_id = pr.id) AS "latestEffectiveAt"
       FROM projects pr WHERE pr.id = ${p.add(id)}::uuid AND ${visibleProjects(user, p)}
       FOR UPDATE OF pr`,
      p.values,
    );
  }

  /** Writes every descriptive field and moves the version on. */
  async update(em: EntityManager, id: string, fields: ProjectFields): Promise<void> {
    await execute(
      em,
      `UPDATE projects SET code = $1, plan_year = $2, name = $3, owner_enterprise_id = $4, district_code = $5,
              industry = $6, kind = $7, planned_total_investment_yuan = $8, planned_annual_investment_yuan = $9,
              planned_start_date = $10, department_id = $11, leader_name = $12,
              version = version + 1, updated_at = now()
       WHERE id = $13`,
      [...fieldValues(fields), id],
    );
  }

  /** The descriptive fields as stored, for PATCH to merge into. */
  fields(em: EntityManager, id: string): Promise<ProjectFields> {
    return one<ProjectFields>(
      em,
      `SELECT code, plan_year AS "planYear", name, owner_enterprise_id AS "ownerEnterpriseId",
              district_code AS district, industry, kind,
              planned_total_investment_yuan::float8 AS "plannedTotalInvestmentYuan",
              planned_annual_investment_yuan::float8 AS "plannedAnnualInvestmentYuan",
              to_char(planned_start_date, 'YYYY-MM-DD') AS "plannedStartDate",
              department_id AS "departmentId", leader_name AS "leaderName"
       FROM projects WHERE id = $1`,
      [id],
    );
  }

  /** Records a stage event and makes its stage the project's; the version moves on. */
  async recordStage(
    em: EntityManager,
    event: { projectId: string; stage: ProjectStage; effectiveAt: Date; note: string | null; actorId: string },
  ): Promise<void> {
    await execute(
      em,
      `WITH ev AS (
         INSERT INTO project_stage_events (project_id, stage, effective_at, note, actor_id)
         VALUES ($1, $2, $3, $4, $5)
       )
       UPDATE projects SET stage = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [event.projectId, event.stage, event.effectiveAt, event.note, event.actorId],
    );
  }

  /** The latest revision of a project's month, if any. */
  async latestRevision(em: EntityManager, projectId: string, month: string): Promise<number> {
    const row = await one<{ revision: number }>(
      em,
      `SELECT coalesce(max(revision), 0)::int AS revision FROM project_investments
       WHERE project_id = $1 AND month = ($2 || '-01')::date`,
      [projectId, month],
    );
    return row.revision;
  }

  /**
   * Adds a revision of a month's completed investment. The project's version stays: entries never
   * overwrite one another (each is a revision), so they need no If-Match.
   */
  async recordInvestment(
    em: EntityManager,
    entry: {
      projectId: string;
      month: string;
      revision: number;
      amountYuan: number;
      reason: string | null;
      by: string;
    },
  ): Promise<void> {
    await execute(
      em,
      `WITH entry AS (
         INSERT INTO project_investments (project_id, month, revision, amount_yuan, reason, recorded_by)
         VALUES ($1, ($2 || '-01')::date, $3, $4, $5, $6)
       )
       UPDATE projects SET updated_at = now() WHERE id = $1`,
      [entry.projectId, entry.month, entry.revision, entry.amountYuan, entry.reason, entry.by],
    );
  }
}

/** A real day written YYYY-MM-DD (no 30 February), so PostgreSQL takes it as a date without an error. */
function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '1000') return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function sortOf(sort: ProjectSort): { key: string; descending: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1), descending: true } : { key: sort, descending: false };
}

function fieldValues(f: ProjectFields): unknown[] {
  return [
    f.code,
    f.planYear,
    f.name,
    f.ownerEnterpriseId,
    f.district,
    f.industry,
    f.kind,
    f.plannedTotalInvestmentYuan,
    f.plannedAnnualInvestmentYuan,
    f.plannedStartDate,
    f.departmentId,
    f.leaderName,
  ];
}

/** Names the import resolves, read once per file. */
export interface ImportLookups {
  districts: { code: string; name: string; nameEn: string | null }[];
  departments: { id: string; name: string }[];
  enterprises: { id: string; name: string; uscc: string | null }[];
}

@Injectable()
export class ProjectImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Districts, departments, and the enterprises a file names (by name or credit code). */
  async lookups(ownerTexts: string[]): Promise<ImportLookups> {
    return {
      districts: await rows(this.db, `SELECT code, name, name_en AS "nameEn" FROM districts`),
      departments: await rows(this.db, `SELECT id, name FROM departments`),
      enterprises: await rows(
        this.db,
        `SELECT id, name, uscc FROM enterprises WHERE name = ANY($1::text[]) OR uscc = ANY($1::text[])`,
        [ownerTexts],
      ),
    };
  }
}
