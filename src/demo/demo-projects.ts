/**
 * The key projects (重点项目) of the demo data: each year's plan from 2024 up to the year of loading,
 * their stage events, monthly completed investment with a few amendments, and the problems that
 * concern a project.
 *
 * Built around the published Q1 2025 figures: the 2025 plan holds 165 projects, 66 of which started
 * construction by the end of the quarter (a stage event into started effective and recorded by
 * then: 40.0 %); completed investment in Q1 2025 is 8,350,000,000 yuan against 7,740,000,000 in Q1
 * 2024 (+7.9 %). `assertProjectFigures` refuses a data set that misses them.
 *
 * Everything draws from its own random streams ("projects:…"), so nothing that existed before moves:
 * not the problems, not their histories, not 127 / 116 / 91.3 %. Same seed and same "now", same rows.
 */
import type { ProjectKind, ProjectStage } from '../projects/project-vocabulary';
import { STARTED_STAGES } from '../projects/project-vocabulary';
import { OPEN_STATUSES, WITH_DEPARTMENT_STATUSES } from '../workflow/statuses';
import type { Enterprise } from './demo-enterprises';
import type { Problem } from './demo-problems';
import {
  departmentId,
  DISTRICTS,
  GIVEN_NAMES,
  HANDLER_BY_DEPARTMENT,
  INVESTMENT_AMENDMENTS,
  MANAGERS,
  PROJECT_DEPARTMENTS,
  PROJECT_INDUSTRIES,
  PROJECT_SIZES,
  PROJECT_TEMPLATES,
  STAGE_NOTES,
  SURNAMES,
  userId,
} from './demo-text';
import { beijing, beijingYear, DAY, demoId, HOUR, MINUTE, Random, workingTime } from './demo-time';

// ---------------------------------------------------------------------------------------------
// The published figures
// ---------------------------------------------------------------------------------------------

export const KEY_PLAN_YEAR = 2025;
export const KEY_PLAN_PROJECTS = 165;
export const KEY_PLAN_STARTED = 66;
/** Completed investment (yuan) in Q1 2025 and in Q1 2024, as of the end of each quarter and later. */
export const KEY_INVESTMENT: Record<number, number> = { 2025: 8_350_000_000, 2024: 7_740_000_000 };
const KEY_QUARTER_END = beijing(2025, 4, 1);

/** Projects per plan; the continuing ones (续建) are carried over from the plan before. */
const PLAN_SIZES: Record<number, { total: number; continuing: number }> = {
  2024: { total: 148, continuing: 44 },
  2025: { total: KEY_PLAN_PROJECTS, continuing: 50 },
};
const LATER_PLAN = { total: 170, continuing: 55 };
/** 2025's new projects started and recorded by the end of Q1, and two whose start was recorded in April. */
const KEY_NEW_STARTERS = KEY_PLAN_STARTED - PLAN_SIZES[2025]!.continuing;
const KEY_LATE_RECORDED = 2;

/** How a year's investment is spread over its months (winter is slow). */
const SEASON = [0.6, 0.55, 0.95, 1.05, 1.15, 1.2, 1.15, 1.15, 1.1, 1.05, 0.9, 0.7];
/** Months new projects start in (from March, once the ground thaws). */
const START_MONTHS = { 3: 3, 4: 5, 5: 5, 6: 3, 7: 2, 8: 2, 9: 1, 10: 1 };
const TEN_THOUSAND = 10_000;

export interface StageEvent {
  stage: ProjectStage;
  effectiveAt: number;
  recordedAt: number;
  note: string;
  actorId: string;
}

export interface Investment {
  /** The first day of the month, 'YYYY-MM-01'. */
  month: string;
  revision: number;
  amountYuan: number;
  reason: string | null;
  recordedBy: string;
  recordedAt: number;
}

export interface Project {
  id: string;
  code: string;
  planYear: number;
  name: string;
  owner: Enterprise;
  kind: ProjectKind;
  plannedTotalYuan: number;
  plannedAnnualYuan: number;
  /** 'YYYY-MM-DD' */
  plannedStartDate: string;
  departmentId: string;
  leaderName: string;
  createdBy: string;
  createdAt: number;
  /** In time order; only those recorded before "now" are loaded. */
  stages: StageEvent[];
  investments: Investment[];
  /** The project of the plan before that this one continues, if any. */
  carriedFrom: Project | null;
}

export interface DemoProjects {
  projects: Project[];
  /** problem id → project id */
  problemProjects: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month: number) => `${year}-${pad(month)}-01`;
function beijingDate(t: number): string {
  const d = new Date(t + 8 * HOUR);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function beijingMonth(t: number): number {
  return new Date(t + 8 * HOUR).getUTCMonth() + 1;
}
/** A working instant on a day drawn from [from, to). */
function someWorkingTime(rng: Random, from: number, to: number): number {
  return workingTime(from + rng.between(0, to - from), rng);
}
/** A working instant (09:00–17:30) on one of the last working days of a month, never after it. */
function lastWorkingDays(rng: Random, year: number, month: number): number {
  let day = beijing(year, month + 1, 1) - DAY - rng.int(0, 3) * DAY;
  for (;;) {
    const weekday = new Date(day + 8 * HOUR).getUTCDay();
    if (weekday !== 0 && weekday !== 6) break;
    day -= DAY;
  }
  return day + Math.round(rng.between(9 * 60, 17.5 * 60)) * MINUTE;
}
const personName = (rng: Random) => rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);

/** Who records a project's stages and investment: its department's handler, or a manager. */
function recorderOf(project: Pick<Project, 'departmentId'>, rng: Random): string {
  return HANDLER_BY_DEPARTMENT.get(project.departmentId) ?? userId(rng.pick(MANAGERS));
}

// ---------------------------------------------------------------------------------------------
// Plans and stages
// ---------------------------------------------------------------------------------------------

/** Enterprises that may own a project: manufacturing-side industries, larger ones more often. */
function owners(enterprises: Enterprise[]): Map<string, Enterprise[]> {
  const byDistrict = new Map<string, Enterprise[]>();
  for (const e of enterprises) {
    if (!PROJECT_INDUSTRIES.includes(e.industry)) continue;
    byDistrict.set(e.districtCode, [...(byDistrict.get(e.districtCode) ?? []), e]);
  }
  return byDistrict;
}

function pickOwner(rng: Random, pool: Map<string, Enterprise[]>): Enterprise {
  const weights = Object.fromEntries(DISTRICTS.filter((d) => pool.has(d.code)).map((d) => [d.code, d.weight]));
  const local = pool.get(rng.weighted(weights))!;
  const weight = (e: Enterprise) => 1 + (e.isKey ? 3 : 0) + (e.isAboveScale ? 1 : 0);
  let roll = rng.next() * local.reduce((sum, e) => sum + weight(e), 0);
  for (const e of local) {
    roll -= weight(e);
    if (roll < 0) return e;
  }
  return local[local.length - 1]!;
}

function projectName(rng: Random, owner: Enterprise): string {
  const template = rng.pick(PROJECT_TEMPLATES[owner.industry]);
  const n = template.sizes.length > 0 ? String(rng.pick(template.sizes)) : '';
  return `${owner.shortName}${template.name.replaceAll('{n}', n)}`;
}

/** When the plan of `year` was entered: a working day in the second half of January. */
const planEnteredAt = (year: number, rng: Random) => someWorkingTime(rng, beijing(year, 1, 15), beijing(year, 1, 26));

/** A start of construction in `year`, by the usual months; the event is recorded within a few days. */
function startIn(rng: Random, year: number): number {
  const month = Number(rng.weighted(Object.fromEntries(Object.entries(START_MONTHS).map(([m, w]) => [m, w]))));
  const from = beijing(year, month, month === 3 ? 5 : 1);
  return someWorkingTime(rng, from, from + 26 * DAY);
}

function stage(
  rng: Random,
  project: Project,
  kind: ProjectStage,
  effectiveAt: number,
  recordedAt?: number,
  note?: string,
): StageEvent {
  return {
    stage: kind,
    effectiveAt,
    recordedAt: recordedAt ?? workingTime(effectiveAt + rng.between(2, 80) * HOUR, rng),
    note: note ?? rng.pick(STAGE_NOTES[kind as 'started' | 'completed' | 'in_production']),
    actorId: recorderOf(project, rng),
  };
}

/** A started project may be completed within its year, and then go into production. */
function finish(rng: Random, project: Project, startedAt: number): void {
  const year = project.planYear;
  const earliest = Math.max(startedAt + (project.kind === 'continuing' ? 90 : 160) * DAY, beijing(year, 5, 1));
  const latest = beijing(year, 12, 20);
  const chance = project.kind === 'continuing' ? 0.3 : 0.12;
  if (earliest >= latest || !rng.chance(chance)) return;
  const completedAt = someWorkingTime(rng, earliest, latest);
  project.stages.push(stage(rng, project, 'completed', completedAt));
  if (rng.chance(0.3)) {
    project.stages.push(
      stage(rng, project, 'in_production', someWorkingTime(rng, completedAt + 20 * DAY, completedAt + 60 * DAY)),
    );
  }
}

/** The stage a project had reached by the end of its plan year, by the events recorded by then. */
function stageAtYearEnd(p: Project): ProjectStage {
  const end = beijing(p.planYear + 1, 1, 1);
  const seen = p.stages.filter((s) => s.effectiveAt < end && s.recordedAt < end);
  return seen.length > 0 ? seen[seen.length - 1]!.stage : 'preparation';
}

function buildPlan(
  year: number,
  previous: Project[],
  pool: Map<string, Enterprise[]>,
  preferredOwners: Enterprise[],
): Project[] {
  const rng = new Random(`projects:plan:${year}`);
  const size = PLAN_SIZES[year] ?? LATER_PLAN;
  const enteredAt = planEnteredAt(year, rng);
  const createdBy = userId(rng.pick(MANAGERS));
  const projects: Project[] = [];
  const code = () => `XM-${year}-${String(projects.length + 1).padStart(3, '0')}`;
  const base = (owner: Enterprise, kind: ProjectKind): Project => {
    const c = code();
    const [low, high] = PROJECT_SIZES[owner.industry];
    return {
      id: demoId('project', c),
      code: c,
      planYear: year,
      name: projectName(rng, owner),
      owner,
      kind,
      plannedTotalYuan: Math.round(rng.between(low, high) * 100) * 1_000_000,
      plannedAnnualYuan: 0,
      plannedStartDate: '',
      departmentId: departmentId(rng.weighted(PROJECT_DEPARTMENTS)),
      leaderName: personName(rng),
      createdBy,
      createdAt: enteredAt + projects.length * MINUTE,
      stages: [],
      investments: [],
      carriedFrom: null,
    };
  };

  // Continuing projects: started in an earlier year and not completed (2024's come from 2023).
  const unfinished = previous.filter((p) => stageAtYearEnd(p) === 'started');
  const carried = rng.sample(unfinished, Math.min(size.continuing, unfinished.length));
  carried.sort((a, b) => a.code.localeCompare(b.code));
  for (let i = 0; i < size.continuing; i += 1) {
    const from = carried[i];
    const project = base(from?.owner ?? pickOwner(rng, pool), 'continuing');
    let startedAt: number;
    if (from) {
      Object.assign(project, {
        name: from.name,
        departmentId: from.departmentId,
        leaderName: from.leaderName,
        plannedTotalYuan: from.plannedTotalYuan,
        plannedStartDate: from.plannedStartDate,
        carriedFrom: from,
      });
      startedAt = from.stages.find((s) => s.stage === 'started')!.effectiveAt;
    } else {
      startedAt = startIn(rng, year - 1);
      project.plannedStartDate = beijingDate(startedAt - rng.int(0, 20) * DAY);
    }
    // Entered with the plan: the start it continues from is recorded then.
    project.stages.push(stage(rng, project, 'started', startedAt, project.createdAt + MINUTE, STAGE_NOTES.carried));
    finish(rng, project, startedAt);
    projects.push(project);
  }

  // New projects (新建). In 2025 the first ones (some owned by enterprises with open problems) are
  // the quarter's starters.
  const newCount = size.total - size.continuing;
  for (let i = 0; i < newCount; i += 1) {
    const owner = year === KEY_PLAN_YEAR && i < preferredOwners.length ? preferredOwners[i]! : pickOwner(rng, pool);
    const project = base(owner, 'new');
    let startedAt: number | null;
    let recordedAt: number | undefined;
    if (year === KEY_PLAN_YEAR && i < KEY_NEW_STARTERS) {
      startedAt = someWorkingTime(rng, beijing(2025, 2, 24), beijing(2025, 3, 24));
      recordedAt = workingTime(startedAt + rng.between(2, 48) * HOUR, rng);
    } else if (year === KEY_PLAN_YEAR && i < KEY_NEW_STARTERS + KEY_LATE_RECORDED) {
      // Started in the quarter's last days, reported only after it ended.
      startedAt = beijing(2025, 3, 27 + i - KEY_NEW_STARTERS, 9, 30);
      recordedAt = beijing(2025, 4, 2 + i - KEY_NEW_STARTERS, 10, 15);
    } else if (rng.chance(0.95)) {
      startedAt = startIn(rng, year);
      if (year === KEY_PLAN_YEAR && startedAt < beijing(2025, 4, 7)) {
        startedAt = someWorkingTime(rng, beijing(2025, 4, 7), beijing(2025, 8, 1));
      }
    } else {
      startedAt = null;
    }
    const plannedStart = startedAt ?? someWorkingTime(rng, beijing(year, 4, 1), beijing(year, 9, 30));
    project.plannedStartDate = beijingDate(plannedStart + rng.int(-25, 20) * DAY);
    if (startedAt !== null) {
      project.stages.push(stage(rng, project, 'started', startedAt, recordedAt));
      finish(rng, project, startedAt);
    }
    projects.push(project);
  }
  return projects;
}

/** 2024's continuing projects continue ones started in 2023, before the service existed. */
function synthetic2023(pool: Map<string, Enterprise[]>): Project[] {
  const rng = new Random('projects:2023');
  return Array.from({ length: PLAN_SIZES[2024]!.continuing }, (_, i) => {
    const owner = pickOwner(rng, pool);
    const startedAt = startIn(rng, 2023);
    const [low, high] = PROJECT_SIZES[owner.industry];
    const project: Project = {
      id: '',
      code: `2023-${i}`,
      planYear: 2023,
      name: projectName(rng, owner),
      owner,
      kind: 'new',
      plannedTotalYuan: Math.round(rng.between(low, high) * 100) * 1_000_000,
      plannedAnnualYuan: 0,
      plannedStartDate: beijingDate(startedAt - rng.int(0, 30) * DAY),
      departmentId: departmentId(rng.weighted(PROJECT_DEPARTMENTS)),
      leaderName: personName(rng),
      createdBy: '',
      createdAt: startedAt,
      stages: [],
      investments: [],
      carriedFrom: null,
    };
    project.stages.push({ stage: 'started', effectiveAt: startedAt, recordedAt: startedAt, note: '', actorId: '' });
    return project;
  });
}

// ---------------------------------------------------------------------------------------------
// Monthly completed investment
// ---------------------------------------------------------------------------------------------

/** The months of its plan year a project invests in: from its start (or January) to its completion. */
function investingMonths(p: Project): number[] {
  const year = p.planYear;
  const started = p.stages.find((s) => s.stage === 'started');
  if (!started) return [];
  // A start reported only the next month (two in March 2025) has its first entry that month.
  const first = started.effectiveAt < beijing(year, 1, 1) ? 1 : beijingMonth(started.recordedAt);
  const completed = p.stages.find((s) => s.stage === 'completed');
  const last = completed ? beijingMonth(completed.effectiveAt) : 12;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Largest remainder: integers proportional to `weights` summing to exactly `total`. */
function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}

/**
 * Each month's figure is entered in the month's last working days (the statistics office's
 * month-end flash report), so a quarter's months are all in by its end; amounts are whole 万元.
 * Q1 2024 and Q1 2025 are scaled to their published totals exactly.
 */
function buildInvestments(plans: Map<number, Project[]>): void {
  let scale = 1;
  for (const [year, projects] of [...plans].sort(([a], [b]) => a - b)) {
    const rng = new Random(`projects:investment:${year}`);
    const raw: { project: Project; month: number; amount: number }[] = [];
    for (const project of projects) {
      const months = investingMonths(project);
      months.forEach((month, i) => {
        const partial = i === 0 && project.kind === 'new' ? 0.5 : 1;
        const amount = project.plannedTotalYuan * 0.06 * SEASON[month - 1]! * partial * rng.between(0.7, 1.3);
        raw.push({ project, month, amount });
      });
    }
    const inQ1 = raw.filter((r) => r.month <= 3);
    const target = KEY_INVESTMENT[year];
    if (target !== undefined) scale = target / inQ1.reduce((sum, r) => sum + r.amount, 0);
    const units = raw.map((r) => Math.max(1, Math.round((r.amount * scale) / TEN_THOUSAND)));
    if (target !== undefined) {
      const exact = apportion(
        inQ1.map((r) => r.amount),
        target / TEN_THOUSAND,
      );
      inQ1.forEach((r, i) => (units[raw.indexOf(r)] = exact[i]!));
    }
    raw.forEach((r, i) => {
      r.project.investments.push({
        month: monthKey(year, r.month),
        revision: 1,
        amountYuan: units[i]! * TEN_THOUSAND,
        reason: null,
        recordedBy: recorderOf(r.project, rng),
        recordedAt: lastWorkingDays(rng, year, r.month),
      });
    });
  }
}

/**
 * Amendments (revision 2, the original kept): in February 2024 and February 2025 part of one
 * project's month was entered under another and moved back, both entries amended together (the
 * quarter's total does not change); and one June 2025 figure trimmed after an audit.
 */
function amendInvestments(plans: Map<number, Project[]>): void {
  const rng = new Random('projects:amendments');
  const month = (p: Project, m: string) => p.investments.find((i) => i.month === m && i.revision === 1);
  const moved = (year: number, recordedAt: number) => {
    const key = monthKey(year, 2);
    const [from, to] = rng.sample(
      (plans.get(year) ?? []).filter((p) => month(p, key)),
      2,
    );
    if (!from || !to) return;
    const a = month(from, key)!;
    const b = month(to, key)!;
    const shift = Math.round((a.amountYuan * rng.between(0.2, 0.4)) / TEN_THOUSAND) * TEN_THOUSAND;
    from.investments.push({
      ...a,
      revision: 2,
      amountYuan: a.amountYuan - shift,
      reason: INVESTMENT_AMENDMENTS.movedOut(to.name),
      recordedAt,
    });
    to.investments.push({
      ...b,
      revision: 2,
      amountYuan: b.amountYuan + shift,
      reason: INVESTMENT_AMENDMENTS.movedIn(from.name),
      recordedBy: a.recordedBy,
      recordedAt,
    });
  };
  moved(2024, beijing(2024, 3, 13, 10, 40));
  moved(2025, beijing(2025, 3, 11, 15, 20));
  const june = rng.pick((plans.get(2025) ?? []).filter((p) => month(p, '2025-06-01')));
  const entry = month(june, '2025-06-01')!;
  june.investments.push({
    ...entry,
    revision: 2,
    amountYuan: Math.round((entry.amountYuan * 0.92) / TEN_THOUSAND) * TEN_THOUSAND,
    reason: INVESTMENT_AMENDMENTS.audit,
    recordedAt: beijing(2025, 7, 16, 11, 5),
  });
}

/** Planned investment follows what was built: the year's plan a little above it, the total above all years. */
function setPlannedInvestment(all: Project[]): void {
  const rng = new Random('projects:planned');
  const yearSum = (p: Project) =>
    p.investments.filter((i) => i.revision === 1).reduce((sum, i) => sum + i.amountYuan, 0);
  for (const p of all) {
    const planned = yearSum(p) > 0 ? yearSum(p) * rng.between(1.0, 1.25) : p.plannedTotalYuan * rng.between(0.3, 0.6);
    p.plannedAnnualYuan = Math.round(planned / 1_000_000) * 1_000_000;
  }
  // The total of a chain of plans (a project and its continuations) covers all of it.
  for (const p of all) {
    if (all.some((q) => q.carriedFrom === p)) continue;
    const chain: Project[] = [];
    for (let q: Project | null = p; q; q = q.carriedFrom) chain.push(q);
    const built = chain.reduce((sum, q) => sum + yearSum(q), 0);
    const annual = Math.max(...chain.map((q) => q.plannedAnnualYuan));
    const needed = Math.max(built * rng.between(1.1, 1.5), annual * rng.between(1.15, 1.6));
    const total = Math.max(p.plannedTotalYuan, Math.round(needed / 1_000_000) * 1_000_000);
    for (const q of chain) q.plannedTotalYuan = total;
  }
}

// ---------------------------------------------------------------------------------------------
// Problems that concern a project
// ---------------------------------------------------------------------------------------------

const PROJECT_CATEGORIES = ['factor_supply', 'financing', 'approvals', 'infrastructure'];
const isOpen = (p: Problem) => OPEN_STATUSES.includes(p.timeline.state.status);
/** Open, with a department, past its due date at the end of the data (and so now). */
const isOverdue = (p: Problem) =>
  WITH_DEPARTMENT_STATUSES.includes(p.timeline.state.status) && p.timeline.state.dueAt !== null;

/**
 * Land, power, permits and financing problems of a project's owner, raised while the project was in
 * a plan, concern that project about two times in three; every open problem of the owners chosen for
 * it does, so some projects are held up by overdue problems now.
 */
function linkProblems(projects: Project[], problems: Problem[], preferred: Enterprise[]): Map<string, string> {
  const rng = new Random('projects:links');
  const links = new Map<string, string>();
  const byOwner = new Map<string, Project[]>();
  for (const p of projects) byOwner.set(p.owner.id, [...(byOwner.get(p.owner.id) ?? []), p]);
  const forced = new Set(preferred.map((e) => e.id));
  for (const problem of problems) {
    const year = beijingYear(problem.reportedAt);
    const candidates = (byOwner.get(problem.enterprise.id) ?? []).filter(
      (p) => p.createdAt <= problem.reportedAt && p.planYear >= year - 1 && p.planYear <= year,
    );
    if (candidates.length === 0) continue;
    const must = forced.has(problem.enterprise.id) && isOpen(problem);
    if (!must && (!PROJECT_CATEGORIES.includes(problem.category) || !rng.chance(0.65))) continue;
    candidates.sort((a, b) => b.planYear - a.planYear || a.code.localeCompare(b.code));
    // The open problems of the chosen owners name the 2025 project chosen for them.
    const held = must ? candidates.find((p) => p.planYear === KEY_PLAN_YEAR && p.kind === 'new') : undefined;
    links.set(problem.id, (held ?? candidates[0]!).id);
  }
  return links;
}

// ---------------------------------------------------------------------------------------------
// The whole ledger
// ---------------------------------------------------------------------------------------------

/** Plans from 2024 to the year of `now`; only what was entered before `now` is kept. */
export function buildProjects(enterprises: Enterprise[], problems: Problem[], now: number): DemoProjects {
  const pool = owners(enterprises);
  // Owners with open problems at the end of the data: their 2025 projects are held up by them.
  const rng = new Random('projects:owners');
  const withOpen = [
    ...new Map(
      problems
        .filter((p) => isOverdue(p) && PROJECT_INDUSTRIES.includes(p.enterprise.industry))
        .map((p) => [p.enterprise.id, p.enterprise]),
    ).values(),
  ];
  const preferred = rng.sample(withOpen, 4);
  const plans = new Map<number, Project[]>();
  let previous = synthetic2023(pool);
  for (let year = 2024; year <= Math.max(KEY_PLAN_YEAR, beijingYear(now)); year += 1) {
    const plan = buildPlan(year, previous, pool, preferred);
    plans.set(year, plan);
    previous = plan;
  }
  buildInvestments(plans);
  amendInvestments(plans);
  const all = [...plans.values()].flat();
  setPlannedInvestment(all);
  assertProjectFigures(all);
  const projects = all
    .filter((p) => p.createdAt < now)
    .map((p) => ({
      ...p,
      stages: p.stages.filter((s) => s.recordedAt < now),
      investments: p.investments.filter((i) => i.recordedAt < now),
    }));
  const links = linkProblems(projects, problems, preferred);
  return { projects, problemProjects: links };
}

/** The latest stage by the loaded events: what projects.stage carries. */
export function currentStage(p: Project): ProjectStage {
  const sorted = [...p.stages].sort((a, b) => a.effectiveAt - b.effectiveAt);
  return sorted.length > 0 ? sorted[sorted.length - 1]!.stage : 'preparation';
}

/** Investment in a quarter's months as of `asOf`: each month's latest revision recorded by then. */
function quarterInvestment(projects: Project[], year: number, asOf: number): number {
  let sum = 0;
  for (const p of projects) {
    const latest = new Map<string, Investment>();
    for (const i of p.investments) {
      if (i.recordedAt > asOf || !i.month.startsWith(`${year}-0`) || Number(i.month.slice(5, 7)) > 3) continue;
      if ((latest.get(i.month)?.revision ?? 0) < i.revision) latest.set(i.month, i);
    }
    for (const i of latest.values()) sum += i.amountYuan;
  }
  return sum;
}

/** Refuses a ledger that does not give the published Q1 2025 figures (at the quarters' ends and later). */
function assertProjectFigures(projects: Project[]): void {
  const plan = projects.filter((p) => p.planYear === KEY_PLAN_YEAR);
  const started = plan.filter((p) =>
    p.stages.some(
      (s) => STARTED_STAGES.includes(s.stage) && s.effectiveAt <= KEY_QUARTER_END && s.recordedAt <= KEY_QUARTER_END,
    ),
  ).length;
  const later = Number.MAX_SAFE_INTEGER;
  const figures = [
    quarterInvestment(projects, 2025, KEY_QUARTER_END),
    quarterInvestment(projects, 2025, later),
    quarterInvestment(projects, 2024, beijing(2024, 4, 1)),
    quarterInvestment(projects, 2024, later),
  ];
  const expected = [KEY_INVESTMENT[2025], KEY_INVESTMENT[2025], KEY_INVESTMENT[2024], KEY_INVESTMENT[2024]];
  if (plan.length !== KEY_PLAN_PROJECTS || started !== KEY_PLAN_STARTED || figures.some((f, i) => f !== expected[i])) {
    throw new Error(
      `demo data: the 2025 plan gives ${started}/${plan.length} started by the end of Q1 and investment ` +
        `${figures.join(', ')}; expected ${KEY_PLAN_STARTED}/${KEY_PLAN_PROJECTS} and ${expected.join(', ')}`,
    );
  }
}
