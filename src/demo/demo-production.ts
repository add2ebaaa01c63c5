/**
 * Production status (生产状态, daily monitoring) in the demo data: about forty manufacturing
 * enterprises whose status changed over the years, each change an event recorded by the
 * enterprise's responsible official of the time, with the month's output value on some. Runs up to
 * "now": some enterprises are idle (a couple for more than 30 days) or reduced at the instant of
 * loading, others resumed production during past quarters.
 *
 * Its own random streams ("production:…"): nothing that existed before moves.
 */
import type { ProductionStatus } from '../enterprises/production-status';
import { OPEN_STATUSES } from '../workflow/statuses';
import type { Enterprise } from './demo-enterprises';
import type { Answering } from './demo-outreach';
import type { Problem } from './demo-problems';
import { type Industry, PRODUCTION_NOTES } from './demo-text';
import { beijing, DAY, HOUR, Random, workingTime } from './demo-time';

export interface ProductionEvent {
  enterpriseId: string;
  status: ProductionStatus;
  effectiveAt: number;
  recordedAt: number;
  recordedBy: string;
  /** 'YYYY-MM-01' with outputValueYuan, or both null. */
  outputMonth: string | null;
  outputValueYuan: number | null;
  note: string;
}

export interface ProductionStatuses {
  events: ProductionEvent[];
  /** The status each watched enterprise is in at "now", and since when (the change into it). */
  current: Map<string, { status: ProductionStatus; since: number }>;
}

/** Industries whose factories can stand idle. */
const FACTORY_INDUSTRIES: Industry[] = ['new_energy_equipment', 'petrochemicals', 'coal_coking', 'agri_processing'];
const WATCHED = 42;
const MONITORING_FROM = beijing(2024, 1, 2);

/** How long a status lasts (days) and where it goes next. */
const DURATION: Record<ProductionStatus, [number, number]> = {
  normal: [70, 330],
  reduced: [25, 120],
  idle: [30, 160],
};
const NEXT: Record<ProductionStatus, Partial<Record<ProductionStatus, number>>> = {
  normal: { reduced: 6, idle: 4 },
  reduced: { normal: 8, idle: 2 },
  idle: { normal: 7, reduced: 3 },
};

interface Change {
  status: ProductionStatus;
  effectiveAt: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
function previousMonth(t: number): string {
  const d = new Date(t + 8 * HOUR);
  const month = d.getUTCMonth(); // 0-based: the previous month's 1-based number
  return month === 0 ? `${d.getUTCFullYear() - 1}-12-01` : `${d.getUTCFullYear()}-${pad(month)}-01`;
}
/** The morning of `t`'s day (08:00 Beijing), when a change is taken to have happened. */
const morning = (t: number) => Math.floor((t + 8 * HOUR) / DAY) * DAY - 8 * HOUR + 8 * HOUR;

/** A random history from the start of monitoring up to `until`. */
function randomChanges(rng: Random, until: number): Change[] {
  const changes: Change[] = [];
  let status: ProductionStatus = 'normal';
  let t = MONITORING_FROM;
  // Some were already in difficulty when monitoring began.
  if (rng.chance(0.25)) {
    status = rng.chance(0.5) ? 'idle' : 'reduced';
    changes.push({ status, effectiveAt: morning(beijing(2023, 12, rng.int(1, 28))) });
  }
  for (;;) {
    const [low, high] = DURATION[status];
    t = morning(t + rng.between(low, high) * DAY);
    if (t >= until) return changes;
    status = rng.weighted(NEXT[status]);
    changes.push({ status, effectiveAt: t });
  }
}

/**
 * Hand-written histories: two idle for more than 30 days and one just stopped (all with open
 * problems), two reduced now, and two that resumed within a past quarter.
 */
function designedChanges(rng: Random, role: string, now: number): Change[] {
  const ago = (from: number, to: number) => morning(now - rng.between(from, to) * DAY);
  switch (role) {
    case 'idleLong':
      return [
        { status: 'reduced', effectiveAt: ago(150, 110) },
        { status: 'idle', effectiveAt: ago(60, 42) },
      ];
    case 'idleMonth':
      return [{ status: 'idle', effectiveAt: ago(38, 33) }];
    case 'idleRecent':
      return [
        { status: 'idle', effectiveAt: morning(beijing(2024, 6, 11)) },
        { status: 'normal', effectiveAt: morning(beijing(2024, 9, 23)) },
        { status: 'idle', effectiveAt: ago(12, 4) },
      ];
    case 'reduced':
      return [{ status: 'reduced', effectiveAt: ago(50, 10) }];
    case 'resumed2025':
      return [
        { status: 'idle', effectiveAt: morning(beijing(2025, 2, 18)) },
        { status: 'normal', effectiveAt: morning(beijing(2025, 5, 12)) },
      ];
    default:
      return [
        { status: 'idle', effectiveAt: morning(beijing(2024, 5, 6)) },
        { status: 'normal', effectiveAt: morning(beijing(2024, 8, 20)) },
      ];
  }
}

const ROLES = ['idleLong', 'idleMonth', 'idleRecent', 'reduced', 'reduced', 'resumed2025', 'resumed2024'];

export function buildProductionStatuses(
  enterprises: Enterprise[],
  problems: Problem[],
  who: Answering,
  now: number,
): ProductionStatuses {
  const rng = new Random('production:enterprises');
  const factories = enterprises.filter((e) => FACTORY_INDUSTRIES.includes(e.industry));
  const withOpen = new Set(
    problems.filter((p) => OPEN_STATUSES.includes(p.timeline.state.status)).map((p) => p.enterprise.id),
  );
  // The idle ones of the designed histories have open problems; the rest are drawn from all factories.
  const idleRoles = ROLES.filter((r) => r.startsWith('idle')).length;
  const troubled = rng.sample(
    factories.filter((e) => withOpen.has(e.id)),
    idleRoles,
  );
  const others = rng.sample(
    factories.filter((e) => !troubled.includes(e)),
    WATCHED - troubled.length,
  );
  const designed = new Map<string, string>();
  troubled.forEach((e, i) => designed.set(e.id, ROLES[i]!));
  others.slice(0, ROLES.length - idleRoles).forEach((e, i) => designed.set(e.id, ROLES[idleRoles + i]!));

  const events: ProductionEvent[] = [];
  const current = new Map<string, { status: ProductionStatus; since: number }>();
  for (const e of [...troubled, ...others].sort((a, b) => a.id.localeCompare(b.id))) {
    const own = new Random(`production:${e.id}`);
    const role = designed.get(e.id);
    const changes = role ? designedChanges(own, role, now) : randomChanges(own, now);
    const monthlyOutput = Math.round((e.isAboveScale ? own.between(2000, 15000) : own.between(200, 2000)) * 10) * 1000;
    const record = (status: ProductionStatus, effectiveAt: number, output: number | null, note: string) => {
      const recordedAt = workingTime(Math.max(effectiveAt + own.between(1, 30) * HOUR, MONITORING_FROM), own);
      if (recordedAt >= now) return;
      events.push({
        enterpriseId: e.id,
        status,
        effectiveAt,
        recordedAt,
        recordedBy: who.official(e.id, recordedAt),
        outputMonth: output === null ? null : previousMonth(effectiveAt),
        outputValueYuan: output === null ? null : Math.round(output / 10_000) * 10_000,
        note,
      });
      current.set(e.id, {
        status,
        since: current.get(e.id)?.status === status ? current.get(e.id)!.since : effectiveAt,
      });
    };
    changes.forEach((change, i) => {
      const until = changes[i + 1]?.effectiveAt ?? now;
      const output =
        change.status === 'idle' ? null : monthlyOutput * (change.status === 'reduced' ? 0.8 : own.between(0.3, 0.6));
      const withOutput = change.status === 'idle' || own.chance(0.6) ? output : null;
      record(change.status, change.effectiveAt, withOutput, own.pick(PRODUCTION_NOTES[change.status]));
      // While reduced, the month's output is reported early each month.
      if (change.status !== 'reduced') return;
      const d = new Date(change.effectiveAt + 8 * HOUR);
      for (let m = d.getUTCMonth() + 2; ; m += 1) {
        const at = morning(beijing(d.getUTCFullYear(), m, 5)) + 2 * HOUR;
        if (at >= until) break;
        record('reduced', at, monthlyOutput * own.between(0.4, 0.7), PRODUCTION_NOTES.monthly);
      }
    });
  }
  events.sort((a, b) => a.recordedAt - b.recordedAt || a.enterpriseId.localeCompare(b.enterpriseId));
  return { events, current };
}
