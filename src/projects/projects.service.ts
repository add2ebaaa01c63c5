import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { mayRecordProgress } from './project-access';
import { PROJECT_STAGES } from './project-vocabulary';
import type { CreateProjectDto, InvestmentDto, ListProjectsQuery, StageDto, UpdateProjectDto } from './project.dto';
import {
  type InvestmentRow,
  type LinkedProblemRow,
  type ProjectFields,
  type ProjectRow,
  ProjectsRepository,
  type StageEventRow,
} from './projects.repository';

/** A ledger item: the project with its stage, investment to date and problem counts. */
export type ProjectItem = Omit<ProjectRow, 'createdAt' | 'updatedAt'> & {
  heldUp: boolean;
  createdAt: string;
  updatedAt: string;
};

export interface InvestmentMonth {
  month: string;
  /** The latest revision's amount: what every figure counts. */
  amountYuan: number;
  revisions: (Omit<InvestmentRow, 'month' | 'recordedAt'> & { recordedAt: string })[];
}

/** The project page: every field, the stage history, investment by month with revisions, linked problems. */
export type ProjectDetail = ProjectItem & {
  stageHistory: (Omit<StageEventRow, 'effectiveAt' | 'recordedAt'> & { effectiveAt: string; recordedAt: string })[];
  investments: InvestmentMonth[];
  problems: (Omit<LinkedProblemRow, 'dueAt'> & { dueAt: string | null })[];
  /** What the caller may do here, so clients offer nothing else. */
  canEdit: boolean;
  canRecordProgress: boolean;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function toProjectItem(row: ProjectRow): ProjectItem {
  const { createdAt, updatedAt, ...rest } = row;
  delete (rest as Partial<{ sortKey: string }>).sortKey;
  return {
    ...rest,
    heldUp: row.overdueProblems > 0,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, query: ListProjectsQuery): Promise<Page<ProjectItem>> {
    const limit = query.limit ?? 50;
    const found = await this.projects.list(user, query, limit);
    return toPage(found, limit, toProjectItem, (row) => [row.sortKey, row.id]);
  }

  /** Every project of the ledger the user sees under these filters (the export). */
  async all(user: AuthUser, query: ListProjectsQuery): Promise<ProjectItem[]> {
    return (await this.projects.list(user, { ...query, cursor: undefined }, null)).map(toProjectItem);
  }

  async get(user: AuthUser, id: string, em?: EntityManager): Promise<ProjectDetail> {
    const row = await this.projects.findVisible(user, id, em);
    if (!row) throw DomainError.notFound('project');
    // One after another: inside a transaction the three share one connection.
    const events = await this.projects.stageEvents(id, em);
    const investments = await this.projects.investments(id, em);
    const problems = await this.projects.problems(user, id, em);
    const manager = user.role === 'manager' || user.role === 'admin';
    return {
      ...toProjectItem(row),
      stageHistory: events.map((e) => ({
        ...e,
        effectiveAt: e.effectiveAt.toISOString(),
        recordedAt: e.recordedAt.toISOString(),
      })),
      investments: byMonth(investments),
      problems: problems.map((p) => ({ ...p, dueAt: p.dueAt?.toISOString() ?? null })),
      canEdit: manager,
      canRecordProgress: mayRecordProgress(user, row.departmentId),
    };
  }

  async create(user: AuthUser, dto: CreateProjectDto): Promise<ProjectDetail> {
    return this.projects.transaction(async (em) => {
      const fields: ProjectFields = {
        code: dto.code,
        planYear: dto.planYear,
        name: dto.name,
        ownerEnterpriseId: dto.ownerEnterpriseId ?? null,
        district: dto.district,
        industry: dto.industry ?? null,
        kind: dto.kind,
        plannedTotalInvestmentYuan: dto.plannedTotalInvestmentYuan ?? null,
        plannedAnnualInvestmentYuan: dto.plannedAnnualInvestmentYuan ?? null,
        plannedStartDate: dto.plannedStartDate ?? null,
        departmentId: dto.departmentId ?? null,
        leaderName: dto.leaderName ?? null,
      };
      await this.checkFields(em, fields);
      const id = await this.projects.insert(em, fields, user.id);
      if (id === undefined) throw DomainError.duplicate('code', 'a project with this code exists');
      return this.get(user, id, em);
    });
  }

  /** Changes descriptive fields (never the stage) of the version the client last read. */
  async update(user: AuthUser, id: string, version: number, dto: UpdateProjectDto): Promise<ProjectDetail> {
    for (const field of ['code', 'planYear', 'name', 'district', 'kind'] as const) {
      if (dto[field] === null) throw DomainError.invalidField(field, `${field} cannot be empty`);
    }
    return this.projects.transaction(async (em) => {
      const current = await this.projects.lock(em, user, id);
      if (!current) throw DomainError.notFound('project');
      if (current.version !== version) throw versionMismatch(current.version);
      const stored = await this.projects.fields(em, id);
      const merged: ProjectFields = { ...stored };
      for (const [key, value] of Object.entries(dto)) {
        if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
      }
      await this.checkFields(em, merged, id);
      await this.projects.update(em, id, merged);
      return this.get(user, id, em);
    });
  }

  /**
   * Records a stage event. A project moves forward through PROJECT_STAGES (it may skip a stage); a
   * step back is a correction of an earlier entry and needs a note. A stage takes effect no earlier
   * than the latest one recorded, so the history reads in order and the latest event is the stage.
   */
  async recordStage(user: AuthUser, id: string, version: number, dto: StageDto): Promise<ProjectDetail> {
    return this.projects.transaction(async (em) => {
      const current = await this.projects.lock(em, user, id);
      if (!current) throw DomainError.notFound('project');
      if (!mayRecordProgress(user, current.departmentId))
        throw DomainError.forbidden('only managers and the responsible department record stages');
      if (current.version !== version) throw versionMismatch(current.version);
      const from = PROJECT_STAGES.indexOf(current.stage);
      const to = PROJECT_STAGES.indexOf(dto.stage);
      if (to === from)
        throw new DomainError(ErrorCode.InvalidTransition, `the project is already in stage ${dto.stage}`, {
          stage: current.stage,
        });
      if (to < from && !dto.note)
        throw DomainError.invalidField('note', 'a step back is a correction: say why in a note');
      const effectiveAt = new Date(dto.effectiveAt);
      if (current.latestEffectiveAt && effectiveAt < current.latestEffectiveAt)
        throw DomainError.invalidField(
          'effectiveAt',
          `must not be before the latest stage change (${current.latestEffectiveAt.toISOString()})`,
        );
      await this.projects.recordStage(em, {
        projectId: id,
        stage: dto.stage,
        effectiveAt,
        note: dto.note ?? null,
        actorId: user.id,
      });
      return this.get(user, id, em);
    });
  }

  /**
   * Enters a month's completed investment. The first entry is revision 1; any later one is an
   * amendment with a reason, a new revision beside the original, which stays.
   */
  async recordInvestment(user: AuthUser, id: string, month: string, dto: InvestmentDto): Promise<ProjectDetail> {
    const match = MONTH.exec(month);
    if (!match) throw DomainError.invalidField('month', 'must be a month such as 2025-03');
    const now = DateTime.now().setZone(this.config.reportTimezone);
    if (month > now.toFormat('yyyy-MM')) throw DomainError.invalidField('month', 'must not be in the future');
    if (+match[1]! < 2000) throw DomainError.invalidField('month', 'must not be before 2000');
    return this.projects.transaction(async (em) => {
      const current = await this.projects.lock(em, user, id);
      if (!current) throw DomainError.notFound('project');
      if (!mayRecordProgress(user, current.departmentId))
        throw DomainError.forbidden('only managers and the responsible department record investment');
      const latest = await this.projects.latestRevision(em, id, month);
      if (latest > 0 && !dto.reason)
        throw DomainError.invalidField('reason', `${month} is entered already: an amendment needs a reason`);
      await this.projects.recordInvestment(em, {
        projectId: id,
        month,
        revision: latest + 1,
        amountYuan: dto.amountYuan,
        reason: dto.reason ?? null,
        by: user.id,
      });
      return this.get(user, id, em);
    });
  }

  private async checkFields(em: EntityManager, fields: ProjectFields, id: string | null = null): Promise<void> {
    const found = await this.projects.checkReferences(em, {
      district: fields.district,
      ownerEnterpriseId: fields.ownerEnterpriseId,
      departmentId: fields.departmentId,
    });
    if (!found.district) throw DomainError.invalidField('district', `no district has the code "${fields.district}"`);
    if (!found.enterprise) throw DomainError.invalidField('ownerEnterpriseId', 'no such enterprise');
    if (!found.department) throw DomainError.invalidField('departmentId', 'no such department');
    if (fields.plannedStartDate !== null && !DateTime.fromISO(fields.plannedStartDate).isValid)
      throw DomainError.invalidField('plannedStartDate', 'no such date');
    if (id !== null && (await this.projects.codeTaken(em, fields.code, id)))
      throw DomainError.duplicate('code', 'a project with this code exists');
  }
}

function versionMismatch(currentVersion: number): DomainError {
  return new DomainError(
    ErrorCode.VersionMismatch,
    `the project has changed since you read it (current version ${currentVersion}); reload it and try again`,
    { currentVersion },
  );
}

function byMonth(entries: InvestmentRow[]): InvestmentMonth[] {
  const months: InvestmentMonth[] = [];
  for (const { month, recordedAt, ...revision } of entries) {
    let current = months[months.length - 1];
    if (current?.month !== month) {
      current = { month, amountYuan: 0, revisions: [] };
      months.push(current);
    }
    current.revisions.push({ ...revision, recordedAt: recordedAt.toISOString() });
    current.amountYuan = revision.amountYuan;
  }
  return months;
}
