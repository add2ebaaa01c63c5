import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProblemsService } from '../problems/problems.service';
import { TrackingLimiter } from './tracking-limiter';
import { TrackingRepository } from './tracking.repository';
import type { RatingDto } from './tracking.dto';
import type { RatingResponse, TrackingLinkResponse, TrackResponse } from './tracking.response';
import { isTrackingTokenShape, newTrackingToken, trackingTokenHash, TrackingTokenSeal } from './tracking-token';

/** Injection token: the seal for tokens, keyed from the service's secret. */
export const TRACKING_SEAL = Symbol('TRACKING_SEAL');

const DAY_MS = 86_400_000;

/** Every dead end of a token answers alike: unknown, expired and revoked cannot be told apart. */
const noSuchLink = () => DomainError.notFound('tracking link');

@Injectable()
export class TrackingService {
  constructor(
    private readonly repository: TrackingRepository,
    private readonly problems: ProblemsService,
    private readonly limiter: TrackingLimiter,
    @Inject(TRACKING_SEAL) private readonly seal: TrackingTokenSeal,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The problem's tracking link: the one in force if there is one (its token unsealed), else a new
   * one. Managers and admins for any problem, an official for the problems they recorded.
   */
  async link(user: AuthUser, problemId: string, origin: string): Promise<TrackingLinkResponse> {
    return this.repository.transaction(async (em) => {
      const problem = await this.repository.lockProblem(em, user, problemId);
      if (!problem) throw DomainError.notFound('problem');
      if (user.role === 'official' && problem.createdBy !== user.id) {
        throw DomainError.forbidden('an official may give the tracking link only of a problem they recorded');
      }
      const ends = this.endOf(problem.finalAt, null);
      if (ends !== null && ends.getTime() <= Date.now()) {
        throw new DomainError(
          ErrorCode.Conflict,
          `the problem was closed more than ${this.config.tracking.linkDaysAfterClose} days ago; its tracking has ended`,
        );
      }
      const current = await this.repository.currentLink(em, problemId);
      let token = current ? this.seal.open(current.tokenSealed) : undefined;
      const fixedEnd = token ? current!.expiresAt : null;
      if (!token) {
        token = newTrackingToken();
        await this.repository.insertLink(em, {
          problemId,
          tokenHash: trackingTokenHash(token),
          tokenSealed: this.seal.seal(token),
          createdBy: user.id,
        });
      }
      const expiresAt = iso(this.endOf(problem.finalAt, fixedEnd));
      return { url: `${this.config.tracking.publicUrl ?? origin}/t/${token}`, token, expiresAt };
    });
  }

  /** The link in force for the QR code, or 404 when the problem has none (ask for one first). */
  async currentUrl(user: AuthUser, problemId: string, origin: string): Promise<string> {
    const problem = await this.repository.findProblem(user, problemId);
    if (!problem) throw DomainError.notFound('problem');
    if (user.role === 'official' && problem.createdBy !== user.id) {
      throw DomainError.forbidden('an official may give the tracking link only of a problem they recorded');
    }
    const token = await this.repository.transaction(async (em) => {
      const current = await this.repository.currentLink(em, problemId);
      return current && this.seal.open(current.tokenSealed);
    });
    const ends = this.endOf(problem.finalAt, null);
    if (!token || (ends !== null && ends.getTime() <= Date.now())) throw noSuchLink();
    return `${this.config.tracking.publicUrl ?? origin}/t/${token}`;
  }

  /** Revokes the problem's links (managers and admins); the next request for a link makes a new one. */
  async revoke(user: AuthUser, problemId: string): Promise<void> {
    if (!(await this.repository.findProblem(user, problemId))) throw DomainError.notFound('problem');
    await this.repository.revoke(problemId, user.id);
  }

  /** The public page's data for a token, or 404 (counted against the address) when it names no live link. */
  async track(token: string, address: string): Promise<TrackResponse> {
    const found = await this.live(token, address);
    const notes = await this.repository.publicNotes(found.problemId);
    return {
      code: found.code,
      title: found.title,
      status: found.status,
      departmentName: found.departmentName,
      dueAt: iso(found.dueAt),
      publicNotes: notes.map((n) => ({ at: n.at.toISOString(), note: n.note })),
      canRate: found.status === 'resolved',
    };
  }

  /** The enterprise's rating: once per resolution, through the workflow (ProblemsService). */
  async rate(token: string, address: string, rating: RatingDto): Promise<RatingResponse> {
    const found = await this.live(token, address);
    const status = await this.problems.rateAsEnterprise(found.problemId, {
      satisfaction: rating.satisfaction,
      comment: rating.comment,
    });
    return { status };
  }

  private async live(token: string, address: string) {
    const found = isTrackingTokenShape(token)
      ? await this.repository.findByTokenHash(trackingTokenHash(token))
      : undefined;
    const ends = found && this.endOf(found.finalAt, found.expiresAt);
    if (!found || found.revokedAt !== null || (ends && ends.getTime() <= Date.now())) {
      this.limiter.miss(address);
      throw noSuchLink();
    }
    return found;
  }

  /** When a link ends: its own fixed end, or the problem's closing plus the configured days, whichever is first. */
  private endOf(finalAt: Date | null, fixed: Date | null): Date | null {
    const afterClose =
      finalAt === null ? null : new Date(finalAt.getTime() + this.config.tracking.linkDaysAfterClose * DAY_MS);
    if (afterClose === null) return fixed;
    if (fixed === null) return afterClose;
    return fixed < afterClose ? fixed : afterClose;
  }
}

function iso(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}
