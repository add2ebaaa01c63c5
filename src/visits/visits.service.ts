import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { DomainError } from '../common/domain-error';
import type { ProblemResponse } from '../problems/problem-response';
import { ProblemsService } from '../problems/problems.service';
import { CreateVisitDto } from './visit.dto';

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
  constructor(private readonly problems: ProblemsService) {}

  /** The visit, its officials and its problems: written together in the caller's transaction. */
  async create(em: EntityManager, user: AuthUser, dto: CreateVisitDto): Promise<VisitResponse> {
    const [enterprise] = await em.query(`SELECT 1 FROM enterprises WHERE id = $1`, [dto.enterpriseId]);
    if (!enterprise) throw DomainError.invalidField('enterpriseId', 'no such enterprise');

    const officialIds = [...new Set([user.id, ...(dto.officialIds ?? [])])];
    const officials: { id: string; displayName: string }[] = await em.query(
      `SELECT id, display_name AS "displayName" FROM users
       WHERE id = ANY($1::uuid[]) AND NOT disabled AND role IN ('official', 'manager', 'admin')
       ORDER BY array_position($1::uuid[], id)`,
      [officialIds],
    );
    if (officials.length !== officialIds.length) {
      throw DomainError.invalidField('officialIds', 'each must be an enabled official, manager or admin');
    }

    const [visit] = await em.query(
      `INSERT INTO visits (enterprise_id, visited_at, purpose, notes, policies_promoted, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, visited_at AS "visitedAt", created_at AS "createdAt"`,
      [dto.enterpriseId, dto.visitedAt, dto.purpose ?? null, dto.notes ?? null, dto.policiesPromoted ?? [], user.id],
    );
    await em.query(`INSERT INTO visit_officials (visit_id, user_id) SELECT $1, unnest($2::uuid[])`, [
      visit.id,
      officialIds,
    ]);

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
    return new DomainError(error.status, error.code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
      ...error.details,
      errors,
    });
  }
  return error;
}
