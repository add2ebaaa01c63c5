import type { ProductionStatus } from '../enterprises/production-status';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../access/role';
import { execute, maybeOne, one, type Queryable, rows } from '../common/sql';
import type { ResponsibilityKind, Tier } from '../enterprises/tiers';
import { OPEN_SQL_LIST } from '../workflow/status-sql';
import { visitDueSql } from './visit-due.sql';

/** A responsibility as read back as of an instant: an end recorded after it is not known yet. */
export interface ResponsibilityRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  userId: string;
  username: string;
  displayName: string;
  kind: ResponsibilityKind;
  startsAt: Date;
  endsAt: Date | null;
  note: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
  endedBy: string | null;
  endedByName: string | null;
  endedRecordedAt: Date | null;
  endReason: string | null;
  /** Whether it was in force at the instant. */
  current: boolean;
}

/** A user as the rules for who may be responsible read them. */
export interface CandidateRow {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
}

/** An open responsibility, locked for an end or a handover. */
export interface OpenResponsibilityRow {
  id: string;
  enterpriseId: string;
  userId: string;
  kind: ResponsibilityKind;
  startsAt: Date;
  endsAt: Date | null;
}

/** What stands in the way of a new responsibility starting at an instant. */
export interface ClashRow {
  kind: ResponsibilityKind;
  sameUser: boolean;
  endsAt: Date | null;
}

export interface NewResponsibility {
  enterpriseId: string;
  userId: string;
  kind: ResponsibilityKind;
  startsAt: Date;
  note: string | null;
  recordedBy: string;
}

export interface TierIntervalRow {
  tier: Tier;
  visitIntervalDays: number;
  setAt: Date;
  setByName: string | null;
}

/** One line of "my enterprises": an enterprise the user answers for, and when it is due a visit. */
export interface MyEnterpriseRow {
  enterpriseId: string;
  name: string;
  district: string;
  districtName: string;
  tier: Tier;
  kind: ResponsibilityKind;
  responsibleSince: Date;
  visitIntervalDays: number;
  lastVisitAt: Date | null;
  nextVisitDueAt: Date;
  overdue: boolean;
  overdueDays: number;
  openProblems: number;
  productionStatus: ProductionStatus;
}

/** An enterprise as the bulk assignment finds it, by credit code or by name. */
export interface EnterpriseKeyRow {
  id: string;
  name: string;
  uscc: string | null;
}

const SELECT_AS_OF = (asOf: string) => `
  SELECT r.id, r.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", r.user_id AS "userId",
         u.username, u.display_name AS "displayName", r.kind, r.starts_at AS "startsAt",
         CASE WHEN r.ended_recorded_at <= ${asOf} THEN r.ends_at END AS "endsAt", r.note,
         r.recorded_by AS "recordedBy", rb.display_name AS "recordedByName", r.recorded_at AS "recordedAt",
         CASE WHEN r.ended_recorded_at <= ${asOf} THEN r.ended_by END AS "endedBy",
         CASE WHEN r.ended_recorded_at <= ${asOf} THEN eb.display_name END AS "endedByName",
         CASE WHEN r.ended_recorded_at <= ${asOf} THEN r.ended_recorded_at END AS "endedRecordedAt",
         CASE WHEN r.ended_recorded_at <= ${asOf} THEN r.end_reason END AS "endReason",
         (r.starts_at <= ${asOf}
          AND (r.ends_at IS NULL OR r.ends_at > ${asOf} OR r.ended_recorded_at > ${asOf})) AS current
  FROM responsibilities r
  JOIN enterprises e ON e.id = r.enterprise_id
  JOIN users u ON u.id = r.user_id
  JOIN users rb ON rb.id = r.recorded_by
  LEFT JOIN users eb ON eb.id = r.ended_by`;

/** Every statement on responsibilities and tier intervals. */
@Injectable()
export class ResponsibilitiesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs `work` in one transaction, committed, or rolled back when `rollback` (a dry run) or on error. */
  async transaction<T>(work: (em: EntityManager) => Promise<T>, rollback = false): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const result = await work(runner.manager);
      if (rollback) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** The enterprise's responsibilities as they were known at `asOf` (recorded by then), newest start first. */
  forEnterprise(enterpriseId: string, asOf: Date): Promise<ResponsibilityRow[]> {
    return rows<ResponsibilityRow>(
      this.db,
      `${SELECT_AS_OF('$2')}
       WHERE r.enterprise_id = $1 AND r.recorded_at <= $2
       ORDER BY current DESC, r.starts_at DESC, r.id`,
      [enterpriseId, asOf],
    );
  }

  find(id: string): Promise<ResponsibilityRow | undefined> {
    return maybeOne<ResponsibilityRow>(this.db, `${SELECT_AS_OF('now()')} WHERE r.id = $1`, [id]);
  }

  /** Locks the enterprise row, so that two assignments to one enterprise take turns; false if it does not exist. */
  async lockEnterprise(em: EntityManager, enterpriseId: string): Promise<boolean> {
    const row = await maybeOne<{ id: string }>(em, `SELECT id FROM enterprises WHERE id = $1 FOR UPDATE`, [
      enterpriseId,
    ]);
    return row !== undefined;
  }

  /** Locks these enterprises in id order (the bulk assignment's writes). */
  async lockEnterprises(em: EntityManager, ids: string[]): Promise<void> {
    await execute(em, `SELECT id FROM enterprises WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  candidate(db: Queryable, userId: string): Promise<CandidateRow | undefined> {
    return maybeOne<CandidateRow>(db, `SELECT id, username, role, disabled FROM users WHERE id = $1`, [userId]);
  }

  /** Everyone who may be made responsible: enabled officials, managers and admins, by name. */
  candidates(): Promise<(CandidateRow & { displayName: string })[]> {
    return rows<CandidateRow & { displayName: string }>(
      this.db,
      `SELECT id, username, display_name AS "displayName", role, disabled FROM users
       WHERE NOT disabled AND role IN ('official', 'manager', 'admin')
       ORDER BY role = 'official' DESC, display_name, username`,
    );
  }

  candidatesByUsername(usernames: string[]): Promise<CandidateRow[]> {
    return rows<CandidateRow>(
      this.db,
      `SELECT id, username, role, disabled FROM users WHERE lower(username) = ANY($1::text[])`,
      [usernames.map((name) => name.toLowerCase())],
    );
  }

  /**
   * What would clash with `userId` answering for the enterprise as `kind` from `startsAt`: a
   * responsibility of the same person still open or ending after `startsAt`, or, for a leader,
   * another leader's.
   */
  clashes(db: Queryable, enterpriseId: string, userId: string, kind: ResponsibilityKind, startsAt: Date) {
    return rows<ClashRow>(
      db,
      `SELECT r.kind, r.user_id = $2 AS "sameUser", r.ends_at AS "endsAt"
       FROM responsibilities r
       WHERE r.enterprise_id = $1 AND (r.ends_at IS NULL OR r.ends_at > $4)
         AND (r.user_id = $2 OR ($3 = 'leader' AND r.kind = 'leader'))
       ORDER BY r.user_id = $2 DESC, r.ends_at NULLS FIRST`,
      [enterpriseId, userId, kind, startsAt],
    );
  }

  async insert(em: EntityManager, r: NewResponsibility): Promise<string> {
    const row = await one<{ id: string }>(
      em,
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, note, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [r.enterpriseId, r.userId, r.kind, r.startsAt, r.note, r.recordedBy],
    );
    return row.id;
  }

  lockOpen(em: EntityManager, id: string): Promise<OpenResponsibilityRow | undefined> {
    return maybeOne<OpenResponsibilityRow>(
      em,
      `SELECT id, enterprise_id AS "enterpriseId", user_id AS "userId", kind, starts_at AS "startsAt",
              ends_at AS "endsAt"
       FROM responsibilities WHERE id = $1 FOR UPDATE`,
      [id],
    );
  }

  /** Every open responsibility of the user, locked (a handover). */
  lockOpenOf(em: EntityManager, userId: string): Promise<OpenResponsibilityRow[]> {
    return rows<OpenResponsibilityRow>(
      em,
      `SELECT id, enterprise_id AS "enterpriseId", user_id AS "userId", kind, starts_at AS "startsAt",
              ends_at AS "endsAt"
       FROM responsibilities WHERE user_id = $1 AND ends_at IS NULL
       ORDER BY enterprise_id FOR UPDATE`,
      [userId],
    );
  }

  async end(em: EntityManager, id: string, endsAt: Date, endedBy: string, reason: string): Promise<void> {
    await execute(
      em,
      `UPDATE responsibilities
       SET ends_at = $2, ended_by = $3, ended_recorded_at = now(), end_reason = $4
       WHERE id = $1 AND ends_at IS NULL`,
      [id, endsAt, endedBy, reason],
    );
  }

  /** Enterprises by credit code or by exact name (the bulk assignment's lookup). */
  enterprisesByKey(usccs: string[], names: string[]): Promise<EnterpriseKeyRow[]> {
    return rows<EnterpriseKeyRow>(
      this.db,
      `SELECT id, name, uscc FROM enterprises WHERE uscc = ANY($1::bpchar[]) OR name = ANY($2::text[])`,
      [usccs, names],
    );
  }

  /** The interval in force for each tier now, with who set it. */
  tierIntervals(): Promise<TierIntervalRow[]> {
    return rows<TierIntervalRow>(
      this.db,
      `SELECT DISTINCT ON (ti.tier) ti.tier, ti.visit_interval_days AS "visitIntervalDays", ti.set_at AS "setAt",
              u.display_name AS "setByName"
       FROM tier_intervals ti LEFT JOIN users u ON u.id = ti.set_by
       ORDER BY ti.tier, ti.set_at DESC, ti.id DESC`,
    );
  }

  async setTierInterval(tier: Tier, days: number, setBy: string): Promise<void> {
    await execute(this.db, `INSERT INTO tier_intervals (tier, visit_interval_days, set_by) VALUES ($1, $2, $3)`, [
      tier,
      days,
      setBy,
    ]);
  }

  /**
   * The enterprises the user answers for now, each with when it is due a visit (the one rule,
   * visit-due.sql.ts) and its open problems: most overdue first, then soonest due.
   */
  myEnterprises(userId: string, dueWithinDays: number | null): Promise<MyEnterpriseRow[]> {
    return rows<MyEnterpriseRow>(
      this.db,
      `WITH due AS (${visitDueSql('now()')})
       SELECT e.id AS "enterpriseId", e.name, e.district_code AS district, d.name AS "districtName",
              due.tier, r.kind, r.starts_at AS "responsibleSince", due.visit_interval_days AS "visitIntervalDays",
              due.last_visit_at AS "lastVisitAt", due.next_visit_due_at AS "nextVisitDueAt",
              due.next_visit_due_at < now() AS overdue,
              greatest(0, floor(extract(epoch FROM now() - due.next_visit_due_at) / 86400))::int AS "overdueDays",
              (SELECT count(*)::int FROM problems p
               WHERE p.enterprise_id = e.id AND p.status IN (${OPEN_SQL_LIST})) AS "openProblems",
              e.production_status AS "productionStatus"
       FROM responsibilities r
       JOIN enterprises e ON e.id = r.enterprise_id
       JOIN districts d ON d.code = e.district_code
       JOIN due ON due.enterprise_id = r.enterprise_id
       WHERE r.user_id = $1 AND r.ends_at IS NULL AND r.starts_at <= now()
         AND ($2::int IS NULL OR due.next_visit_due_at < now() + make_interval(days => $2::int))
       ORDER BY due.next_visit_due_at, e.name, e.id`,
      [userId, dueWithinDays],
    );
  }
}
