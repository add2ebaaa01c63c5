import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import type { AttachmentResponse } from '../attachments/attachment.response';
import { AttachmentsService } from '../attachments/attachments.service';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ProblemResponse } from '../problems/problem-response';
import { ProblemsService } from '../problems/problems.service';
import type { Role } from '../access/role';
import type { Page } from '../common/pagination';
import type { Tier } from '../enterprises/tiers';
import { AmendVisitDto, CreateVisitDto, ListVisitsQuery, VisitStatus } from './visit.dto';
import { VisitActionState, VisitRevisionRow, VisitRow, VisitsRepository } from './visits.repository';

/** The roles whose users may be named as a visit's officials. */
const VISITING_ROLES: readonly Role[] = ['official', 'manager', 'admin'];

export interface VisitResponse {
  id: string;
  enterpriseId: string;
  visitedAt: string;
  purpose: string | null;
  notes: string | null;
  policiesPromoted: string[];
  officials: { id: string; displayName: string }[];
  createdBy: string;
  createdAt: string;
  problems: ProblemResponse[];
}

/** A visit as read back (GET /visits/:id and the items of GET /visits). */
export interface VisitView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  districtName: string;
  tier: Tier;
  visitedAt: string;
  officials: { id: string; displayName: string }[];
  purpose: string | null;
  policiesPromoted: string[];
  notes: string | null;
  problems: {
    id: string;
    code: string;
    status: string;
    title: string;
    departmentId: string | null;
    departmentName: string | null;
    dueAt: string | null;
  }[];
  status: VisitStatus;
  revision: number;
  withdrawn: { at: string; by: { id: string; displayName: string }; reason: string } | null;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  /** Whether the caller may amend or withdraw it now. */
  canAmend: boolean;
  /** On a single visit: its photos and letters, oldest first. */
  attachments?: AttachmentResponse[];
}

/** The fields an amendment may change, as the revision history names them. */
export const AMENDABLE_FIELDS = ['visitedAt', 'purpose', 'notes', 'policiesPromoted', 'officials'] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

export interface VisitRevisionView {
  revision: number;
  visitedAt: string;
  purpose: string | null;
  notes: string | null;
  policiesPromoted: string[];
  officials: { id: string; displayName: string }[];
  /** null for revision 1, the visit as first recorded. */
  reason: string | null;
  recordedBy: { id: string; displayName: string };
  recordedAt: string;
  /** The fields that differ from the revision before (none for revision 1). */
  changed: AmendableField[];
}

@Injectable()
export class VisitsService {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly problems: ProblemsService,
    private readonly attachments: AttachmentsService,
  ) {}

  /** The visit, its officials and its problems: written together in the caller's transaction. */
  async create(em: EntityManager, user: AuthUser, dto: CreateVisitDto): Promise<VisitResponse> {
    if (!(await this.visits.enterpriseExists(em, dto.enterpriseId)))
      throw DomainError.invalidField('enterpriseId', 'no such enterprise');

    const officialIds = [...new Set([user.id, ...(dto.officialIds ?? [])])];
    const officials = await this.visits.enabledUsers(em, officialIds, VISITING_ROLES);
    if (officials.length !== officialIds.length) {
      throw DomainError.invalidField('officialIds', 'each must be an enabled official, manager or admin');
    }

    const visit = await this.visits.insert(em, {
      enterpriseId: dto.enterpriseId,
      visitedAt: dto.visitedAt,
      purpose: dto.purpose ?? null,
      notes: dto.notes ?? null,
      policiesPromoted: dto.policiesPromoted ?? [],
      createdBy: user.id,
    });
    await this.visits.insertOfficials(em, visit.id, officialIds);
    await this.visits.insertFirstRevision(em, visit.id);

    const problems: ProblemResponse[] = [];
    for (const [index, problem] of (dto.problems ?? []).entries()) {
      try {
        problems.push(
          await this.problems.create(em, user, {
            ...problem,
            source: problem.source ?? 'visit',
            enterpriseId: dto.enterpriseId,
            visitId: visit.id,
          }),
        );
      } catch (error) {
        throw prefixFields(error, `problems.${index}`);
      }
    }

    return {
      id: visit.id,
      enterpriseId: dto.enterpriseId,
      visitedAt: visit.visitedAt.toISOString(),
      purpose: dto.purpose ?? null,
      notes: dto.notes ?? null,
      policiesPromoted: dto.policiesPromoted ?? [],
      officials,
      createdBy: user.id,
      createdAt: visit.createdAt.toISOString(),
      problems,
    };
  }

  /** The visit as this user may read it; 404 when he may not, exactly as when it does not exist. */
  async get(user: AuthUser, id: string): Promise<VisitView> {
    const row = await this.visits.findVisible(user, id);
    if (!row) throw DomainError.notFound('visit');
    return { ...toView(user, row), attachments: await this.attachments.ofVisit(id) };
  }

  async list(user: AuthUser, query: ListVisitsQuery): Promise<Page<VisitView>> {
    const page = await this.visits.list(user, query);
    return { items: page.items.map((row) => toView(user, row)), nextCursor: page.nextCursor };
  }

  /** Every revision, oldest first; revision 1 is the visit as first recorded. */
  async revisions(user: AuthUser, id: string): Promise<VisitRevisionView[]> {
    if (!(await this.visits.findVisible(user, id))) throw DomainError.notFound('visit');
    const revisions = (await this.visits.revisions(id)).map(toRevisionView);
    return revisions.map((revision, index) => ({
      ...revision,
      changed: index === 0 ? [] : changedFields(revisions[index - 1]!, revision),
    }));
  }

  /**
   * A correction: a new revision with who and why, the visits row and its officials brought to it;
   * one transaction, the row locked, and the update conditional on the revision the client read.
   */
  async amend(user: AuthUser, id: string, expectedRevision: number, dto: AmendVisitDto): Promise<VisitView> {
    return this.visits.transaction(async (em) => {
      const current = await this.actionState(em, user, id, expectedRevision, 'amend');
      const next = {
        visitedAt: dto.visitedAt ?? current.visitedAt.toISOString(),
        purpose: dto.purpose === undefined ? current.purpose : dto.purpose,
        notes: dto.notes === undefined ? current.notes : dto.notes,
        policiesPromoted: dto.policiesPromoted ?? current.policiesPromoted,
      };
      const sameOfficials =
        dto.officialIds === undefined ||
        JSON.stringify([...dto.officialIds].sort()) === JSON.stringify([...current.officialIds].sort());
      if (
        Date.parse(next.visitedAt) === current.visitedAt.getTime() &&
        next.purpose === current.purpose &&
        next.notes === current.notes &&
        JSON.stringify(next.policiesPromoted) === JSON.stringify(current.policiesPromoted) &&
        sameOfficials
      ) {
        throw DomainError.invalidField(
          'body',
          'an amendment changes at least one of visitedAt, purpose, notes, policiesPromoted, officialIds',
        );
      }
      if (dto.officialIds !== undefined) {
        const found = await this.visits.enabledUsers(em, dto.officialIds, VISITING_ROLES);
        if (found.length !== dto.officialIds.length) {
          throw DomainError.invalidField('officialIds', 'each must be an enabled official, manager or admin');
        }
      }
      const revision = await this.visits.amend(em, id, expectedRevision, next);
      if (revision === undefined) throw revisionMismatch(expectedRevision + 1);
      if (dto.officialIds !== undefined) await this.visits.replaceOfficials(em, id, dto.officialIds);
      await this.visits.insertRevision(em, id, dto.reason, user.id);
      return this.readAfterWrite(em, user, id);
    });
  }

  /** Withdrawn (entered by mistake) with a reason; its problems stay, they are problems in their own right. */
  async withdraw(user: AuthUser, id: string, expectedRevision: number, reason: string): Promise<VisitView> {
    return this.visits.transaction(async (em) => {
      await this.actionState(em, user, id, expectedRevision, 'withdraw');
      if ((await this.visits.withdraw(em, id, expectedRevision, user.id, reason)) !== 1) {
        throw revisionMismatch(expectedRevision + 1);
      }
      return this.readAfterWrite(em, user, id);
    });
  }

  /** Visibility (404), who may act (403), withdrawn (409), then the revision the client read (412). */
  private async actionState(
    em: EntityManager,
    user: AuthUser,
    id: string,
    expectedRevision: number,
    action: 'amend' | 'withdraw',
  ): Promise<VisitActionState> {
    const current = await this.visits.findActionState(em, user, id);
    if (!current) throw DomainError.notFound('visit');
    if (!mayAmend(user, current)) {
      throw DomainError.forbidden(`only the visit's officials, managers and admins may ${action} it`);
    }
    if (current.withdrawn) {
      throw new DomainError(
        ErrorCode.Conflict,
        'the visit has been withdrawn; it can no longer be amended or withdrawn',
      );
    }
    if (current.revision !== expectedRevision) throw revisionMismatch(current.revision);
    return current;
  }

  private async readAfterWrite(em: EntityManager, user: AuthUser, id: string): Promise<VisitView> {
    const row = await this.visits.findVisible(user, id, em);
    if (!row) throw new Error('a visit just written is not readable by its writer');
    return toView(user, row);
  }
}

export function revisionMismatch(currentRevision: number): DomainError {
  return new DomainError(
    ErrorCode.VersionMismatch,
    `the visit has changed since you read it (current revision ${currentRevision}); reload it and try again`,
    { currentVersion: currentRevision },
  );
}

/** Who may amend or withdraw: managers, admins, and the official who recorded it or went on it. */
function mayAmend(user: AuthUser, visit: Pick<VisitActionState, 'createdBy' | 'officialIds'>): boolean {
  if (user.role === 'manager' || user.role === 'admin') return true;
  return user.role === 'official' && (visit.createdBy === user.id || visit.officialIds.includes(user.id));
}

function toView(user: AuthUser, row: VisitRow): VisitView {
  const withdrawn =
    row.withdrawnAt === null
      ? null
      : {
          at: row.withdrawnAt.toISOString(),
          by: { id: row.withdrawnBy!, displayName: row.withdrawnByName! },
          reason: row.withdrawReason ?? '',
        };
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    district: row.district,
    districtName: row.districtName,
    tier: row.tier,
    visitedAt: row.visitedAt.toISOString(),
    officials: row.officials,
    purpose: row.purpose,
    policiesPromoted: row.policiesPromoted,
    notes: row.notes,
    problems: row.problems.map((problem) => ({
      ...problem,
      dueAt: problem.dueAt === null ? null : new Date(problem.dueAt).toISOString(),
    })),
    status: withdrawn ? 'withdrawn' : 'recorded',
    revision: row.revision,
    withdrawn,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    canAmend:
      withdrawn === null &&
      mayAmend(user, { createdBy: row.createdBy, officialIds: row.officials.map((official) => official.id) }),
  };
}

function toRevisionView(row: VisitRevisionRow): VisitRevisionView {
  return {
    revision: row.revision,
    visitedAt: row.visitedAt.toISOString(),
    purpose: row.purpose,
    notes: row.notes,
    policiesPromoted: row.policiesPromoted,
    officials: row.officials,
    reason: row.reason,
    recordedBy: { id: row.recordedBy, displayName: row.recordedByName },
    recordedAt: row.recordedAt.toISOString(),
    changed: [],
  };
}

function changedFields(before: VisitRevisionView, after: VisitRevisionView): AmendableField[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const ids = (revision: VisitRevisionView) => revision.officials.map((official) => official.id).sort();
  return AMENDABLE_FIELDS.filter((field) =>
    field === 'officials' ? !same(ids(before), ids(after)) : !same(before[field], after[field]),
  );
}

/** A field error about one of the visit's problems names it as `problems.<index>.<field>`. */
function prefixFields(error: unknown, prefix: string): unknown {
  if (error instanceof DomainError && error.details.errors) {
    const errors = error.details.errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` }));
    return new DomainError(error.code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
      ...error.details,
      errors,
    });
  }
  return error;
}
