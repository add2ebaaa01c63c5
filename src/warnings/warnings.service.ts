import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { assertUnreachable, DomainError } from '../common/domain-error';
import { execute, one, rows, SqlParams } from '../common/sql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ADVISORY_LOCKS } from '../database/locks';
import { NotificationsService } from '../notifications/notifications.service';
import { visibleProblems } from '../problems/problem-access';
import {
  MAX_ITEMS,
  type ScanOutcome,
  type WarningCounts,
  type WarningItem,
  type WarningsResponse,
} from './warnings.dto';
import {
  INSERT_WARNING_EVENTS,
  ownEnterprise,
  listWarningsSql,
  LOCK_PROBLEMS,
  recordWarningsSql,
  type WarningLevel,
  type WarningSqlInput,
} from './warnings.sql';
import { IDLE_NOT_VISITED_DAYS } from './watch-warnings.sql';

/** The periodic job's name in the SchedulerRegistry. */
export const SCAN_JOB = 'warnings-scan';

/**
 * Who sees what: managers and admins every warning; handlers their department's problems only;
 * officials the not_visited warnings of the enterprises they answer for, and nothing else.
 */
const MANAGING_ROLES = new Set<AuthUser['role']>(['manager', 'admin']);
const WARNING_ROLES = new Set<AuthUser['role']>(['manager', 'admin', 'handler', 'official']);

interface ListRow {
  count_overdue: number;
  count_due_soon: number;
  count_stale: number;
  count_not_visited: number;
  count_unassigned: number;
  count_project_not_started: number;
  count_idle_not_visited: number;
  count_sign_for_overdue: number;
  count_supervision_overdue: number;
  level: WarningLevel | null;
  problemId: string | null;
  code: string | null;
  title: string | null;
  status: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  dueAt: Date | null;
  daysOverdue: number | null;
  workingDaysLeft: number | null;
  lastActivityAt: Date | null;
  idleDays: number | null;
  lastVisitAt: Date | null;
  nextVisitDueAt: Date | null;
  tier: string | null;
  officials: { id: string; name: string }[] | null;
  unassignedSince: Date | null;
  detectedAt: Date | null;
  projectId: string | null;
  projectCode: string | null;
  projectName: string | null;
  plannedStartDate: string | null;
  daysLate: number | null;
  idleSince: Date | null;
}

interface RecordedRow {
  id: string;
  level: WarningLevel;
  problemId: string | null;
  details: { daysOverdue?: number; workingDaysLeft?: number; idleDays?: number };
}

const zeroCounts = (): WarningCounts => ({
  due_soon: 0,
  overdue: 0,
  stale: 0,
  not_visited: 0,
  unassigned: 0,
  project_not_started: 0,
  idle_not_visited: 0,
  sign_for_overdue: 0,
  supervision_overdue: 0,
});

@Injectable()
export class WarningsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Warnings');
  /** The scan the periodic job has started and not finished yet. */
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly notifications: NotificationsService,
  ) {}

  /** The warnings in force now, as this user may see them: the first `limit` items and every count. */
  async current(
    user: AuthUser,
    level?: WarningLevel,
    now: Date = new Date(),
    limit: number = MAX_ITEMS,
  ): Promise<WarningsResponse> {
    if (!WARNING_ROLES.has(user.role)) throw DomainError.forbidden('your role may not read warnings');
    const p = new SqlParams();
    const managing = MANAGING_ROLES.has(user.role);
    const official = user.role === 'official';
    const input = this.sqlInput(p, now, {
      withEnterprises: managing || official,
      withUnassigned: managing,
      problemScope: official ? () => 'FALSE' : (params) => visibleProblems(user, params),
      enterpriseScope: official ? (params) => ownEnterprise(params.add(user.id), params.add(now)) : () => 'TRUE',
      // A department sees the late projects it answers for; officials none.
      projectScope:
        user.role === 'handler'
          ? (params) => `pr.department_id = ${params.add(user.departmentId)}::uuid`
          : official
            ? () => 'FALSE'
            : () => 'TRUE',
    });
    const sql = listWarningsSql(input, p.add(level ?? null), p.add(limit + 1));
    const found = await rows<ListRow>(this.db, sql, p.values);

    const first = found[0];
    const counts: WarningCounts = first
      ? {
          due_soon: first.count_due_soon,
          overdue: first.count_overdue,
          stale: first.count_stale,
          not_visited: first.count_not_visited,
          unassigned: first.count_unassigned,
          project_not_started: first.count_project_not_started,
          idle_not_visited: first.count_idle_not_visited,
          sign_for_overdue: first.count_sign_for_overdue,
          supervision_overdue: first.count_supervision_overdue,
        }
      : zeroCounts();
    const items = found.filter((row) => row.level !== null).map(toWarningItem);
    return { items: items.slice(0, limit), counts, truncated: items.length > limit };
  }

  /**
   * Records each warning in force at `now` that is not recorded yet, with one `warning` event per
   * new problem warning, in one transaction. One scan at a time per database: when another
   * instance holds the lock, this one does nothing and says so.
   */
  scan(now: Date = new Date()): Promise<ScanOutcome> {
    return this.db.transaction(async (em) => {
      const { acquired } = await one<{ acquired: boolean }>(
        em,
        `SELECT pg_try_advisory_xact_lock($1::bigint) AS acquired`,
        [ADVISORY_LOCKS.warningScan],
      );
      if (!acquired) return { ran: false };

      const p = new SqlParams();
      const input = this.sqlInput(p, now, {
        withEnterprises: true,
        withUnassigned: true,
        problemScope: () => 'TRUE',
        enterpriseScope: () => 'TRUE',
        projectScope: () => 'TRUE',
      });
      const recorded = await rows<RecordedRow>(em, recordWarningsSql(input), p.values);

      const problemWarnings = recorded.filter((row): row is RecordedRow & { problemId: string } => !!row.problemId);
      if (problemWarnings.length > 0) {
        const ids = problemWarnings.map((w) => w.problemId);
        await execute(em, LOCK_PROBLEMS, [ids]);
        await execute(em, INSERT_WARNING_EVENTS, [
          ids,
          problemWarnings.map((w) => w.level),
          problemWarnings.map((w) => this.eventNote(w)),
          problemWarnings.map((w) => w.id),
        ]);
      }

      // The handlers and officials concerned hear of the new warnings, in this transaction.
      await this.notifications.onWarnings(
        em,
        recorded.map((row) => row.id),
      );

      const counts = zeroCounts();
      for (const row of recorded) counts[row.level] += 1;
      return { ran: true, recorded: counts };
    });
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.warnings.scanIntervalSeconds;
    if (seconds <= 0) return;
    const timer = setInterval(() => this.runScheduled(), seconds * 1000);
    // The job never keeps the process alive by itself.
    timer.unref();
    this.scheduler.addInterval(SCAN_JOB, timer);
    this.logger.log(`warning scan every ${seconds} s`);
  }

  /** Stops the job, and lets a scan in flight finish before the database pool closes (on shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    // ScheduleModule clears its registry on shutdown too; whichever runs first removes the job.
    if (this.scheduler.doesExist('interval', SCAN_JOB)) this.scheduler.deleteInterval(SCAN_JOB);
    await this.running;
  }

  /** One tick of the job: skipped while the previous scan still runs; errors are logged, never thrown. */
  private runScheduled(): void {
    if (this.running) return;
    this.running = this.scan()
      .then((result) => {
        if (!result.ran) {
          this.logger.debug('warning scan skipped: another instance is scanning');
          return;
        }
        const total = Object.values(result.recorded).reduce((sum, n) => sum + n, 0);
        if (total > 0) this.logger.log(`warning scan recorded ${JSON.stringify(result.recorded)}`);
      })
      .catch((error: unknown) => {
        this.logger.error(
          `warning scan failed: ${error instanceof Error ? error.message : String(error)}`,
          error instanceof Error ? error.stack : undefined,
        );
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Adds the values the warning SQL needs, then the scopes (which may add their own). */
  private sqlInput(p: SqlParams, now: Date, scope: WarningScope): WarningSqlInput {
    const { dueSoonWorkingDays, staleDays } = this.config.warnings;
    return {
      now: p.add(now),
      timezone: p.add(this.config.reportTimezone),
      dueSoonWorkingDays: p.add(dueSoonWorkingDays),
      staleDays: p.add(staleDays),
      withEnterprises: p.add(scope.withEnterprises),
      withUnassigned: p.add(scope.withUnassigned),
      problemScope: scope.problemScope(p),
      enterpriseScope: scope.enterpriseScope(p),
      idleNotVisitedDays: p.add(IDLE_NOT_VISITED_DAYS),
      projectScope: scope.projectScope(p),
    };
  }

  /** The event's note, in the words a coordination office uses. */
  private eventNote(warning: RecordedRow): string {
    const { details } = warning;
    switch (warning.level) {
      case 'overdue':
        return details.daysOverdue
          ? `超期预警：已超期 ${details.daysOverdue} 个工作日`
          : '超期预警：已到办理时限，今日未办结';
      case 'due_soon':
        return details.workingDaysLeft
          ? `临期预警：距办理时限还有 ${details.workingDaysLeft} 个工作日`
          : '临期预警：今日到期';
      case 'stale':
        return `久未办理预警：已 ${details.idleDays ?? this.config.warnings.staleDays} 天无办理记录`;
      case 'not_visited':
        return '久未走访预警';
      case 'unassigned':
        return '无人包联预警';
      case 'project_not_started':
        return '项目逾期未开工预警';
      case 'idle_not_visited':
        return '停产企业久未走访预警';
      case 'sign_for_overdue':
        return '逾期未签收预警：已过签收时限';
      case 'supervision_overdue':
        return details.daysOverdue
          ? `督办超期预警：已超过回应期限 ${details.daysOverdue} 个工作日未回应`
          : '督办超期预警：已到回应期限，尚未回应';
      default:
        return assertUnreachable(warning.level);
    }
  }
}

/** Which warnings a caller's list holds. */
interface WarningScope {
  withEnterprises: boolean;
  withUnassigned: boolean;
  problemScope: (params: SqlParams) => string;
  enterpriseScope: (params: SqlParams) => string;
  /** A condition on `pr` (projects): the projects whose warnings this caller sees. */
  projectScope: (params: SqlParams) => string;
}

function toWarningItem(row: ListRow): WarningItem {
  const level = row.level!;
  const item: WarningItem = { level, enterpriseId: row.enterpriseId, enterpriseName: row.enterpriseName };
  if (row.projectId !== null) {
    Object.assign(item, {
      projectId: row.projectId,
      projectCode: row.projectCode,
      projectName: row.projectName,
      departmentId: row.departmentId,
      departmentName: row.departmentName,
    });
  }
  if (row.problemId !== null) {
    Object.assign(item, {
      problemId: row.problemId,
      code: row.code,
      title: row.title,
      status: row.status,
      departmentId: row.departmentId,
      departmentName: row.departmentName,
    });
  }
  switch (level) {
    case 'overdue':
      item.dueAt = row.dueAt!.toISOString();
      item.daysOverdue = row.daysOverdue!;
      break;
    case 'due_soon':
      item.dueAt = row.dueAt!.toISOString();
      item.workingDaysLeft = row.workingDaysLeft!;
      break;
    case 'stale':
      item.lastActivityAt = row.lastActivityAt!.toISOString();
      item.idleDays = row.idleDays!;
      break;
    case 'not_visited':
      item.lastVisitAt = row.lastVisitAt?.toISOString() ?? null;
      item.nextVisitDueAt = row.nextVisitDueAt!.toISOString();
      item.tier = row.tier!;
      item.officials = row.officials ?? [];
      break;
    case 'unassigned':
      item.unassignedSince = row.unassignedSince!.toISOString();
      break;
    case 'project_not_started':
      item.plannedStartDate = row.plannedStartDate!;
      item.daysLate = row.daysLate!;
      break;
    case 'idle_not_visited':
      item.lastVisitAt = row.lastVisitAt?.toISOString() ?? null;
      item.idleSince = row.idleSince?.toISOString() ?? null;
      break;
    case 'sign_for_overdue':
      // The list's due and idle columns carry the sign-for deadline and the hours since it.
      item.signForDueAt = row.dueAt!.toISOString();
      item.hoursLate = row.idleDays!;
      break;
    case 'supervision_overdue':
      item.answerBy = row.dueAt!.toISOString();
      item.daysOverdue = row.daysOverdue!;
      break;
    default:
      return assertUnreachable(level);
  }
  if (row.detectedAt) item.detectedAt = row.detectedAt.toISOString();
  return item;
}
