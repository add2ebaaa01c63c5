import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { MANAGERS } from '../access/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { CreateEnterpriseDto, ListEnterprisesQuery, UpdateEnterpriseDto } from './enterprise.dto';
import {
  type EditableFields,
  type EnterpriseChangeRow,
  type EnterpriseRow,
  EnterprisesRepository,
} from './enterprises.repository';
import type { ResponsibilityKind } from './tiers';

/** An enterprise as the API sends it: its row, with the instants as ISO text. */
export type EnterpriseResponse = Omit<EnterpriseRow, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

export interface ResponsiblePerson {
  responsibilityId: string;
  userId: string;
  displayName: string;
  kind: ResponsibilityKind;
  startsAt: string;
}

export interface EnterpriseVisitSummary {
  id: string;
  visitedAt: string;
  purpose: string | null;
  officials: string[];
  problemCount: number;
  status: 'recorded' | 'withdrawn';
}

export interface EnterpriseProblemSummary {
  id: string;
  code: string;
  title: string;
  status: string;
  departmentName: string | null;
  reportedAt: string;
  dueAt: string | null;
}

/** The enterprise page: the enterprise, who answers for it now, when it is due a visit, its visits and problems. */
export type EnterpriseDetail = EnterpriseResponse & {
  responsibleOfficials: ResponsiblePerson[];
  responsibleLeader: ResponsiblePerson | null;
  visitIntervalDays: number | null;
  lastVisitAt: string | null;
  nextVisitDueAt: string | null;
  recentVisits: EnterpriseVisitSummary[];
  problems: EnterpriseProblemSummary[];
  /** Whether the caller may edit it (PATCH): a manager, an admin or one of its responsible officials. */
  editable: boolean;
};

export interface EnterpriseChange {
  id: string;
  changedAt: string;
  changedBy: { id: string; displayName: string };
  source: 'import' | 'edit';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

function toEnterpriseResponse(row: EnterpriseRow): EnterpriseResponse {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** The fields an edit compares, in the order a change lists them. */
const EDITABLE = [
  'name',
  'district',
  'industry',
  'isAboveScale',
  'isKey',
  'tier',
  'address',
  'contactName',
  'contactPhone',
] as const satisfies readonly (keyof EditableFields)[];
/** Fields that must keep a value: `null` is refused for them. */
const REQUIRED: ReadonlySet<string> = new Set(['name', 'district', 'isAboveScale', 'isKey', 'tier']);

export function enterpriseVersionMismatch(currentVersion: number): DomainError {
  return new DomainError(
    ErrorCode.VersionMismatch,
    `the enterprise has changed since you read it (current version ${currentVersion}); reload it and try again`,
    { currentVersion },
  );
}

@Injectable()
export class EnterprisesService {
  constructor(private readonly enterprises: EnterprisesRepository) {}

  async create(user: AuthUser, dto: CreateEnterpriseDto): Promise<EnterpriseResponse> {
    await this.assertDistrict(dto.district);
    const id = await this.enterprises.insert({
      name: dto.name.trim(),
      uscc: dto.uscc ?? null,
      district: dto.district,
      industry: dto.industry ?? null,
      isAboveScale: dto.isAboveScale ?? false,
      isKey: dto.isKey ?? false,
      address: dto.address ?? null,
      contactName: dto.contactName ?? null,
      contactPhone: dto.contactPhone ?? null,
      createdBy: user.id,
    });
    if (id === undefined) throw DomainError.duplicate('uscc', 'an enterprise with this credit code is registered');
    const row = await this.enterprises.find(id);
    if (!row) throw DomainError.notFound('enterprise');
    return toEnterpriseResponse(row);
  }

  /** The enterprise if this user may see it, else 404 (enterprise-access.ts). */
  async visible(user: AuthUser, id: string): Promise<EnterpriseRow> {
    const row = await this.enterprises.findVisible(user, id);
    if (!row) throw DomainError.notFound('enterprise');
    return row;
  }

  async get(user: AuthUser, id: string): Promise<EnterpriseDetail> {
    const row = await this.visible(user, id);
    const [responsible, due, visits, problems, editable] = await Promise.all([
      this.enterprises.responsibleNow(id),
      this.enterprises.visitDue(id),
      this.enterprises.recentVisits(user, id),
      this.enterprises.problems(user, id),
      this.mayEdit(user, id),
    ]);
    const people = responsible.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() }));
    return {
      ...toEnterpriseResponse(row),
      responsibleOfficials: people.filter((r) => r.kind === 'official'),
      responsibleLeader: people.find((r) => r.kind === 'leader') ?? null,
      visitIntervalDays: due?.visitIntervalDays ?? null,
      lastVisitAt: due ? iso(due.lastVisitAt) : null,
      nextVisitDueAt: due ? iso(due.nextVisitDueAt) : null,
      recentVisits: visits.map((v) => ({
        id: v.id,
        visitedAt: v.visitedAt.toISOString(),
        purpose: v.purpose,
        officials: v.officials,
        problemCount: v.problemCount,
        status: v.withdrawn ? 'withdrawn' : 'recorded',
      })),
      problems: problems.map((p) => ({
        ...p,
        reportedAt: p.reportedAt.toISOString(),
        dueAt: iso(p.dueAt),
      })),
      editable,
    };
  }

  /**
   * Edits the fields sent, if the version is still `version`: one transaction that writes the
   * fields, bumps the version, records the change (before and after of the fields that changed)
   * and, when the tier changes, the tier change. Managers, admins and the enterprise's currently
   * responsible officials may edit; sending the values it already has changes nothing.
   */
  async update(user: AuthUser, id: string, version: number, dto: UpdateEnterpriseDto): Promise<EnterpriseDetail> {
    const sent = EDITABLE.filter((field) => dto[field] !== undefined);
    if (sent.length === 0) {
      throw DomainError.invalidField('body', `send at least one of ${EDITABLE.join(', ')}`);
    }
    for (const field of sent) {
      if (dto[field] === null && REQUIRED.has(field)) throw DomainError.invalidField(field, `${field} may not be null`);
    }
    if (dto.district !== undefined) await this.assertDistrict(dto.district);
    await this.visible(user, id);
    if (!(await this.mayEdit(user, id))) {
      throw DomainError.forbidden('only a manager, an admin or an official responsible for the enterprise may edit it');
    }
    await this.enterprises.transaction(async (em) => {
      const current = await this.enterprises.lock(em, id);
      if (!current) throw DomainError.notFound('enterprise');
      if (current.version !== version) throw enterpriseVersionMismatch(current.version);
      const after: EditableFields = { ...current };
      const before: Record<string, unknown> = {};
      const changed: Record<string, unknown> = {};
      for (const field of sent) {
        const value = typeof dto[field] === 'string' ? (dto[field] as string).trim() || null : dto[field];
        if (value === current[field]) continue;
        before[field] = current[field];
        changed[field] = value;
        (after as Record<string, unknown>)[field] = value;
      }
      if (Object.keys(changed).length === 0) return;
      await this.enterprises.update(em, id, after, { before, after: changed }, user.id, 'tier' in changed);
    });
    return this.get(user, id);
  }

  async changes(user: AuthUser, id: string): Promise<EnterpriseChange[]> {
    await this.visible(user, id);
    return (await this.enterprises.changes(id)).map((row: EnterpriseChangeRow) => ({
      id: row.id,
      changedAt: row.changedAt.toISOString(),
      changedBy: { id: row.changedBy, displayName: row.changedByName },
      source: row.source,
      before: row.before,
      after: row.after,
    }));
  }

  async list(query: ListEnterprisesQuery): Promise<Page<EnterpriseResponse>> {
    const limit = query.limit ?? 50;
    const rows = await this.enterprises.list(query, limit);
    return toPage(rows, limit, toEnterpriseResponse, (row) => [row.name, row.id]);
  }

  private async mayEdit(user: AuthUser, id: string): Promise<boolean> {
    if (MANAGERS.includes(user.role)) return true;
    if (user.role !== 'official') return false;
    return this.enterprises.isResponsible(user.id, id);
  }

  private async assertDistrict(code: string): Promise<void> {
    if (!(await this.enterprises.districtExists(code))) {
      throw DomainError.invalidField('district', `no district has the code "${code}"`);
    }
  }
}
