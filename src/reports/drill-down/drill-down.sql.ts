import { GROUP_KEYS, resolvedItems, signForItems, verifiedItems } from '../figures.sql';
import { resolutionItems } from '../resolution-rate.sql';
import { deadlineAsOf } from '../deadlines.sql';

/**
 * The drill-down (下钻) of a figure: the items it counted, as they were at its instant. Each
 * figure's items come from the same SQL as the figure itself (figures.sql.ts,
 * resolution-rate.sql.ts), so the two agree by construction; this file only adds what a reader
 * needs to check an item (code, title, enterprise, status and department as of the instant).
 *
 * Parameters: $1 period from, $2 period to (exclusive), $3 asOf, then the source's own
 * (item-sources.ts: the event types a problem figure reads, the plan year of the project figure).
 * Every items query gives the columns of ItemRow.
 */

/** The columns a figure's own items SQL gives, one row per counted item (problem-based ones add problem_id). */
interface ItemCoreColumns {
  /** Unique within the figure: the problem's id, or the event's id for an assignment. */
  item_key: string;
  group_key: string | null;
  sort_at: Date;
  in_numerator: boolean;
  /** The instant of what put the item in the numerator (or decided it): a resolution, a verification, a sign-for. */
  counted_at: Date | null;
  counted_department_id: string | null;
  /** The deadline the figure judged the item by (on-time and sign-for figures). */
  judged_due_at: Date | null;
  detail: Record<string, unknown>;
}

/** One row of a drill-down as the service reads it. */
export interface ItemRow extends ItemCoreColumns {
  /** The problem, enterprise or project counted. */
  item_id: string;
  /** sort_at as PostgreSQL prints it, for the cursor. */
  sort_text: string;
  code: string;
  title: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  district_code: string | null;
  category_code: string | null;
  status_as_of: string | null;
  department_id_as_of: string | null;
  due_at_as_of: Date | null;
}

/**
 * A problem-based figure's items with the problem's code, title and enterprise, and its status,
 * department and deadline as of $3 (its latest event before it; the deadline is deadlineAsOf's,
 * shown while the problem was with a department).
 */
function problemItems(core: string): string {
  return `
    SELECT c.*, c.problem_id AS item_id, c.sort_at::text AS sort_text, p.code, p.title, ent.id AS enterprise_id, ent.name AS enterprise_name,
           ent.district_code, p.category_code, st.to_status AS status_as_of, st.department_id AS department_id_as_of,
           CASE WHEN st.department_id IS NOT NULL THEN du.due_at END AS due_at_as_of
    FROM (${core}) c
    JOIN problems p ON p.id = c.problem_id
    JOIN enterprises ent ON ent.id = p.enterprise_id
    LEFT JOIN LATERAL (
      SELECT ev.to_status, ev.department_id FROM problem_events ev
      WHERE ev.problem_id = c.problem_id AND ev.at < $3
      ORDER BY ev.at DESC, ev.id DESC
      LIMIT 1
    ) st ON true
    LEFT JOIN LATERAL (SELECT ${deadlineAsOf('c.problem_id', '$3')} AS due_at) du ON true`;
}

export type ProblemFigure =
  'resolution-rate' | 'on-time-rate' | 'on-time-with-extension-rate' | 'satisfaction-rate' | 'sign-for-rate';

export type ProblemGroupBy = keyof typeof GROUP_KEYS;

/** The event types each figure's window reads ($4), as the figure's own query is given them. */
export const EVENT_TYPES: Record<ProblemFigure, string[]> = {
  'resolution-rate': [],
  'on-time-rate': ['resolve'],
  'on-time-with-extension-rate': ['resolve'],
  'satisfaction-rate': ['verify'],
  'sign-for-rate': ['assign'],
};

/** The items SQL of a problem-based figure, keyed by one grouping (or 'total'). */
export function problemFigureItems(figure: ProblemFigure, groupBy: ProblemGroupBy): string {
  const key = GROUP_KEYS[groupBy];
  switch (figure) {
    case 'resolution-rate':
      return problemItems(resolutionItems(key));
    case 'on-time-rate':
      return problemItems(resolvedItems(key, false));
    case 'on-time-with-extension-rate':
      return problemItems(resolvedItems(key, true));
    case 'satisfaction-rate':
      return problemItems(verifiedItems(key));
    case 'sign-for-rate':
      return problemItems(signForItems(key));
  }
}

/**
 * A page of items, filtered, with the totals of all the filtered items (before the page is cut):
 * the filters' and the cursor's values follow the source's parameters, numbered by the caller.
 */
export function itemsPage(items: string, where: string[], after: string | null, limit: string | null): string {
  return `
    SELECT * FROM (
      SELECT i.*, count(*) OVER ()::int AS total, count(*) FILTER (WHERE i.in_numerator) OVER ()::int AS numerator
      FROM (${items}) i
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ) w
    ${after ? `WHERE ${after}` : ''}
    ORDER BY sort_at, item_key
    ${limit ? `LIMIT ${limit}` : ''}`;
}
