/** Writes the demo data set: one statement per table, rows passed as one JSON array. */
import { insertAssists } from './demo-assists';
import { RESOLVED_STATUSES } from '../workflow/statuses';
import type { DemoData } from './demo-data';
import { Enterprise } from './demo-enterprises';
import type { Responsibility } from './demo-outreach';
import { Problem, Visit } from './demo-problems';
import type { ProductionStatuses } from './demo-production';
import { currentStage, type Project } from './demo-projects';
import { departmentId, DEPARTMENTS, type DemoUser, userId } from './demo-text';
import { beijing, iso } from './demo-time';

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

// ---------------------------------------------------------------------------------------------
// Inserting: one statement per table, rows passed as one JSON array
// ---------------------------------------------------------------------------------------------

/** Inserts rows in the given order, each row an object keyed by column; `columns` maps each to its SQL type. */
async function insertRows(
  db: Queryable,
  table: string,
  columns: Record<string, string>,
  rows: object[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const definitions = names.map((name) => `${name} ${columns[name]}`).join(', ');
  await db.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')}
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (${definitions})) WITH ORDINALITY AS r(${names.join(', ')}, ord)
     ORDER BY ord`,
    [JSON.stringify(rows)],
  );
}

/** Departments and people are as old as the programme. */
const REGISTERED_AT = iso(beijing(2023, 11, 20, 9));

export async function insertDemoData(
  db: Queryable,
  data: DemoData,
  passwordHash: string,
  users: DemoUser[],
): Promise<void> {
  await insertRows(
    db,
    'departments',
    { id: 'uuid', code: 'text', name: 'text', created_at: 'timestamptz' },
    DEPARTMENTS.map((d) => ({ id: departmentId(d.code), code: d.code, name: d.name, created_at: REGISTERED_AT })),
  );
  await insertRows(
    db,
    'users',
    {
      id: 'uuid',
      username: 'text',
      display_name: 'text',
      role: 'text',
      department_id: 'uuid',
      password_hash: 'text',
      disabled: 'boolean',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    users.map((u) => ({
      id: userId(u.username),
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      department_id: u.departmentCode ? departmentId(u.departmentCode) : null,
      password_hash: passwordHash,
      disabled: u.disabled ?? false,
      created_at: REGISTERED_AT,
      updated_at: REGISTERED_AT,
    })),
  );
  await insertEnterprises(db, data.enterprises, data.production);
  await insertResponsibilities(db, data.responsibilities);
  await insertVisits(db, data.visits);
  await insertProjects(db, data.projects.projects);
  await insertProductionEvents(db, data.production);
  await insertProblems(db, data.problems, data.projects.problemProjects);
  await insertEvents(db, data.problems);
  await insertAssists(db, data.assists);
  await insertCounters(db, data.problems);
}

/** enterprises carries each one's latest production status (normal, since never, when never watched). */
async function insertEnterprises(
  db: Queryable,
  enterprises: Enterprise[],
  production: ProductionStatuses,
): Promise<void> {
  await insertRows(
    db,
    'enterprises',
    {
      id: 'uuid',
      name: 'text',
      uscc: 'text',
      district_code: 'text',
      industry: 'text',
      is_above_scale: 'boolean',
      is_key: 'boolean',
      address: 'text',
      contact_name: 'text',
      contact_phone: 'text',
      created_by: 'uuid',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      production_status: 'text',
      production_status_since: 'timestamptz',
    },
    enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      uscc: e.uscc,
      district_code: e.districtCode,
      industry: e.industry,
      is_above_scale: e.isAboveScale,
      is_key: e.isKey,
      address: e.address,
      contact_name: e.contactName,
      contact_phone: e.contactPhone,
      created_by: e.createdBy,
      created_at: iso(e.createdAt),
      updated_at: iso(e.createdAt),
      production_status: production.current.get(e.id)?.status ?? 'normal',
      production_status_since: production.current.has(e.id) ? iso(production.current.get(e.id)!.since) : null,
    })),
  );
}

async function insertResponsibilities(db: Queryable, rows: Responsibility[]): Promise<void> {
  await insertRows(
    db,
    'responsibilities',
    {
      id: 'uuid',
      enterprise_id: 'uuid',
      user_id: 'uuid',
      kind: 'text',
      starts_at: 'timestamptz',
      ends_at: 'timestamptz',
      recorded_by: 'uuid',
      recorded_at: 'timestamptz',
      ended_by: 'uuid',
      ended_recorded_at: 'timestamptz',
      end_reason: 'text',
    },
    rows.map((r) => ({
      id: r.id,
      enterprise_id: r.enterpriseId,
      user_id: r.userId,
      kind: r.kind,
      starts_at: iso(r.startsAt),
      ends_at: r.endsAt === null ? null : iso(r.endsAt),
      recorded_by: r.recordedBy,
      recorded_at: iso(r.recordedAt),
      ended_by: r.endedBy,
      ended_recorded_at: r.endedRecordedAt === null ? null : iso(r.endedRecordedAt),
      end_reason: r.endReason,
    })),
  );
}

/**
 * The visits row carries the latest revision; revision 1 is the visit as first recorded, 2 its
 * amendment (an amended visit's two are written from the data, every other visit's one is copied).
 */
async function insertVisits(db: Queryable, visits: Visit[]): Promise<void> {
  await insertRows(
    db,
    'visits',
    {
      id: 'uuid',
      enterprise_id: 'uuid',
      visited_at: 'timestamptz',
      purpose: 'text',
      notes: 'text',
      policies_promoted: 'text[]',
      created_by: 'uuid',
      created_at: 'timestamptz',
      revision: 'integer',
      withdrawn_at: 'timestamptz',
      withdrawn_by: 'uuid',
      withdraw_reason: 'text',
    },
    visits.map((v) => {
      const latest = v.amendment ?? v;
      return {
        id: v.id,
        enterprise_id: v.enterpriseId,
        visited_at: iso(latest.visitedAt),
        purpose: latest.purpose,
        notes: latest.notes,
        policies_promoted: latest.policies,
        created_by: v.officials[0],
        created_at: iso(v.createdAt),
        revision: v.amendment ? 2 : 1,
        withdrawn_at: v.withdrawal ? iso(v.withdrawal.at) : null,
        withdrawn_by: v.withdrawal?.by ?? null,
        withdraw_reason: v.withdrawal?.reason ?? null,
      };
    }),
  );
  await insertRows(
    db,
    'visit_officials',
    { visit_id: 'uuid', user_id: 'uuid' },
    visits.flatMap((v) => (v.amendment ?? v).officials.map((official) => ({ visit_id: v.id, user_id: official }))),
  );
  const revision = (
    v: Visit,
    n: number,
    r: Pick<Visit, 'visitedAt' | 'purpose' | 'notes' | 'policies' | 'officials'>,
  ) => ({
    visit_id: v.id,
    revision: n,
    visited_at: iso(r.visitedAt),
    purpose: r.purpose,
    notes: r.notes,
    policies_promoted: r.policies,
    official_ids: [...r.officials].sort(),
    reason: n === 1 ? null : v.amendment!.reason,
    recorded_by: n === 1 ? v.officials[0] : v.amendment!.recordedBy,
    recorded_at: iso(n === 1 ? v.createdAt : v.amendment!.recordedAt),
  });
  await insertRows(
    db,
    'visit_revisions',
    {
      visit_id: 'uuid',
      revision: 'integer',
      visited_at: 'timestamptz',
      purpose: 'text',
      notes: 'text',
      policies_promoted: 'text[]',
      official_ids: 'uuid[]',
      reason: 'text',
      recorded_by: 'uuid',
      recorded_at: 'timestamptz',
    },
    visits.filter((v) => v.amendment).flatMap((v) => [revision(v, 1, v), revision(v, 2, v.amendment!)]),
  );
  // Revision 1 of every visit never amended is the visits row itself: copied in the database, which
  // is much faster than sending thousands of rows twice.
  await db.query(
    `INSERT INTO visit_revisions (visit_id, revision, visited_at, purpose, notes, policies_promoted,
                                  official_ids, recorded_by, recorded_at)
     SELECT v.id, 1, v.visited_at, v.purpose, v.notes, v.policies_promoted,
            (SELECT array_agg(vo.user_id ORDER BY vo.user_id) FROM visit_officials vo WHERE vo.visit_id = v.id),
            v.created_by, v.created_at
     FROM visits v
     WHERE v.revision = 1
     ORDER BY v.created_at, v.id`,
  );
}

/** The row holds the state after the last event; version counts the events after `created`. */
async function insertProblems(db: Queryable, problems: Problem[], projects: Map<string, string>): Promise<void> {
  await insertRows(
    db,
    'problems',
    {
      id: 'uuid',
      code: 'text',
      enterprise_id: 'uuid',
      visit_id: 'uuid',
      source: 'text',
      category_code: 'text',
      title: 'text',
      description: 'text',
      reported_at: 'timestamptz',
      status: 'text',
      department_id: 'uuid',
      due_at: 'timestamptz',
      resolution: 'text',
      satisfaction: 'text',
      feedback: 'text',
      escalated: 'boolean',
      duplicate_of: 'uuid',
      version: 'integer',
      created_by: 'uuid',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      resolved_at: 'timestamptz',
      last_event_type: 'text',
      project_id: 'uuid',
    },
    problems.map((p) => {
      const { state, events } = p.timeline;
      const lastResolve = events.filter((e) => e.type === 'resolve').pop();
      const resolved = RESOLVED_STATUSES.includes(state.status);
      return {
        id: p.id,
        code: p.code,
        enterprise_id: p.enterprise.id,
        visit_id: p.visitId,
        source: p.source,
        category_code: p.category,
        title: p.title,
        description: p.description,
        reported_at: iso(p.reportedAt),
        status: state.status,
        department_id: state.departmentId,
        due_at: state.dueAt?.toISOString() ?? null,
        resolution: state.resolution,
        satisfaction: state.satisfaction,
        feedback: state.feedback,
        escalated: state.escalated,
        duplicate_of: state.duplicateOf,
        version: events.length,
        created_by: p.createdBy,
        created_at: iso(events[0]!.at),
        updated_at: iso(events[events.length - 1]!.at),
        resolved_at: resolved && lastResolve ? iso(lastResolve.at) : null,
        last_event_type: events[events.length - 1]!.type,
        project_id: projects.get(p.id) ?? null,
      };
    }),
  );
}

/** In time order across all problems, so the identity ids grow with time as they would have live. */
async function insertEvents(db: Queryable, problems: Problem[]): Promise<void> {
  const rows = problems.flatMap((p) => p.timeline.events.map((event, seq) => ({ problem: p, event, seq })));
  rows.sort((a, b) => a.event.at - b.event.at || a.problem.code.localeCompare(b.problem.code) || a.seq - b.seq);
  await insertRows(
    db,
    'problem_events',
    {
      problem_id: 'uuid',
      type: 'text',
      from_status: 'text',
      to_status: 'text',
      department_id: 'uuid',
      actor_id: 'uuid',
      at: 'timestamptz',
      note: 'text',
      data: 'jsonb',
    },
    rows.map(({ problem, event }) => ({
      problem_id: problem.id,
      type: event.type,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      department_id: event.departmentId,
      actor_id: event.actorId,
      at: iso(event.at),
      note: event.note,
      data: event.data,
    })),
  );
}

/** New problems continue each year's sequence after the demo's codes. */
async function insertCounters(db: Queryable, problems: Problem[]): Promise<void> {
  const last = new Map<number, number>();
  for (const p of problems) {
    const [, year, value] = p.code.split('-');
    last.set(Number(year), Math.max(last.get(Number(year)) ?? 0, Number(value)));
  }
  await insertRows(
    db,
    'problem_code_counters',
    { year: 'integer', last_value: 'integer' },
    [...last].sort(([a], [b]) => a - b).map(([year, lastValue]) => ({ year, last_value: lastValue })),
  );
}

/** Projects, then their stage events and investment entries, each in the order they were recorded. */
async function insertProjects(db: Queryable, projects: Project[]): Promise<void> {
  await insertRows(
    db,
    'projects',
    {
      id: 'uuid',
      code: 'text',
      plan_year: 'integer',
      name: 'text',
      owner_enterprise_id: 'uuid',
      district_code: 'text',
      industry: 'text',
      kind: 'text',
      planned_total_investment_yuan: 'numeric',
      planned_annual_investment_yuan: 'numeric',
      planned_start_date: 'date',
      department_id: 'uuid',
      leader_name: 'text',
      stage: 'text',
      version: 'integer',
      created_by: 'uuid',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    projects.map((p) => ({
      id: p.id,
      code: p.code,
      plan_year: p.planYear,
      name: p.name,
      owner_enterprise_id: p.owner.id,
      district_code: p.owner.districtCode,
      industry: p.owner.industry,
      kind: p.kind,
      planned_total_investment_yuan: p.plannedTotalYuan,
      planned_annual_investment_yuan: p.plannedAnnualYuan,
      planned_start_date: p.plannedStartDate,
      department_id: p.departmentId,
      leader_name: p.leaderName,
      stage: currentStage(p),
      version: 1 + p.stages.length,
      created_by: p.createdBy,
      created_at: iso(p.createdAt),
      updated_at: iso(Math.max(p.createdAt, ...p.stages.map((s) => s.recordedAt))),
    })),
  );
  const stages = projects.flatMap((p) => p.stages.map((s) => ({ p, s })));
  stages.sort((a, b) => a.s.recordedAt - b.s.recordedAt || a.p.code.localeCompare(b.p.code));
  await insertRows(
    db,
    'project_stage_events',
    {
      project_id: 'uuid',
      stage: 'text',
      effective_at: 'timestamptz',
      note: 'text',
      actor_id: 'uuid',
      recorded_at: 'timestamptz',
    },
    stages.map(({ p, s }) => ({
      project_id: p.id,
      stage: s.stage,
      effective_at: iso(s.effectiveAt),
      note: s.note,
      actor_id: s.actorId,
      recorded_at: iso(s.recordedAt),
    })),
  );
  const investments = projects.flatMap((p) => p.investments.map((i) => ({ p, i })));
  investments.sort((a, b) => a.i.recordedAt - b.i.recordedAt || a.p.code.localeCompare(b.p.code));
  await insertRows(
    db,
    'project_investments',
    {
      project_id: 'uuid',
      month: 'date',
      revision: 'integer',
      amount_yuan: 'numeric',
      reason: 'text',
      recorded_by: 'uuid',
      recorded_at: 'timestamptz',
    },
    investments.map(({ p, i }) => ({
      project_id: p.id,
      month: i.month,
      revision: i.revision,
      amount_yuan: i.amountYuan,
      reason: i.reason,
      recorded_by: i.recordedBy,
      recorded_at: iso(i.recordedAt),
    })),
  );
}

async function insertProductionEvents(db: Queryable, production: ProductionStatuses): Promise<void> {
  await insertRows(
    db,
    'production_status_events',
    {
      enterprise_id: 'uuid',
      status: 'text',
      effective_at: 'timestamptz',
      output_month: 'date',
      output_value_yuan: 'numeric',
      note: 'text',
      recorded_by: 'uuid',
      recorded_at: 'timestamptz',
    },
    production.events.map((e) => ({
      enterprise_id: e.enterpriseId,
      status: e.status,
      effective_at: iso(e.effectiveAt),
      output_month: e.outputMonth,
      output_value_yuan: e.outputValueYuan,
      note: e.note,
      recorded_by: e.recordedBy,
      recorded_at: iso(e.recordedAt),
    })),
  );
}
