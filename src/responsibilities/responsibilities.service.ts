import type { ProductionStatus } from '../enterprises/production-status';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import type { Role } from '../access/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { type ResponsibilityKind, type Tier, TIER_LABELS, TIERS } from '../enterprises/tiers';
import type {
  AssignResponsibilityDto,
  EndResponsibilityDto,
  HandoverDto,
  MyEnterprisesQuery,
} from './responsibility.dto';
import { ResponsibilitiesRepository, type ResponsibilityRow } from './responsibilities.repository';
import { candidateProblem, clashProblem, CLOCK_SKEW_MS } from './responsibility-rules';

export type Responsibility = Omit<ResponsibilityRow, 'startsAt' | 'endsAt' | 'recordedAt' | 'endedRecordedAt'> & {
  startsAt: string;
  endsAt: string | null;
  recordedAt: string;
  endedRecordedAt: string | null;
};

export interface Candidate {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface HandoverResult {
  ended: number;
  started: number;
  skipped: number;
}

export interface TierInterval {
  code: Tier;
  labelZh: string;
  labelEn: string;
  visitIntervalDays: number;
  setAt: string;
  setByName: string | null;
}

export interface MyEnterprise {
  enterpriseId: string;
  name: string;
  district: string;
  districtName: string;
  tier: Tier;
  kind: ResponsibilityKind;
  responsibleSince: string;
  visitIntervalDays: number;
  lastVisitAt: string | null;
  nextVisitDueAt: string;
  overdue: boolean;
  overdueDays: number;
  openProblems: number;
  productionStatus: ProductionStatus;
}

export interface AssignmentImportResult {
  total: number;
  valid: number;
  created: number;
  applied: boolean;
  dryRun: boolean;
  rejected: { row: number; errors: { field: string; message: string }[] }[];
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

function toResponsibility(row: ResponsibilityRow): Responsibility {
  return {
    ...row,
    startsAt: row.startsAt.toISOString(),
    endsAt: iso(row.endsAt),
    recordedAt: row.recordedAt.toISOString(),
    endedRecordedAt: iso(row.endedRecordedAt),
  };
}

/** An instant sent by a client, or now; refused when it lies ahead of the server's clock. */
export function pastInstant(field: string, text: string | undefined, now = new Date()): Date {
  if (text === undefined) return now;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw DomainError.invalidField(field, `${field} must be an ISO 8601 instant`);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw DomainError.invalidField(field, `${field} may not be in the future`);
  return at.getTime() > now.getTime() ? now : at;
}

const conflict = (message: string) => new DomainError(ErrorCode.Conflict, message);

/**
 * Responsibility (包联关系): who answers for which enterprise from when to when. Rows are never
 * deleted or rewritten: an end is written once, with who recorded it, when and why, so that who
 * answered as of any instant can be read back (`recorded_at`, `ended_recorded_at`).
 */
@Injectable()
export class ResponsibilitiesService {
  constructor(
    private readonly repository: ResponsibilitiesRepository,
    private readonly enterprises: EnterprisesService,
  ) {}

  /** The enterprise's responsibilities as known at `asOf` (default now), for whoever may see the enterprise. */
  async forEnterprise(user: AuthUser, enterpriseId: string, asOf: string | undefined): Promise<Responsibility[]> {
    await this.enterprises.visible(user, enterpriseId);
    const at = asOf === undefined ? new Date() : new Date(asOf);
    return (await this.repository.forEnterprise(enterpriseId, at)).map(toResponsibility);
  }

  /**
   * Makes the user responsible for the enterprise from `startsAt` (default now): an enabled
   * official, manager or admin; 409 when the same person already answers for it (or did past
   * `startsAt`), or when a leader is asked for and another leader answers for it.
   */
  async assign(user: AuthUser, enterpriseId: string, dto: AssignResponsibilityDto): Promise<Responsibility> {
    const startsAt = pastInstant('startsAt', dto.startsAt);
    const id = await this.repository.transaction(async (em) => {
      if (!(await this.repository.lockEnterprise(em, enterpriseId))) throw DomainError.notFound('enterprise');
      const problem = candidateProblem(await this.repository.candidate(em, dto.userId));
      if (problem) throw DomainError.invalidField('userId', problem);
      const clash = clashProblem(
        await this.repository.clashes(em, enterpriseId, dto.userId, dto.kind, startsAt),
        dto.kind,
      );
      if (clash) throw conflict(clash);
      return this.repository.insert(em, {
        enterpriseId,
        userId: dto.userId,
        kind: dto.kind,
        startsAt,
        note: dto.note || null,
        recordedBy: user.id,
      });
    });
    return toResponsibility((await this.repository.find(id))!);
  }

  /** Ends an open responsibility at `endsAt` (default now), after its start; 409 when it has ended. */
  async end(user: AuthUser, id: string, dto: EndResponsibilityDto): Promise<Responsibility> {
    const endsAt = pastInstant('endsAt', dto.endsAt);
    await this.repository.transaction(async (em) => {
      const row = await this.repository.lockOpen(em, id);
      if (!row) throw DomainError.notFound('responsibility');
      if (row.endsAt !== null) throw conflict('this responsibility has ended already');
      if (endsAt.getTime() <= row.startsAt.getTime()) {
        throw DomainError.invalidField('endsAt', `must be after the start (${row.startsAt.toISOString()})`);
      }
      await this.repository.end(em, id, endsAt, user.id, dto.reason);
    });
    return toResponsibility((await this.repository.find(id))!);
  }

  /**
   * Hands every open responsibility of one person to another at `at` (default now), in one
   * transaction: each ends for `fromUserId` and starts, of the same kind, for `toUserId`, except
   * where `toUserId` already answers for the enterprise (counted as skipped).
   */
  async handover(user: AuthUser, dto: HandoverDto): Promise<HandoverResult> {
    if (dto.fromUserId === dto.toUserId) throw DomainError.invalidField('toUserId', 'must differ from fromUserId');
    const at = pastInstant('at', dto.at);
    return this.repository.transaction(async (em) => {
      if (!(await this.repository.candidate(em, dto.fromUserId))) {
        throw DomainError.invalidField('fromUserId', 'no such user');
      }
      const problem = candidateProblem(await this.repository.candidate(em, dto.toUserId));
      if (problem) throw DomainError.invalidField('toUserId', problem);
      const open = await this.repository.lockOpenOf(em, dto.fromUserId);
      if (open.length === 0) throw conflict('fromUserId answers for no enterprise now: nothing to hand over');
      await this.repository.lockEnterprises(
        em,
        open.map((r) => r.enterpriseId),
      );
      const result: HandoverResult = { ended: 0, started: 0, skipped: 0 };
      for (const r of open) {
        if (at.getTime() <= r.startsAt.getTime()) {
          throw DomainError.invalidField(
            'at',
            `must be after the start of every responsibility handed over (one starts ${r.startsAt.toISOString()})`,
          );
        }
        await this.repository.end(em, r.id, at, user.id, dto.reason);
        result.ended += 1;
        const clash = clashProblem(await this.repository.clashes(em, r.enterpriseId, dto.toUserId, r.kind, at), r.kind);
        if (clash) {
          result.skipped += 1;
          continue;
        }
        await this.repository.insert(em, {
          enterpriseId: r.enterpriseId,
          userId: dto.toUserId,
          kind: r.kind,
          startsAt: at,
          note: dto.reason,
          recordedBy: user.id,
        });
        result.started += 1;
      }
      return result;
    });
  }

  /** The people a manager may make responsible, for the assignment and handover dialogs. */
  async candidates(): Promise<Candidate[]> {
    return (await this.repository.candidates()).map(({ id, username, displayName, role }) => ({
      id,
      username,
      displayName,
      role,
    }));
  }

  async tiers(): Promise<TierInterval[]> {
    const rows = new Map((await this.repository.tierIntervals()).map((row) => [row.tier, row] as const));
    return TIERS.map((code) => {
      const row = rows.get(code)!;
      return {
        code,
        labelZh: TIER_LABELS[code].zh,
        labelEn: TIER_LABELS[code].en,
        visitIntervalDays: row.visitIntervalDays,
        setAt: row.setAt.toISOString(),
        setByName: row.setByName,
      };
    });
  }

  /** Sets the tier's visit interval from now on (a new tier_intervals row; earlier ones stay for as-of reads). */
  async setTier(user: AuthUser, code: string, days: number): Promise<TierInterval> {
    if (!(TIERS as readonly string[]).includes(code)) throw DomainError.notFound('tier');
    await this.repository.setTierInterval(code as Tier, days, user.id);
    return (await this.tiers()).find((tier) => tier.code === code)!;
  }

  /** The enterprises the caller answers for now, most overdue first, then soonest due. */
  async mine(user: AuthUser, query: MyEnterprisesQuery): Promise<{ items: MyEnterprise[] }> {
    const rows = await this.repository.myEnterprises(user.id, query.due === 'week' ? 7 : null);
    return {
      items: rows.map((row) => ({
        ...row,
        responsibleSince: row.responsibleSince.toISOString(),
        lastVisitAt: iso(row.lastVisitAt),
        nextVisitDueAt: row.nextVisitDueAt.toISOString(),
      })),
    };
  }
}
