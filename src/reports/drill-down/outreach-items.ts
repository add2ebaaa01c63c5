import { PROJECT_STAGE_LABELS, type ProjectStage } from '../../projects/project-vocabulary';
import { projectStartItemsSql } from '../../projects/projects-figures.sql';
import { assistOnTimeItemsSql } from '../assists/assist-parts.sql';
import type { Period } from '../periods';
import { visitCoverageItemsSql, type VisitGrouping } from '../visits/visit-figures.sql';
import type { ItemRow } from './drill-down.sql';
import type { ReasonCode } from './drill-down.response';
import type { ItemSource, ReasonContext } from './item-sources';
import { day } from './reason-day';

/*
 * The drill-downs of the outreach, project and assisting-department figures: their items come from
 * the SQL of the figures themselves (visit-figures.sql.ts, projects-figures.sql.ts,
 * assist-parts.sql.ts), so the items add up to the figures by construction. Only the reasons, which
 * a reader sees, are written here.
 */

type Reason = { code: ReasonCode; text: string };

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** An enterprise: visited in P as of T (its first visit there, and who made it), or not. */
export function visitReason(row: ItemRow, context: ReasonContext): Reason {
  if (!row.in_numerator) return { code: 'not_visited', text: '期内未走访' };
  const officials = names(row.detail.officials);
  const who = officials.length ? `（${officials.join('、')}）` : '';
  return { code: 'visited', text: `${day(row.counted_at, context.timezone)} 走访${who}` };
}

function stageLabel(stage: unknown): string {
  return typeof stage === 'string' && stage in PROJECT_STAGE_LABELS
    ? PROJECT_STAGE_LABELS[stage as ProjectStage].zh
    : PROJECT_STAGE_LABELS.preparation.zh;
}

/** A project: started as of T (since when, and its stage then when it has gone further), or not. */
export function projectReason(row: ItemRow, context: ReasonContext): Reason {
  const stage = typeof row.detail.stage === 'string' ? row.detail.stage : 'preparation';
  if (!row.in_numerator) return { code: 'not_started', text: `截至统计时点未开工（${stageLabel(stage)}）` };
  const further = stage === 'started' ? '' : `，截至统计时点${stageLabel(stage)}`;
  return { code: 'started', text: `${day(row.counted_at, context.timezone)} 开工${further}` };
}

/** An assisting part done as of T: on or before the deadline of the assignment that gave it, or after. */
export function assistReason(row: ItemRow, context: ReasonContext): Reason {
  const department = row.counted_department_id
    ? (context.departments.get(row.counted_department_id) ?? row.counted_department_id)
    : '';
  const done = `${day(row.counted_at, context.timezone)} 由 ${department} 完成协办`;
  const due = row.judged_due_at ? day(row.judged_due_at, context.timezone) : null;
  if (row.in_numerator) return { code: 'done_on_time', text: due ? `${done}，不晚于时限 ${due}` : `${done}，未设时限` };
  return { code: 'done_late', text: `${done}，超过时限 ${due}` };
}

export const OUTREACH_SOURCES = {
  'visit-coverage-rate': {
    sql: (groupBy) => visitCoverageItemsSql((groupBy ?? 'total') as VisitGrouping),
    params: [],
    reason: visitReason,
  },
  'project-start-rate': {
    sql: (groupBy) => projectStartItemsSql((groupBy ?? 'total') as Parameters<typeof projectStartItemsSql>[0]),
    // The plan year is the year of the period's start in the report time zone, as the figure takes it.
    params: (period: Period) => [period.from.year],
    reason: projectReason,
  },
  'assist-on-time-rate': {
    sql: (groupBy) => assistOnTimeItemsSql(groupBy === 'department' ? 'department' : 'total'),
    params: [],
    reason: assistReason,
  },
} satisfies Record<'visit-coverage-rate' | 'project-start-rate' | 'assist-on-time-rate', ItemSource>;
