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
  | 'created'
  | 'assign'
  | 'accept'
  | 'progress'
  | 'resolve'
  | 'return'
  | 'verify'
  | 'reopen'
  | 'withdraw'
  | 'escalate'
  | 'request_extension'
  | 'approve_extension'
  | 'refuse_extension';

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
  request_extension: WITH_DEPARTMENT,
  approve_extension: WITH_DEPARTMENT,
  refuse_extension: WITH_DEPARTMENT,
};

/** Moves a handler of the problem's department takes; the others are a manager's. */
const DEPARTMENT_MOVES: EventType[] = ['accept', 'progress', 'resolve', 'return', 'request_extension'];

/** In an event's data: the id of the event at this index, filled in when the history is inserted. */
const EVENT_REF = '__eventIndex';

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
  firstDueAt: Date | null;
  signForDueAt: Date | null;
  signedForAt: Date | null;
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
    firstDueAt: null,
    signForDueAt: null,
    signedForAt: null,
    resolution: null,
    satisfaction: null,
    feedback: null,
    escalated: false,
    duplicateOf: null,
  };
  private actorId?: string;
  private inserted = false;
  /** The index of the extension request awaiting a decision. */
  private pendingRequest?: number;
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

  /**
   * An assignment. `signForDueAt` gives it a sign-for deadline (assignments recorded before those
   * existed have none). To the department that holds it, pass `sameDepartment: true` for the rule
   * of today (the deadlines are kept; `dueAt` is ignored); without it, the history records the
   * older kind of reassignment, which named a new date.
   */
  assign(
    at: Instant,
    departmentId: string,
    dueAt: Instant,
    note?: string,
    options: { signForDueAt?: Instant; sameDepartment?: boolean } = {},
  ): this {
    const reassigned = this.state.status !== 'reported';
    if (options.sameDepartment) {
      if (!WITH_DEPARTMENT.includes(this.state.status) || this.state.departmentId !== departmentId)
        throw new Error('sameDepartment: the department does not hold the problem');
      return this.move('assign', at, { status: 'assigned' }, note ?? null, {
        departmentId,
        dueAt: this.state.dueAt?.toISOString() ?? null,
        signForDueAt: this.state.signForDueAt?.toISOString() ?? null,
        reassigned,
        sameDepartment: true,
      });
    }
    const due = instant(dueAt);
    const signForDue = options.signForDueAt === undefined ? null : instant(options.signForDueAt);
    return this.move(
      'assign',
      at,
      { status: 'assigned', departmentId, dueAt: due, firstDueAt: due, signForDueAt: signForDue, signedForAt: null },
      note ?? null,
      {
        departmentId,
        dueAt: due.toISOString(),
        ...(signForDue ? { signForDueAt: signForDue.toISOString() } : {}),
        reassigned,
      },
    );
  }

  accept(at: Instant, note?: string): this {
    return this.move('accept', at, { status: 'in_progress', signedForAt: instant(at) }, note ?? null, {});
  }

  /** The department asks for a later deadline (延期申请). */
  requestExtension(at: Instant, dueAt: Instant, reason = '需协调省级部门，申请延期'): this {
    if (this.pendingRequest !== undefined) throw new Error('an extension request is pending already');
    const due = instant(dueAt);
    this.pendingRequest = this.events.length;
    return this.move('request_extension', at, {}, reason, {
      dueAt: due.toISOString(),
      previousDueAt: this.state.dueAt!.toISOString(),
    });
  }

  /** A manager approves the pending request: the deadline moves to the date it asked for. */
  approveExtension(at: Instant, note?: string): this {
    const index = this.takePending();
    const request = this.events[index]!;
    const dueAt = new Date(request.data.dueAt as string);
    return this.move('approve_extension', at, { dueAt }, note ?? null, {
      requestEventId: { [EVENT_REF]: index },
      dueAt: dueAt.toISOString(),
      previousDueAt: this.state.dueAt!.toISOString(),
    });
  }

  refuseExtension(at: Instant, reason = '理由不充分'): this {
    const index = this.takePending();
    return this.move('refuse_extension', at, {}, reason, { requestEventId: { [EVENT_REF]: index } });
  }

  private takePending(): number {
    if (this.pendingRequest === undefined) throw new Error('no extension request is pending');
    const index = this.pendingRequest;
    this.pendingRequest = undefined;
    return index;
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
    return this.move(
      'return',
      at,
      { status: 'reported', departmentId: null, dueAt: null, firstDueAt: null, signForDueAt: null, signedForAt: null },
      reason,
      { returnedBy },
    );
  }

  /** An unsatisfied verification with `redoDueAt` is a redo (返工) with its own deadline. */
  verify(at: Instant, satisfaction: Satisfaction, feedback?: string, redoDueAt?: Instant): this {
    const satisfied = satisfaction !== 'unsatisfied';
    const redo = redoDueAt === undefined ? undefined : instant(redoDueAt);
    return this.move(
      'verify',
      at,
      {
        status: satisfied ? 'closed' : 'in_progress',
        satisfaction,
        feedback: feedback ?? null,
        resolution: satisfied ? this.state.resolution : null,
        ...(redo ? { dueAt: redo, firstDueAt: redo } : {}),
      },
      feedback ?? null,
      redo ? { satisfaction, dueAt: redo.toISOString(), redo: true } : { satisfaction },
    );
  }

  /** Reopened; with `redoDueAt`, a redo (返工) with its own deadline (older reopens had none). */
  reopen(at: Instant, reason = '企业反映问题未解决', redoDueAt?: Instant): this {
    const redo = redoDueAt === undefined ? undefined : instant(redoDueAt);
    return this.move(
      'reopen',
      at,
      {
        status: 'in_progress',
        resolution: null,
        satisfaction: null,
        feedback: null,
        ...(redo ? { dueAt: redo, firstDueAt: redo } : {}),
      },
      reason,
      redo ? { dueAt: redo.toISOString(), redo: true } : {},
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
                               version, created_by, created_at, updated_at, resolved_at, last_event_type,
                               first_due_at, sign_for_due_at, signed_for_at)
         VALUES ($1, $2, 'other', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                 $21, $22, $23)
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
          this.state.firstDueAt?.toISOString() ?? null,
          this.state.signForDueAt?.toISOString() ?? null,
          this.state.signedForAt?.toISOString() ?? null,
        ],
      );
      if (this.events.some((e) => Object.values(e.data).some((v) => typeof v === 'object' && v !== null))) {
        // Events that name another event's id: one at a time, so the ids are known.
        const ids: string[] = [];
        for (const e of this.events) {
          const data = Object.fromEntries(
            Object.entries(e.data).map(([k, v]) => [
              k,
              typeof v === 'object' && v !== null && EVENT_REF in v
                ? ids[(v as Record<string, number>)[EVENT_REF]!]
                : v,
            ]),
          );
          const [row]: { id: string }[] = await em.query(
            `INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, at, note, data)
             VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9::jsonb) RETURNING id::text AS id`,
            [
              id,
              e.type,
              e.fromStatus,
              e.toStatus,
              e.departmentId,
              e.actorId,
              e.at.toISOString(),
              e.note,
              JSON.stringify(data),
            ],
          );
          ids.push(row!.id);
        }
        return { id, code, title: this.title };
      }
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
