import { overdueSupervisionSql } from '../supervision/supervisions.repository';
import { type LevelRows, problemRows } from './warning-rows.sql';

/**
 * The supervision warning, added to the warnings of warnings.sql.ts (its `params` CTE gives `now`
 * and `tz`, `open_problem` the open problems the caller may see):
 *
 * - supervision_overdue (督办超期未回应): an active supervision the department has not answered
 *   (no progress note, extension request or resolution since it was opened) whose answer-by date
 *   has passed, on an open problem. `daysOverdue` counts the working days since that date. One
 *   warning per supervision: a higher level opens a new supervision, hence a new warning.
 */
export function supervisionWarningsCte(): string {
  return `,
  supervision_overdue AS NOT MATERIALIZED (
    SELECT op.id, op.code, op.title, op.status, op.enterprise_id, op.department_id, s.id AS supervision_id,
           s.answer_by, working_days_between(s.answer_by, params.now, params.tz) AS days_overdue
    FROM open_problem op
    CROSS JOIN params
    JOIN supervisions s ON s.problem_id = op.id
    JOIN problems p ON p.id = op.id
    WHERE ${overdueSupervisionSql('s', 'p', 'params.now')} AND s.opened_at <= params.now
  )`;
}

/** The level's rows: one per supervision, hence its own dedupe key. */
export const SUPERVISION_LEVEL_ROWS: LevelRows = {
  ...problemRows('supervision_overdue', 'supervision_overdue', 'w.answer_by', {
    due_at: 'w.answer_by',
    days_overdue: 'w.days_overdue',
  }),
  dedupeKey: `'supervision_overdue:' || w.supervision_id`,
};
