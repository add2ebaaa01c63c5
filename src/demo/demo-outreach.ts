/**
 * The outreach (包联走访) of the demo data: who answers for each enterprise from when to when, who
 * made each visit, and the routine visits that keep each tier's interval up to the instant the data
 * is loaded ("now"), so that the current quarter looks like a working programme.
 *
 * Everything here draws from its own random streams ("outreach:…"), so the problems, their
 * histories and the published 2025-Q1 figure do not move. Same seed and same "now", same rows.
 */
import { DEFAULT_VISIT_INTERVAL_DAYS, type ResponsibilityKind, type Tier } from '../enterprises/tiers';
import type { Enterprise } from './demo-enterprises';
import type { ProblemBase, Visit } from './demo-problems';
import {
  AMENDED_NOTES_SUFFIX,
  AMENDMENT_REASONS,
  DEMO_USERS,
  INDUSTRY_POLICIES,
  MANAGERS,
  ROUTINE_POLICIES,
  ROUTINE_VISIT_NOTES,
  userId,
  VISIT_PURPOSES,
  WITHDRAW_REASON,
} from './demo-text';
import { beijing, beijingMidnight, DAY, demoId, HOUR, MINUTE, Random } from './demo-time';

// ---------------------------------------------------------------------------------------------
// Who answers for what
// ---------------------------------------------------------------------------------------------

/** The manager's bulk assignment at the start of the programme (later enterprises: when registered). */
const ASSIGNED_AT = beijing(2023, 12, 29, 9, 30);

/** An official who left: every enterprise of theirs handed to their successor at `at`, in one action of `by`. */
interface Handover {
  from: string;
  to: string;
  at: number;
  by: string;
}

const HANDOVERS: Handover[] = [
  { from: 'official-former', to: 'official2', at: beijing(2024, 9, 2, 10), by: 'manager' },
  { from: 'official-former2', to: 'official-guazhou2', at: beijing(2025, 7, 1, 10), by: 'manager2' },
];

/**
 * Each district's enterprises are dealt in turn to its officials (the first holder of each seat;
 * a handover passes the seat on). Suzhou, the largest, has three seats; the smallest one.
 */
const SEATS: Record<string, string[]> = {
  suzhou: ['official', 'official-former', 'official-suzhou'],
  yumen: ['official-yumen', 'official-yumen2'],
  dunhuang: ['official-dunhuang', 'official-dunhuang2'],
  jinta: ['official-jinta', 'official-jinta2'],
  guazhou: ['official-guazhou', 'official-former2'],
  subei: ['official-subei'],
  aksay: ['official-aksay'],
};

/** The leader (包联领导) of the key enterprises of each district. */
const LEADERS: Record<string, string> = {
  suzhou: 'leader1',
  jinta: 'leader1',
  yumen: 'leader2',
  guazhou: 'leader2',
  dunhuang: 'leader3',
  subei: 'leader3',
  aksay: 'leader3',
};

/** The officials of the tour: they get a mix of enterprises due this week, overdue and just visited. */
const TOUR_OFFICIALS = ['official', 'official2'];

export interface Responsibility {
  id: string;
  enterpriseId: string;
  userId: string;
  kind: ResponsibilityKind;
  startsAt: number;
  endsAt: number | null;
  recordedBy: string;
  recordedAt: number;
  endedBy: string | null;
  endedRecordedAt: number | null;
  endReason: string | null;
}

export function tierOf(e: Enterprise): Tier {
  return e.isKey ? 'key' : e.isAboveScale ? 'above_scale' : 'other';
}

/** A demo user's name without what the display name adds in brackets. */
const personName = (username: string) =>
  DEMO_USERS.find((u) => u.username === username)!.displayName.replace(/（.*）$/, '');

export function buildResponsibilities(enterprises: Enterprise[]): Responsibility[] {
  const rng = new Random('outreach:responsibilities');
  const rows: Responsibility[] = [];
  const add = (e: Enterprise, username: string, kind: ResponsibilityKind, startsAt: number, n: number) => {
    const recordedBy = userId(rng.pick(MANAGERS));
    rows.push({
      id: demoId('responsibility', `${e.id}:${kind}:${n}`),
      enterpriseId: e.id,
      userId: userId(username),
      kind,
      startsAt,
      endsAt: null,
      recordedBy,
      recordedAt: startsAt,
      endedBy: null,
      endedRecordedAt: null,
      endReason: null,
    });
  };
  for (const [district, seats] of Object.entries(SEATS)) {
    const local = rng.sample(
      enterprises.filter((e) => e.districtCode === district),
      enterprises.length,
    );
    local.forEach((e, i) => {
      const startsAt = Math.max(ASSIGNED_AT, e.createdAt + 30 * MINUTE);
      let holder = seats[i % seats.length]!;
      add(e, holder, 'official', startsAt, 1);
      let n = 1;
      for (const handover of HANDOVERS) {
        if (handover.from !== holder) continue;
        const row = rows[rows.length - 1]!;
        row.endsAt = handover.at;
        row.endedBy = userId(handover.by);
        row.endedRecordedAt = handover.at;
        row.endReason = `${personName(handover.from)}调离，包联企业整体移交${personName(handover.to)}`;
        n += 1;
        rows.push({
          ...row,
          id: demoId('responsibility', `${e.id}:official:${n}`),
          userId: userId(handover.to),
          startsAt: handover.at,
          recordedBy: row.endedBy,
          recordedAt: handover.at,
          endsAt: null,
          endedBy: null,
          endedRecordedAt: null,
          endReason: null,
        });
        holder = handover.to;
      }
      if (e.isKey) add(e, LEADERS[district]!, 'leader', startsAt, 1);
    });
  }
  return rows.sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));
}

/** Who holds a seat at `t`: its first holder, or the successor of a handover made by then. */
function seatHolder(first: string, t: number): string {
  let holder = first;
  for (const handover of HANDOVERS) if (handover.from === holder && handover.at <= t) holder = handover.to;
  return userId(holder);
}

/** Who answers for enterprises, as of any instant. */
export class Answering {
  private readonly byEnterprise = new Map<string, Responsibility[]>();

  constructor(rows: Responsibility[]) {
    for (const row of rows) {
      const list = this.byEnterprise.get(row.enterpriseId) ?? [];
      list.push(row);
      this.byEnterprise.set(row.enterpriseId, list);
    }
  }

  /** The responsible official at `t`, or the first one when `t` is before the programme started. */
  official(enterpriseId: string, t: number): string {
    const rows = this.byEnterprise.get(enterpriseId)!.filter((r) => r.kind === 'official');
    const open = rows.find((r) => r.startsAt <= t && (r.endsAt === null || r.endsAt > t));
    return (open ?? rows[0]!).userId;
  }

  leader(enterpriseId: string): string | null {
    return this.byEnterprise.get(enterpriseId)!.find((r) => r.kind === 'leader')?.userId ?? null;
  }

  /** When the enterprise's first responsibility starts. */
  since(enterpriseId: string): number {
    return Math.min(...this.byEnterprise.get(enterpriseId)!.map((r) => r.startsAt));
  }

  /** The enterprises an official answers for at `t`. */
  enterprisesOf(user: string, t: number): string[] {
    const found: string[] = [];
    for (const [enterpriseId, rows] of this.byEnterprise) {
      if (rows.some((r) => r.userId === user && r.startsAt <= t && (r.endsAt === null || r.endsAt > t))) {
        found.push(enterpriseId);
      }
    }
    return found.sort();
  }
}

// ---------------------------------------------------------------------------------------------
// Who made the visits and logged the problems
// ---------------------------------------------------------------------------------------------

/**
 * The problems' visits and the quiet visits were drawn for the two tour officials; here each goes to
 * the enterprise's responsible official at the time (with the leader of a key enterprise, or a
 * colleague of the district, where it had two), and each problem to whoever logged it: the visit's
 * official, or the enterprise's official for a problem that came in another way.
 */
function attribute(problems: ProblemBase[], visits: Visit[], enterprises: Enterprise[], who: Answering): void {
  const rng = new Random('outreach:attribution');
  const district = new Map(enterprises.map((e) => [e.id, e.districtCode]));
  for (const visit of visits) {
    const lead = who.official(visit.enterpriseId, visit.visitedAt);
    const officials = [lead];
    if (visit.officials.length > 1) {
      const colleagues = SEATS[district.get(visit.enterpriseId)!]!.map((seat) =>
        seatHolder(seat, visit.visitedAt),
      ).filter((id) => id !== lead);
      const second = who.leader(visit.enterpriseId) ?? (colleagues.length > 0 ? rng.pick(colleagues) : null);
      if (second) officials.push(second);
    }
    visit.officials = officials;
  }
  const byId = new Map(visits.map((v) => [v.id, v]));
  for (const problem of problems) {
    const visit = problem.visitId ? byId.get(problem.visitId) : undefined;
    problem.createdBy = visit ? visit.officials[0]! : who.official(problem.enterprise.id, problem.reportedAt);
  }
}

// ---------------------------------------------------------------------------------------------
// Routine visits up to now
// ---------------------------------------------------------------------------------------------

/** A weekday at or before `t`'s day (Beijing), between 09:00 and 16:30. */
function weekdayAtOrBefore(rng: Random, t: number): number {
  let day = beijingMidnight(t);
  for (;;) {
    const weekday = new Date(day + 8 * HOUR).getUTCDay();
    if (weekday !== 0 && weekday !== 6) break;
    day -= DAY;
  }
  return day + Math.round(rng.between(9 * 60, 16.5 * 60)) * MINUTE;
}

function routinePolicies(rng: Random, e: Enterprise): string[] {
  const pool = [...ROUTINE_POLICIES, ...INDUSTRY_POLICIES[e.industry], ...INDUSTRY_POLICIES[e.industry]];
  return [...new Set(rng.sample(pool, rng.int(1, 3)))];
}

function routineVisit(rng: Random, e: Enterprise, n: number, visitedAt: number, officials: string[]): Visit {
  const policies = routinePolicies(rng, e);
  return {
    id: demoId('visit', `routine:${e.id}:${n}`),
    enterpriseId: e.id,
    visitedAt,
    purpose: rng.pick(VISIT_PURPOSES),
    notes: rng.pick(ROUTINE_VISIT_NOTES).replace('{e}', e.shortName).replace('{p}', policies[0]!),
    policies,
    officials,
    createdAt: visitedAt + rng.int(10, 240) * MINUTE,
  };
}

/** Mostly well within the interval; about one gap in seven runs past it. */
function nextGap(rng: Random, intervalDays: number): number {
  const factor = rng.chance(0.15) ? rng.between(1.03, 1.5) : rng.between(0.65, 0.98);
  return factor * intervalDays * DAY;
}

/**
 * One enterprise's routine visits from the start of its responsibility to `now`: after each visit
 * (of any kind) the next falls a jittered interval later, unless another visit came first.
 */
function routineVisitsOf(e: Enterprise, fixed: number[], who: Answering, now: number): Visit[] {
  const rng = new Random(`outreach:visits:${e.id}`);
  const intervalDays = DEFAULT_VISIT_INTERVAL_DAYS[tierOf(e)];
  const visits: Visit[] = [];
  let base = who.since(e.id);
  let i = 0;
  for (;;) {
    const target = base + nextGap(rng, intervalDays);
    while (i < fixed.length && fixed[i]! <= base) i += 1;
    if (i < fixed.length && fixed[i]! <= target) {
      base = fixed[i]!;
      continue;
    }
    const visitedAt = weekdayAtOrBefore(rng, target);
    if (visitedAt <= base) {
      base = target;
      continue;
    }
    const officials = [who.official(e.id, visitedAt)];
    const leader = who.leader(e.id);
    if (leader && rng.chance(0.25)) officials.push(leader);
    const visit = routineVisit(rng, e, visits.length + 1, visitedAt, officials);
    if (visit.createdAt >= now) break;
    visits.push(visit);
    base = visitedAt;
  }
  return visits;
}

/**
 * The tour officials' enterprises end in a chosen state as of `now`: two overdue, three due within
 * the week, one visited in the last days (the rest as the schedule left them). Their routine visits
 * after the chosen last visit are dropped and the last visit put where it must be.
 */
function setTourTails(
  routine: Map<string, Visit[]>,
  fixed: Map<string, number[]>,
  enterprises: Enterprise[],
  who: Answering,
  now: number,
): void {
  const rng = new Random('outreach:tour');
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  for (const username of TOUR_OFFICIALS) {
    const user = userId(username);
    const theirs = rng.sample(who.enterprisesOf(user, now), Infinity);
    const wanted: ('overdue' | 'dueSoon' | 'recent')[] = [
      'overdue',
      'overdue',
      'dueSoon',
      'dueSoon',
      'dueSoon',
      'recent',
    ];
    for (const enterpriseId of theirs) {
      const state = wanted.shift();
      if (!state) break;
      const e = byId.get(enterpriseId)!;
      const interval = DEFAULT_VISIT_INTERVAL_DAYS[tierOf(e)] * DAY;
      const target =
        state === 'overdue'
          ? now - interval - rng.between(4, 20) * DAY
          : state === 'dueSoon'
            ? now - interval + rng.between(3.5, 5.5) * DAY
            : now - rng.between(1, 3) * DAY;
      const last = weekdayAtOrBefore(rng, target);
      if ((fixed.get(enterpriseId) ?? []).some((t) => t >= last - interval / 2)) {
        wanted.unshift(state);
        continue;
      }
      const kept = (routine.get(enterpriseId) ?? []).filter((v) => v.visitedAt < last - interval / 2);
      const visit = routineVisit(rng, e, kept.length + 1, last, [user]);
      visit.id = demoId('visit', `routine:${e.id}:last`);
      visit.createdAt = Math.min(visit.createdAt, now - MINUTE);
      routine.set(enterpriseId, [...kept, visit]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Corrections: amended visits and one withdrawn
// ---------------------------------------------------------------------------------------------

/**
 * Three routine visits of the last months amended (the date, the notes, the policies), none of
 * them an enterprise's latest visit; and one visit entered twice, the copy withdrawn an hour later.
 */
function correct(routine: Visit[], now: number): Visit[] {
  const rng = new Random('outreach:corrections');
  const latest = new Map<string, number>();
  for (const v of routine) latest.set(v.enterpriseId, Math.max(latest.get(v.enterpriseId) ?? 0, v.visitedAt));
  const candidates = routine.filter(
    (v) => v.visitedAt > now - 150 * DAY && v.visitedAt < now - 20 * DAY && v.visitedAt < latest.get(v.enterpriseId)!,
  );
  const [byDate, byNotes, byPolicies, twice] = rng.sample(candidates, 4);
  const amend = (v: Visit, change: Partial<Visit>, reason: string) => {
    v.amendment = {
      visitedAt: v.visitedAt,
      purpose: v.purpose,
      notes: v.notes,
      policies: v.policies,
      officials: v.officials,
      ...change,
      reason,
      recordedBy: v.officials[0]!,
      recordedAt: v.createdAt + rng.between(20, 72) * HOUR,
    };
  };
  if (byDate) amend(byDate, { visitedAt: weekdayAtOrBefore(rng, byDate.visitedAt - DAY) }, AMENDMENT_REASONS.date);
  if (byNotes) amend(byNotes, { notes: `${byNotes.notes}${AMENDED_NOTES_SUFFIX}` }, AMENDMENT_REASONS.notes);
  if (byPolicies) {
    const others = ROUTINE_POLICIES.filter((p) => !byPolicies.policies.includes(p));
    amend(byPolicies, { policies: [rng.pick(others)] }, AMENDMENT_REASONS.policies);
  }
  if (!twice) return [];
  const createdAt = twice.createdAt + rng.int(3, 15) * MINUTE;
  return [
    {
      ...twice,
      id: demoId('visit', `entered-twice:${twice.id}`),
      createdAt,
      withdrawal: { at: createdAt + rng.between(1, 5) * HOUR, by: twice.officials[0]!, reason: WITHDRAW_REASON },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The whole outreach
// ---------------------------------------------------------------------------------------------

export interface Outreach {
  responsibilities: Responsibility[];
  /** Every visit: the problems' and quiet ones (re-attributed) and the routine ones, by time. */
  visits: Visit[];
}

/**
 * Builds the outreach on top of the problems' visits: re-attributes those (and the problems'
 * creators) to the responsible officials, then adds routine visits up to `now`.
 */
export function buildOutreach(
  enterprises: Enterprise[],
  problems: ProblemBase[],
  visits: Visit[],
  now: number,
): Outreach {
  const responsibilities = buildResponsibilities(enterprises);
  const who = new Answering(responsibilities);
  attribute(problems, visits, enterprises, who);
  const fixed = new Map<string, number[]>();
  for (const v of visits) fixed.set(v.enterpriseId, [...(fixed.get(v.enterpriseId) ?? []), v.visitedAt]);
  for (const list of fixed.values()) list.sort((a, b) => a - b);
  const routine = new Map<string, Visit[]>();
  for (const e of enterprises) routine.set(e.id, routineVisitsOf(e, fixed.get(e.id) ?? [], who, now));
  setTourTails(routine, fixed, enterprises, who, now);
  const routineVisits = [...routine.values()].flat();
  const withdrawn = correct(routineVisits, now);
  const all = [...visits, ...routineVisits, ...withdrawn].filter((v) => v.createdAt < now);
  return {
    responsibilities,
    visits: all.sort((a, b) => a.visitedAt - b.visitedAt || a.id.localeCompare(b.id)),
  };
}
