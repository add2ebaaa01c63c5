/** The demo problems (what is reported, when, by whom) and the visits they came from. */
import { Enterprise } from './demo-enterprises';
import {
  ASKS,
  CATEGORY_WEIGHTS,
  CategoryCode,
  CREATED_NOTES,
  Industry,
  MANAGERS,
  OFFICIALS,
  POLICIES,
  QUIET_VISIT_NOTES,
  Topic,
  TOPICS,
  userId,
  VISIT_PURPOSES,
} from './demo-text';
import {
  beijing,
  beijingYear,
  DAY,
  demoId,
  KEY_QUARTER,
  KEY_QUARTER_DUPLICATES,
  MINUTE,
  QUARTERS,
  Random,
  randomWorkingInstant,
  workingTime,
} from './demo-time';
import type { Timeline } from './demo-timeline';

// ---------------------------------------------------------------------------------------------
// Problems: what is reported, when, by whom
// ---------------------------------------------------------------------------------------------

export type Source = 'visit' | 'hotline' | 'online' | 'meeting' | 'other';
const SOURCE_WEIGHTS: Record<Source, number> = { visit: 55, hotline: 14, online: 12, meeting: 12, other: 7 };

/** What a problem's history must show; `normal` is unconstrained. The others serve the 2025-Q1 figure. */
type Plan =
  | { kind: 'normal' }
  /** Resolved or closed as of the end of 2025-Q1, and at the end of the data. */
  | { kind: 'resolvedInKeyQuarter' }
  /** Open at the end of 2025-Q1, first resolved in [from, to). */
  | { kind: 'resolvedLater'; from: number; to: number }
  /** Still in progress, escalated and overdue at the end of the data. */
  | { kind: 'neverResolved' }
  /** Resolved in 2025-Q1, reopened on `reopenAt` (April), resolved again and closed. */
  | { kind: 'reopenedLater'; reopenAt: number }
  /** Withdrawn within 2025-Q1 as a duplicate of `original`. */
  | { kind: 'duplicate'; original: { id: string; code: string } };

export interface ProblemBase {
  id: string;
  code: string;
  enterprise: Enterprise;
  visitId: string | null;
  source: Source;
  category: CategoryCode;
  topic: Topic;
  title: string;
  description: string;
  reportedAt: number;
  /** When it was typed in: the `created` event and created_at. */
  enteredAt: number;
  createdNote: string;
  createdBy: string;
  /** The manager who assigns, verifies and escalates it. */
  managerId: string;
  plan: Plan;
}

export interface Problem extends ProblemBase {
  timeline: Timeline;
}

/** Before codes are handed out; a duplicate points at its original's draft until then. */
interface ProblemDraft extends Omit<ProblemBase, 'id' | 'code' | 'visitId' | 'plan'> {
  plan: Exclude<Plan, { kind: 'duplicate' }> | { kind: 'duplicateOfDraft'; original: ProblemDraft };
}

function quarterBounds(year: number, quarter: number): { from: number; to: number } {
  const month = (quarter - 1) * 3 + 1;
  return { from: beijing(year, month, 1), to: quarter === 4 ? beijing(year + 1, 1, 1) : beijing(year, month + 3, 1) };
}

export function draftProblems(enterprises: Enterprise[]): ProblemDraft[] {
  const rng = new Random('problems');
  const drafts: ProblemDraft[] = [];
  for (const { year, quarter, problems } of QUARTERS) {
    const { from, to } = quarterBounds(year, quarter);
    const isKeyQuarter = from === KEY_QUARTER.from;
    // The backdated 2024-Q4 problem is added separately below.
    const count = year === 2024 && quarter === 4 ? problems - 1 : problems;
    const times = Array.from({ length: count }, () => randomWorkingInstant(rng, from, to)).sort((a, b) => a - b);
    const quarterDrafts = times.map((reportedAt) => draftProblem(rng, enterprises, reportedAt));
    if (isKeyQuarter) quarterDrafts.push(...planKeyQuarter(rng, quarterDrafts));
    drafts.push(...quarterDrafts);
  }
  drafts.push(backdatedProblem(rng, enterprises));
  return drafts;
}

function draftProblem(rng: Random, enterprises: Enterprise[], reportedAt: number): ProblemDraft {
  const enterprise = pickEnterprise(rng, enterprises);
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const topic = pickTopic(rng, category, enterprise.industry);
  const source = rng.weighted(SOURCE_WEIGHTS);
  // Usually typed in on the spot; from a phone on a weak network sometimes a little later.
  const enteredAt = rng.chance(0.7) ? reportedAt : reportedAt + rng.int(1, 20) * MINUTE;
  return {
    enterprise,
    source,
    category,
    topic,
    title: topic.title,
    description: `${enterprise.shortName}反映：${topic.detail}。${rng.pick(ASKS)}`,
    reportedAt,
    enteredAt,
    createdNote: CREATED_NOTES[source],
    createdBy: userId(rng.pick(OFFICIALS)),
    managerId: userId(rng.pick(MANAGERS)),
    plan: { kind: 'normal' },
  };
}

/** Key and above-scale enterprises are visited more and raise more problems. */
function pickEnterprise(rng: Random, enterprises: Enterprise[]): Enterprise {
  const weight = (e: Enterprise) => 1 + (e.isKey ? 2 : 0) + (e.isAboveScale ? 1 : 0);
  let roll = rng.next() * enterprises.reduce((sum, e) => sum + weight(e), 0);
  for (const enterprise of enterprises) {
    roll -= weight(enterprise);
    if (roll < 0) return enterprise;
  }
  return enterprises[enterprises.length - 1]!;
}

function pickTopic(rng: Random, category: CategoryCode, industry: Industry): Topic {
  const fitting = TOPICS[category].filter((t) => !t.industries || t.industries.includes(industry));
  return rng.pick(fitting);
}

/**
 * Gives the 127 problems reported in 2025-Q1 their plans and returns the withdrawn duplicates:
 * 116 resolved by the end of the quarter, 11 not (the 8 reported last plus 3 hard ones), of
 * which 9 are resolved later in 2025 and 2 are still open. Two of the 116 are reopened in April.
 */
function planKeyQuarter(rng: Random, drafts: ProblemDraft[]): ProblemDraft[] {
  const april = { from: beijing(2025, 4, 2), to: beijing(2025, 6, 1) };
  const summer = { from: beijing(2025, 6, 1), to: beijing(2025, 9, 1) };
  // Reported in the quarter's last days: resolved in April and May, except one that drags into the summer.
  const lastEight = drafts.slice(-8);
  lastEight.forEach((d, i) => (d.plan = { kind: 'resolvedLater', ...(i === 3 ? summer : april) }));

  const earlier = drafts.slice(10, 100);
  const hardCategories: CategoryCode[] = ['factor_supply', 'approvals', 'infrastructure'];
  const [stuck1, stuck2] = rng.sample(
    earlier.filter((d) => hardCategories.includes(d.category)),
    2,
  );
  stuck1!.plan = { kind: 'neverResolved' };
  stuck2!.plan = { kind: 'neverResolved' };
  const unplanned = () => earlier.filter((d) => d.plan.kind === 'normal');
  rng.pick(unplanned()).plan = { kind: 'resolvedLater', ...summer };
  for (const d of rng.sample(unplanned(), 2)) {
    d.plan = { kind: 'reopenedLater', reopenAt: beijing(2025, 4, rng.int(3, 25), 9) };
  }
  for (const d of drafts) if (d.plan.kind === 'normal') d.plan = { kind: 'resolvedInKeyQuarter' };

  // The enterprise calls 12345 about something an official already logged; a manager merges them.
  const originals = rng.sample(
    drafts.filter((d) => d.reportedAt < beijing(2025, 3, 15) && d.plan.kind === 'resolvedInKeyQuarter'),
    KEY_QUARTER_DUPLICATES,
  );
  return originals.map((original) => {
    const reportedAt = workingTime(original.reportedAt + rng.between(1, 6) * DAY, rng);
    return {
      ...original,
      source: 'hotline' as const,
      description: `企业通过12345热线再次反映：${original.topic.detail}。`,
      reportedAt,
      enteredAt: reportedAt,
      createdNote: CREATED_NOTES.hotline,
      createdBy: userId(rng.pick(OFFICIALS)),
      plan: { kind: 'duplicateOfDraft', original },
    };
  });
}

/** Raised at the year-end meeting in December 2024 but only typed in after New Year. */
function backdatedProblem(rng: Random, enterprises: Enterprise[]): ProblemDraft {
  const draft = draftProblem(rng, enterprises, beijing(2024, 12, 27, 15, 30));
  return {
    ...draft,
    source: 'meeting',
    enteredAt: beijing(2025, 1, 6, 10, 20),
    createdNote: '年终政企座谈会收集，会后补录',
  };
}

/**
 * Codes are handed out per year of reportedAt in the order problems were entered, as the service
 * does: the backdated December problem, entered in January, takes the last 2024 number.
 */
export function numberProblems(drafts: ProblemDraft[]): ProblemBase[] {
  const ordered = [...drafts].sort((a, b) => a.enteredAt - b.enteredAt || a.reportedAt - b.reportedAt);
  const counters = new Map<number, number>();
  const codes = new Map<ProblemDraft, string>();
  for (const draft of ordered) {
    const year = beijingYear(draft.reportedAt);
    const value = (counters.get(year) ?? 0) + 1;
    counters.set(year, value);
    codes.set(draft, `JQ-${year}-${String(value).padStart(4, '0')}`);
  }
  const reference = (draft: ProblemDraft) => ({ id: demoId('problem', codes.get(draft)!), code: codes.get(draft)! });
  return ordered.map((draft) => ({
    ...draft,
    ...reference(draft),
    visitId: null,
    plan:
      draft.plan.kind === 'duplicateOfDraft'
        ? { kind: 'duplicate', original: reference(draft.plan.original) }
        : draft.plan,
  }));
}

// ---------------------------------------------------------------------------------------------
// Visits
// ---------------------------------------------------------------------------------------------

/** Visits where nothing was raised: policy promotion and routine calls. */
const QUIET_VISIT_COUNT = 360;

export interface Visit {
  id: string;
  enterpriseId: string;
  visitedAt: number;
  purpose: string;
  notes: string;
  policies: string[];
  officials: string[];
  createdAt: number;
  /** A correction (revision 2): the fields it changed, who recorded it, when and why. */
  amendment?: VisitAmendment;
  /** Entered by mistake and withdrawn. */
  withdrawal?: { at: number; by: string; reason: string };
}

export interface VisitAmendment {
  visitedAt: number;
  purpose: string;
  notes: string;
  policies: string[];
  officials: string[];
  reason: string;
  recordedBy: string;
  recordedAt: number;
}

/** A visit for every problem raised on one (it is saved with the problem), plus quiet ones. */
export function buildVisits(problems: ProblemBase[], enterprises: Enterprise[]): Visit[] {
  const rng = new Random('visits');
  const visits: Visit[] = [];
  for (const problem of problems.filter((p) => p.source === 'visit')) {
    const visit: Visit = {
      id: demoId('visit', problem.code),
      enterpriseId: problem.enterprise.id,
      visitedAt: problem.reportedAt - rng.int(10, 90) * MINUTE,
      purpose: rng.pick(VISIT_PURPOSES),
      notes: `企业生产经营总体正常，现场反映“${problem.title}”，已登记交办`,
      policies: promotedPolicies(rng),
      officials: visitOfficials(rng, problem.createdBy),
      createdAt: problem.enteredAt,
    };
    problem.visitId = visit.id;
    visits.push(visit);
  }
  for (let n = 1; n <= QUIET_VISIT_COUNT; n += 1) {
    const visitedAt = randomWorkingInstant(rng, beijing(2024, 1, 2), beijing(2025, 12, 31));
    const officials = visitOfficials(rng, userId(rng.pick(OFFICIALS)));
    visits.push({
      id: demoId('visit', `quiet-${n}`),
      enterpriseId: rng.pick(enterprises).id,
      visitedAt,
      purpose: rng.pick(VISIT_PURPOSES),
      notes: rng.pick(QUIET_VISIT_NOTES),
      policies: promotedPolicies(rng),
      officials,
      createdAt: visitedAt + rng.int(10, 120) * MINUTE,
    });
  }
  return visits.sort((a, b) => a.visitedAt - b.visitedAt || a.id.localeCompare(b.id));
}

function promotedPolicies(rng: Random): string[] {
  return rng.sample(POLICIES, rng.int(1, 3));
}

/** The official who recorded it, and sometimes a colleague. */
function visitOfficials(rng: Random, lead: string): string[] {
  const other = OFFICIALS.map(userId).find((id) => id !== lead)!;
  return rng.chance(0.4) ? [lead, other] : [lead];
}
