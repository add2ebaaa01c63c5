/**
 * The demo data set: Jiuquan's departments, the demo users, a few hundred synthetic enterprises,
 * visits, and problems from 2024-Q1 to 2025-Q4 with their full event histories.
 *
 * Everything is derived from fixed seeds and fixed dates, so every load produces the same rows,
 * ids included (they are name-based UUIDs). Histories are built by replaying the real workflow
 * (`transition` from problem-workflow), so every event is one the service itself could have written.
 *
 * The data set is built around one published figure: problems reported in 2025-Q1, as of the end
 * of that quarter, 127 recorded and 116 resolved (91.3 %). The Q1 problems are given explicit
 * plans (see `planKeyQuarter`) and `loadDemoData` refuses to insert anything if the figure is off.
 */
import { RESOLVED_STATUSES } from '../workflow/statuses';
import { buildAssists, type DemoAssist } from './demo-assists';
import { buildEnterprises, Enterprise } from './demo-enterprises';
import { insertDemoExtensions } from './demo-extensions';
import { insertDemoData, type Queryable } from './demo-insert';
import { Answering, buildOutreach, type Responsibility } from './demo-outreach';
import { buildProductionStatuses, type ProductionStatuses } from './demo-production';
import { buildProjects, type DemoProjects } from './demo-projects';
import { buildVisits, draftProblems, numberProblems, Problem, Visit } from './demo-problems';
import { DEMO_USERS, DEPARTMENTS } from './demo-text';
import { DATA_END, KEY_QUARTER, KEY_RECORDED, KEY_RESOLVED } from './demo-time';
import { insertDemoSupervision } from './demo-supervision';
import { insertDemoPublished } from './demo-published';
import { buildTimeline } from './demo-timeline';
import { markEnterpriseRatings } from './demo-tracking';

export type { Queryable } from './demo-insert';
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-text';

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export interface DemoSummary {
  departments: number;
  users: number;
  enterprises: number;
  visits: number;
  problems: number;
  events: number;
  responsibilities: number;
  projects: number;
  productionStatusEvents: number;
  /** Figures published by the coordination office (the 2025-Q1 resolution rate among them). */
  published: number;
}

/**
 * Loads the deterministic demo data set into an empty database (migrations applied). The caller
 * runs it inside one transaction and passes the argon2id hash of DEMO_PASSWORD; `skipUsers` leaves
 * out demo users by name (only the admin can be, as no row refers to it). The visits reach up to
 * `now` (epoch milliseconds, the present by default): the same `now` gives the same rows.
 */
export async function loadDemoData(
  db: Queryable,
  passwordHash: string,
  options: { skipUsers?: string[]; now?: number } = {},
): Promise<DemoSummary> {
  const now = Math.max(options.now ?? Date.now(), DATA_END);
  const data = buildDemoData(now);
  assertKeyFigure(data.problems);
  // Only the demo admin may be left out: nothing in the data set refers to it.
  const skipped = new Set(options.skipUsers?.map((name) => name.toLowerCase()));
  const users = DEMO_USERS.filter((u) => !skipped.has(u.username.toLowerCase()));
  if (DEMO_USERS.some((u) => u.role !== 'admin' && skipped.has(u.username.toLowerCase()))) {
    throw new Error('demo data: only the demo admin can be left out');
  }
  await insertDemoData(db, data, passwordHash, users);
  await insertDemoSupervision(db);
  await insertDemoExtensions(db, now);
  const published = await insertDemoPublished(db);
  return {
    departments: DEPARTMENTS.length,
    users: users.length,
    enterprises: data.enterprises.length,
    visits: data.visits.length,
    problems: data.problems.length,
    events: data.problems.reduce((sum, p) => sum + p.timeline.events.length, 0),
    responsibilities: data.responsibilities.length,
    projects: data.projects.projects.length,
    productionStatusEvents: data.production.events.length,
    published,
  };
}

// ---------------------------------------------------------------------------------------------
// The whole data set and its key figure
// ---------------------------------------------------------------------------------------------

export interface DemoData {
  enterprises: Enterprise[];
  responsibilities: Responsibility[];
  visits: Visit[];
  problems: Problem[];
  /** Key projects with their stages and investment, and the problems that concern them. */
  projects: DemoProjects;
  production: ProductionStatuses;
  /** Assisting departments' parts (协办), added last to a few problems' histories. */
  assists: DemoAssist[];
}

/** The data set as loaded at `now` (never before DATA_END): problems end at DATA_END, visits at `now`. */
export function buildDemoData(now: number): DemoData {
  const enterprises = buildEnterprises();
  const numbered = numberProblems(draftProblems(enterprises));
  // Who answers for each enterprise decides who made its visits and logged its problems.
  const { responsibilities, visits } = buildOutreach(enterprises, numbered, buildVisits(numbered, enterprises), now);
  const problems = numbered.map((problem) => ({ ...problem, timeline: buildTimeline(problem) }));
  markEnterpriseRatings(problems);
  const projects = buildProjects(enterprises, problems, now);
  const production = buildProductionStatuses(enterprises, problems, new Answering(responsibilities), now);
  return { enterprises, responsibilities, visits, problems, projects, production, assists: buildAssists(problems) };
}

/** The resolution rate as the report computes it (src/reports/resolution-rate.sql.ts), from the planned events. */
function resolutionRate(
  problems: Problem[],
  from: number,
  to: number,
  asOf: number,
): { recorded: number; resolved: number } {
  let recorded = 0;
  let resolved = 0;
  for (const p of problems) {
    if (p.reportedAt < from || p.reportedAt >= to) continue;
    const status = p.timeline.statusAt(asOf);
    if (status === null || status === 'withdrawn') continue;
    recorded += 1;
    if (RESOLVED_STATUSES.includes(status)) resolved += 1;
  }
  return { recorded, resolved };
}

/** Refuses to load a data set that does not reproduce the published 2025-Q1 figure. */
function assertKeyFigure(problems: Problem[]): void {
  const atQuarterEnd = resolutionRate(problems, KEY_QUARTER.from, KEY_QUARTER.to, KEY_QUARTER.to);
  const atDataEnd = resolutionRate(problems, KEY_QUARTER.from, KEY_QUARTER.to, DATA_END);
  if (
    atQuarterEnd.recorded !== KEY_RECORDED ||
    atQuarterEnd.resolved !== KEY_RESOLVED ||
    atDataEnd.recorded !== KEY_RECORDED ||
    atDataEnd.resolved <= KEY_RESOLVED
  ) {
    throw new Error(
      `demo data: 2025-Q1 gives ${atQuarterEnd.resolved}/${atQuarterEnd.recorded} at the quarter's end and ` +
        `${atDataEnd.resolved}/${atDataEnd.recorded} later; expected ${KEY_RESOLVED}/${KEY_RECORDED}, then more resolved`,
    );
  }
}
