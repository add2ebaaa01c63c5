import { randomBytes } from 'node:crypto';
import { TestApp } from '../support/test-app';

/**
 * Problem histories at chosen past instants, written straight into the database the way the demo
 * data is: a `problems` row holding the final state, and its `problem_events` rows in time order.
 *
 * The API stamps every action with the current instant and refuses deadlines in the past, so a
 * report over 2025-Q1 cannot be fed through it; this builder can. It keeps the problems row
 * consistent with the events (status, department, deadline, resolved_at, last_event_type,
 * version, created_at, updated_at) and refuses moves the workflow would refuse, so a test cannot
 * describe a history the service could never have written. Events are append-only in the
 * database: each history is inserted once, complete.
 */

type Status = 'reported' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';
type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
type EventType =
  'created' | 'assign' | 'accept' | 'progress' | 'resolve' | 'return' | 'verify' | 'reopen' | 'withdraw' | 'escalate';

/** An instant: a Date, or text with an offset such as `2025-03-31T23:30:00+08:00`. */
export type Instant = Date | string;

/** `2025-03-31 23:30` (Beijing time) → `2025-03-31T23:30:00+08:00`; seconds may be given. */
export function bj(local: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?$/.exec(local);
  if (!match) throw new Error(`bj("${local}"): expected YYYY-MM-DD HH:mm[:ss]`);
  return `${match[1]}T${match[2]}${match[3] ?? ':00'}+08:00`;
}

const OPEN: Status[] = ['reported', 'assigned', 'in_progress'];
const WITH_DEPARTMENT: Status[] = ['assigned', 'in_progress'];

/** From which statuses each move is allowed (docs/domain.md, "Actions"). */
const ALLOWED_FROM: Record<Exclude<EventType, 'created'>, Status[]> = {
  assign: OPEN,
  accept: ['assigned'],
  progress: WITH_DEPARTMENT,
  resolve: WITH_DEPARTMENT,
  return: WITH_DEPARTMENT,
  verify: ['resolved'],
  reopen: ['resolved'],
  withdraw: OPEN,
  escalate: OPEN,
};

/** Moves a handler of the problem's department takes; the others are a manager's. */
const DEPARTMENT_MOVES: EventType[] = ['accept', 'progress', 'resolve', 'return'];

interface EventRow {
  type: EventType;
  fromStatus: Status | null;
  toStatus: Status;
  departmentId: string | null;
  actorId: string;
  at: Date;
  note: string | null;
  data: Record<string, unknown>;
}

interface State {
  status: Status;
  departmentId: string | null;
  dueAt: Date | null;
  resolution: string | null;
  satisfaction: Satisfaction | null;
  feedback: string | null;
  escalated: boolean;
  duplicateOf: string | null;
}

export interface NewHistory {
  /** When it was recorded (may be earlier than enteredAt: a backdated entry). */
  reportedAt: Instant;
  /** When it was entered into the system (its `created` event); defaults to reportedAt. */
  enteredAt?: Instant;
  enterpriseId: string;
  category?: string;
  title?: string;
  description?: string;
  /** The user who entered it (the actor of the `created` event). */
  createdBy: string;
  /** The actor of the manager's moves (assign, verify, reopen, withdraw, escalate); default createdBy. */
  managerId?: string;
  /** The actor of a department's moves (accept, progress, resolve, return), by department id; default managerId. */
  handlers?: Record<string, string>;
}

export interface InsertedProblem {
  id: string;
  code: string;
  title: string;
}

function instant(value: Instant): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`not an instant: ${String(value)}`);
  if (typeof value === 'string' && !/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new Error(`an instant needs an offset: ${value}`);
  }
  return date;
}

let serial = 0;

export class ProblemHistory {
  private readonly events: EventRow[] = [];
  private readonly state: State = {
    status: 'reported',
    departmentId: null,
    dueAt: null,
    resolution: null,
    satisfaction: null,
    feedback: null,
    escalated: false,
    duplicateOf: null,
  };
  private actorId?: string;
  private inserted = false;
  readonly title: string;

  constructor(
    private readonly t: TestApp,
    private readonly spec: NewHistory,
  ) {
    serial += 1;
    this.title = spec.title ?? `历史问题${serial}`;
    this.events.push({
      type: 'created',
      fromStatus: null,
      toStatus: 'reported',
      departmentId: null,
      actorId: spec.createdBy,
      at: instant(spec.enteredAt ?? spec.reportedAt),
      note: null,
      data: {},
    });
  }

  /** The actor of the events that follow, whatever the move (instead of managerId / handlers). */
  by(userId: string): this {
    this.actorId = userId;
    return this;
  }

  assign(at: Instant, departmentId: string, dueAt: Instant, note?: string): this {
    const due = instant(dueAt);
    const reassigned = this.state.status !== 'reported';
    return this.move('assign', at, { status: 'assigned', departmentId, dueAt: due }, note ?? null, {
      departmentId,
      dueAt: due.toISOString(),
      reassigned,
    });
  }

  accept(at: Instant, note?: string): this {
    return this.move('accept', at, { status: 'in_progress' }, note ?? null, {});
  }

  progress(at: Instant, note: string): this {
    return this.move('progress', at, {}, note, {});
  }

  resolve(at: Instant, resolution = '已办结'): this {
    return this.move('resolve', at, { status: 'resolved', resolution }, resolution, {});
  }

  /** The department the problem is with sends it back: unassigned again, no deadline. */
  return(at: Instant, reason = '不属于本单位职责'): this {
    const returnedBy = this.state.departmentId;
    return this.move('return', at, { status: 'reported', departmentId: null, dueAt: null }, reason, { returnedBy });
  }

  verify(at: Instant, satisfaction: Satisfaction, feedback?: string): this {
    const satisfied = satisfaction !== 'unsatisfied';
    return this.move(
      'verify',
      at,
      {
        status: satisfied ? 'closed' : 'in_progress',
        satisfaction,
        feedback: feedback ?? null,
        resolution: satisfied ? this.state.resolution : null,
      },
      feedback ?? null,
      { satisfaction },
    );
  }

  reopen(at: Instant, reason = '企业反映问题未解决'): this {
    return this.move(
      'reopen',
      at,
      { status: 'in_progress', resolution: null, satisfaction: null, feedback: null },
      reason,
      {},
    );
  }

  withdraw(at: Instant, reason = '重复登记', duplicateOf?: string): this {
    return this.move(
      'withdraw',
      at,
      { status: 'withdrawn', duplicateOf: duplicateOf ?? null },
      reason,
      duplicateOf ? { duplicateOf } : {},
    );
  }

  escalate(at: Instant, note: string): this {
    return this.move('escalate', at, { escalated: true }, note, {});
  }

  /**
   * Adds fields to the last event's data: what later rules record beside an action (a sign-for
   * deadline or `sameDepartment` on an assignment, a redo's `dueAt`, a supervision's `level`).
   */
  with(data: Record<string, unknown>): this {
    if (this.inserted) throw new Error('this history has been inserted already: events are append-only');
    Object.assign(this.events[this.events.length - 1]!.data, data);
    return this;
  }

  /**
   * An event this builder has no move for (`request_extension`, `approve_extension`, `lift`, …):
   * the status stays; `change` updates the problem row (a lift clears `escalated`). A handler of
   * the problem's department is the actor when `byDepartment`, else the manager.
   */
  other(
    type: string,
    atValue: Instant,
    data: Record<string, unknown> = {},
    options: { note?: string; change?: Partial<State>; byDepartment?: boolean } = {},
  ): this {
    if (this.inserted) throw new Error('this history has been inserted already: events are append-only');
    const at = instant(atValue);
    const last = this.events[this.events.length - 1]!;
    if (at <= last.at) throw new Error(`${type} at ${at.toISOString()} is not after the previous event`);
    const managerId = this.spec.managerId ?? this.spec.createdBy;
    const department = this.state.departmentId;
    const actorId =
      this.actorId ?? (options.byDepartment ? (this.spec.handlers?.[department!] ?? managerId) : managerId);
    const from = this.state.status;
    Object.assign(this.state, options.change ?? {});
    this.events.push({
      type: type as EventType,
      fromStatus: from,
      toStatus: this.state.status,
      departmentId: this.state.departmentId,
      actorId,
      at,
      note: options.note ?? null,
      data,
    });
    return this;
  }

  private move(
    type: Exclude<EventType, 'created'>,
    atValue: Instant,
    change: Partial<State>,
    note: string | null,
    data: Record<string, unknown>,
  ): this {
    if (this.inserted) throw new Error('this history has been inserted already: events are append-only');
    const at = instant(atValue);
    const last = this.events[this.events.length - 1]!;
    if (at <= last.at) {
      throw new Error(`${type} at ${at.toISOString()} is not after the previous event (${last.at.toISOString()})`);
    }
    const from = this.state.status;
    if (!ALLOWED_FROM[type].includes(from)) throw new Error(`cannot ${type} a problem whose status is ${from}`);
    const department = this.state.departmentId;
    const managerId = this.spec.managerId ?? this.spec.createdBy;
    const actorId =
      this.actorId ?? (DEPARTMENT_MOVES.includes(type) ? (this.spec.handlers?.[department!] ?? managerId) : managerId);
    Object.assign(this.state, change);
    this.events.push({
      type,
      fromStatus: from,
      toStatus: this.state.status,
      departmentId: this.state.departmentId,
      actorId,
      at,
      note,
      data,
    });
    return this;
  }

  /** Writes the problems row and its events, in one transaction. */
  async insert(): Promise<InsertedProblem> {
    if (this.inserted) throw new Error('this history has been inserted already');
    this.inserted = true;
    const first = this.events[0]!;
    const last = this.events[this.events.length - 1]!;
    const lastResolve = this.events.filter((e) => e.type === 'resolve').pop();
    const resolved = this.state.status === 'resolved' || this.state.status === 'closed';
    const code = `HX-${randomBytes(5).toString('hex').toUpperCase()}`;
    return this.t.db.transaction(async (em) => {
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO problems (code, enterprise_id, source, category_code, title, description, reported_at, status,
                               department_id, due_at, resolution, satisfaction, feedback, escalated, duplicate_of,
                               version, created_by, created_at, updated_at, resolved_at, last_event_type)
         VALUES ($1, $2, 'other', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         RETURNING id`,
        [
          code,
          this.spec.enterpriseId,
          this.spec.category ?? 'factor_supply',
          this.title,
          this.spec.description ?? null,
          instant(this.spec.reportedAt).toISOString(),
          this.state.status,
          this.state.departmentId,
          this.state.dueAt?.toISOString() ?? null,
          this.state.resolution,
          this.state.satisfaction,
          this.state.feedback,
          this.state.escalated,
          this.state.duplicateOf,
          this.events.length,
          this.spec.createdBy,
          first.at.toISOString(),
          last.at.toISOString(),
          resolved && lastResolve ? lastResolve.at.toISOString() : null,
          last.type,
        ],
      );
      // One statement, rows in time order: the identity ids follow the order of the events.
      const values: unknown[] = [];
      const rows = this.events.map((e) => {
        const base = values.length;
        values.push(
          id,
          e.type,
          e.fromStatus,
          e.toStatus,
          e.departmentId,
          e.actorId,
          e.at.toISOString(),
          e.note,
          JSON.stringify(e.data),
        );
        const p = (n: number) => `$${base + n}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}::timestamptz, ${p(8)}, ${p(9)}::jsonb)`;
      });
      await em.query(
        `INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, at, note, data)
         VALUES ${rows.join(', ')}`,
        values,
      );
      return { id, code, title: this.title };
    });
  }
}

/** `history(t).problem({ reportedAt, enterpriseId, createdBy }).assign(…).accept(…).resolve(…).insert()`. */
export function history(t: TestApp): { problem: (spec: NewHistory) => ProblemHistory } {
  return { problem: (spec) => new ProblemHistory(t, spec) };
}
