import { assistParts } from '../assists/assist-parts.sql';

/** A row of WEEKLY_ASSISTS: a department's assisting parts (协办) in the week [$1, $2). */
export interface WeeklyAssistRow {
  departmentId: string;
  /** Parts open at the end of the week. */
  assistsOpen: number;
  /** Parts marked done during the week. */
  assistsDoneThisWeek: number;
}

/** Per department with any part open at the end of the week or done during it (see assistParts). */
export const WEEKLY_ASSISTS = `
  WITH ${assistParts('true', '$2')}
  SELECT department_id::text AS "departmentId",
         count(*) FILTER (WHERE end_type IS NULL)::int AS "assistsOpen",
         count(*) FILTER (WHERE end_type = 'assist_done' AND ended_at >= $1)::int AS "assistsDoneThisWeek"
  FROM parts
  GROUP BY department_id`;
