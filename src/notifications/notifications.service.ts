import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { DomainError } from '../common/domain-error';
import { cursorValue, decodeCursor, toPage } from '../common/pagination';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CHANNEL_KINDS, NOTIFICATION_TYPES, TYPE_LABELS, type NotificationType } from './notification-types';
import type { InboxQuery, PreferencesDto } from './notifications.dto';
import {
  NotificationsRepository,
  type MessageInput,
  type ProblemFacts,
  type RecipientQuery,
} from './notifications.repository';
import type { InboxResponse, NotificationItem, PreferencesResponse } from './notifications.response';

/** A problem event as ProblemsService has just inserted it (same transaction). */
export interface ProblemEventInput {
  id: string;
  problemId: string;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  departmentId: string | null;
  actorId: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  at: Date | string;
}

/** Who is told of a problem event, and under which type. */
interface Rule {
  type: NotificationType;
  to: Omit<RecipientQuery, 'exclude'>;
}

const NOBODY = { handlersOf: [], managers: false, users: [] };

/**
 * The outbox: in the transaction of the change, the inbox rows of everyone concerned and one
 * delivery (with its queued job) per external channel. A change rolled back takes them along.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called by ProblemsService for every problem event it inserts, in the same transaction. */
  async onProblemEvent(em: EntityManager, event: ProblemEventInput): Promise<void> {
    // Most events (accept, progress, …) tell nobody: no read for them.
    if (!TELLING_EVENTS.has(event.type)) return;
    const problem = await this.repository.problemFacts(em, event.problemId);
    if (!problem) return;
    const rule = this.rule(event, problem);
    if (!rule) return;
    const message: MessageInput = {
      key: `event:${event.id}`,
      type: rule.type,
      problemId: event.problemId,
      ...this.problemText(rule.type, event, problem),
      link: this.problemLink(event.problemId),
      at: new Date(event.at),
    };
    await this.send(em, message, { ...rule.to, exclude: event.actorId });
  }

  /**
   * Called by the warning scan for the warnings it has just recorded, in its transaction: the
   * department's handlers hear of their problems' deadlines, the responsible officials of visits due.
   */
  async onWarnings(em: EntityManager, warningIds: string[]): Promise<void> {
    if (warningIds.length === 0) return;
    const warnings = await this.repository.warnings(em, warningIds);
    const visitDue = warnings.filter((w) => w.level === 'not_visited' && w.enterpriseId !== null);
    const officials = visitDue.length
      ? await this.repository.responsibleOfficials(
          em,
          visitDue.map((w) => w.enterpriseId!),
        )
      : [];
    const names = new Map(
      (visitDue.length
        ? await this.repository.enterpriseNames(
            em,
            visitDue.map((w) => w.enterpriseId!),
          )
        : []
      ).map((e) => [e.id, e.name]),
    );
    for (const warning of warnings) {
      const type = WARNING_TYPES[warning.level];
      if (!type) continue;
      const base = { key: `warning:${warning.id}`, type, at: new Date() };
      if (type === 'visit_due') {
        const users = officials.filter((o) => o.enterpriseId === warning.enterpriseId).map((o) => o.userId);
        const name = names.get(warning.enterpriseId!) ?? '';
        await this.send(
          em,
          {
            ...base,
            problemId: null,
            title: `走访到期：${name}`,
            body: `您包联的企业「${name}」已到走访时间，请安排走访。`,
            link: `${this.config.notifications.publicUrl}/enterprises/${warning.enterpriseId}`,
          },
          { ...NOBODY, users, exclude: null },
        );
        continue;
      }
      if (!warning.problemId) continue;
      const problem = await this.repository.problemFacts(em, warning.problemId);
      if (!problem?.departmentId) continue;
      await this.send(
        em,
        {
          ...base,
          problemId: warning.problemId,
          title: `${TYPE_LABELS[type]}：${problem.code} ${short(problem.title)}`,
          body: warningBody(type, problem, warning.details, this.day(problem.dueAt)),
          link: this.problemLink(warning.problemId),
        },
        { ...NOBODY, handlersOf: [problem.departmentId], exclude: null },
      );
    }
  }

  /** The weekly report of the ISO week that has just ended is ready: every manager hears of it, once per week. */
  async weeklyReady(em: EntityManager, now: Date = new Date()): Promise<void> {
    const week = DateTime.fromJSDate(now, { zone: this.config.reportTimezone }).minus({ weeks: 1 });
    const label = `${week.weekYear}-W${String(week.weekNumber).padStart(2, '0')}`;
    await this.send(
      em,
      {
        key: `weekly:${label}`,
        type: 'weekly_ready',
        problemId: null,
        title: `周调度报告已生成（${label}）`,
        body: `${label} 周调度报告已可查看、导出。`,
        link: `${this.config.notifications.publicUrl}/weekly`,
        at: now,
      },
      { ...NOBODY, managers: true, exclude: null },
    );
  }

  /** The inbox rows of the recipients, then a delivery per channel of theirs and of their departments. */
  private async send(em: EntityManager, message: MessageInput, to: RecipientQuery): Promise<void> {
    const recipients = await this.repository.recipients(em, to);
    if (recipients.length === 0) return;
    const told = await this.repository.insertNotifications(
      em,
      message,
      recipients.map((r) => r.userId),
    );
    if (told.length === 0) return;
    const departments = [...new Set(recipients.flatMap((r) => (r.departmentId ? [r.departmentId] : [])))];
    const channels = await this.repository.channelsFor(em, message.type, told, departments);
    await this.repository.insertDeliveries(em, message, channels);
  }

  private rule(event: ProblemEventInput, problem: ProblemFacts): Rule | undefined {
    const department = event.departmentId ? [event.departmentId] : [];
    switch (event.type) {
      case 'assign': {
        const assisting = event.data?.assistingDepartmentIds;
        const extra = Array.isArray(assisting) ? assisting.filter((id): id is string => typeof id === 'string') : [];
        return { type: 'assigned', to: { ...NOBODY, handlersOf: [...department, ...extra] } };
      }
      case 'return':
        return { type: 'returned', to: { ...NOBODY, managers: true } };
      case 'request_extension':
        return { type: 'extension_requested', to: { ...NOBODY, managers: true } };
      case 'approve_extension':
      case 'refuse_extension':
        return { type: 'extension_decided', to: { ...NOBODY, handlersOf: department } };
      case 'escalate':
        return { type: 'escalated', to: { ...NOBODY, handlersOf: department } };
      case 'reopen':
        return { type: 'reopened', to: { ...NOBODY, handlersOf: department } };
      case 'verify':
        // An unsatisfied verification sends the problem back to the department (a redo).
        return event.toStatus === 'assigned' || event.toStatus === 'in_progress'
          ? { type: 'reopened', to: { ...NOBODY, handlersOf: department } }
          : undefined;
      case 'resolve':
        return { type: 'resolved', to: { ...NOBODY, managers: true, users: [problem.createdBy] } };
      default:
        return undefined;
    }
  }

  private problemText(
    type: NotificationType,
    event: ProblemEventInput,
    problem: ProblemFacts,
  ): { title: string; body: string } {
    const title = `${TYPE_LABELS[type]}：${problem.code} ${short(problem.title)}`;
    const department = problem.departmentName ?? '';
    const due = this.day(problem.dueAt);
    const note = event.note ? `（${short(event.note, 60)}）` : '';
    const data = event.data ?? {};
    switch (type) {
      case 'assigned': {
        const signFor =
          typeof data.signForDueAt === 'string' ? `，请于 ${this.day(new Date(data.signForDueAt))} 前签收` : '';
        return { title, body: `已交办${department}，办理时限 ${due}${signFor}。` };
      }
      case 'returned':
        return { title, body: `${department}退回了该问题${note}，请重新交办。` };
      case 'extension_requested':
        return { title, body: `${department}申请延期至 ${this.day(dateOf(data.dueAt))}${note}，请审批。` };
      case 'extension_decided':
        return event.type === 'approve_extension'
          ? { title, body: `延期申请已批准，办理时限改为 ${due}。` }
          : { title, body: `延期申请未获批准${note}，办理时限仍为 ${due}。` };
      case 'escalated':
        return { title, body: `该问题已被督办${note}，请尽快办理并反馈。` };
      case 'reopened':
        return { title, body: `该问题需重新办理${note}，办理时限 ${due}。` };
      case 'resolved':
        return { title, body: `${department}已办结该问题，请核实。` };
      default:
        return { title, body: title };
    }
  }

  private problemLink(problemId: string): string {
    return `${this.config.notifications.publicUrl}/problems/${problemId}`;
  }

  private day(date: Date | null): string {
    return date ? DateTime.fromJSDate(date, { zone: this.config.reportTimezone }).toFormat('yyyy-MM-dd') : '—';
  }

  // The inbox and the preferences of the caller

  async inbox(user: AuthUser, query: InboxQuery): Promise<InboxResponse> {
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeCursor(query.cursor, [cursorValue.timestamptz, cursorValue.uuid]) : null;
    const [found, unreadCount] = await Promise.all([
      this.repository.inbox(user.id, query.unread === true, limit, after as [string, string] | null),
      this.repository.unreadCount(user.id),
    ]);
    const page = toPage(found, limit, toItem, (row) => [row.cursorAt, row.id]);
    return { ...page, unreadCount };
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationItem> {
    const row = await this.repository.markRead(user.id, id);
    if (!row) throw DomainError.notFound('notification');
    return toItem(row);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number }> {
    return { updated: await this.repository.markAllRead(user.id) };
  }

  async preferences(user: AuthUser): Promise<PreferencesResponse> {
    const off = new Set(
      (await this.repository.preferences(user.id)).filter((p) => !p.enabled).map((p) => `${p.kind}:${p.type}`),
    );
    return {
      items: NOTIFICATION_TYPES.map((type) => ({
        type,
        label: TYPE_LABELS[type],
        inbox: true,
        wecom: !off.has(`wecom:${type}`),
        dingtalk: !off.has(`dingtalk:${type}`),
        email: !off.has(`email:${type}`),
        webhook: !off.has(`webhook:${type}`),
      })),
    };
  }

  async savePreferences(user: AuthUser, body: PreferencesDto): Promise<PreferencesResponse> {
    const seen = new Set<string>();
    const off: { kind: (typeof CHANNEL_KINDS)[number]; type: NotificationType }[] = [];
    for (const item of body.items) {
      if (seen.has(item.type)) throw DomainError.invalidField('items', `the type "${item.type}" is given twice`);
      seen.add(item.type);
      for (const kind of CHANNEL_KINDS) if (item[kind] === false) off.push({ kind, type: item.type });
    }
    await this.repository.transaction((em) => this.repository.savePreferences(em, user.id, off));
    return this.preferences(user);
  }
}

/** The problem events that may tell someone (see rule()). */
const TELLING_EVENTS = new Set([
  'assign',
  'return',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'escalate',
  'reopen',
  'verify',
  'resolve',
]);

/** The warning levels that tell someone; the others stay on the warning list. */
const WARNING_TYPES: Record<string, NotificationType | undefined> = {
  due_soon: 'due_soon',
  overdue: 'overdue',
  sign_for_overdue: 'sign_for_due',
  supervision_overdue: 'escalated',
  not_visited: 'visit_due',
};

function warningBody(
  type: NotificationType,
  problem: ProblemFacts,
  details: Record<string, unknown>,
  due: string,
): string {
  switch (type) {
    case 'due_soon':
      return `办理时限 ${due}，即将到期，请抓紧办理。`;
    case 'overdue':
      return typeof details.daysOverdue === 'number' && details.daysOverdue > 0
        ? `已超过办理时限 ${details.daysOverdue} 个工作日，请尽快办结。`
        : `已到办理时限 ${due}，请尽快办结。`;
    case 'sign_for_due':
      return `${problem.departmentName ?? ''}尚未签收该问题，请尽快签收。`;
    case 'escalated':
      return '督办事项已到答复时间，请尽快反馈办理情况。';
    default:
      return `办理时限 ${due}。`;
  }
}

function short(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function dateOf(value: unknown): Date | null {
  return typeof value === 'string' ? new Date(value) : null;
}

function toItem(row: {
  id: string;
  type: NotificationType;
  problemId: string | null;
  title: string;
  at: Date;
  readAt: Date | null;
}): NotificationItem {
  return {
    id: row.id,
    type: row.type,
    ...(row.problemId ? { problemId: row.problemId } : {}),
    title: row.title,
    at: row.at.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
