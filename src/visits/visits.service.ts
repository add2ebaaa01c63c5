import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { DomainError } from '../common/domain-error';
import type { ProblemResponse } from '../problems/problem-response';
import { ProblemsService } from '../problems/problems.service';
import type { Role } from '../access/role';
import { CreateVisitDto } from './visit.dto';
import { VisitsRepository } from './visits.repository';

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

@Injectable()
export class VisitsService {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly problems: ProblemsService,
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
