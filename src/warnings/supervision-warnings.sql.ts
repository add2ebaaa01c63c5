import { overdueSupervisionSql } from '../supervision/supervisions.repository';

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
  supervision_overdue AS (
    SELECT op.id, op.code, op.title, op.status, op.enterprise_id, op.department_id, s.id AS supervision_id,
           s.answer_by, working_days_between(s.answer_by, params.now, params.tz) AS days_overdue
    FROM open_problem op
    CROSS JOIN params
    JOIN supervisions s ON s.problem_id = op.id
    JOIN problems p ON p.id = op.id
    WHERE ${overdueSupervisionSql('s', 'p', 'params.now')} AND s.opened_at <= params.now
  )`;
}

/** The rows supervision_overdue adds to `any_warning` (its columns, in order). */
export const SUPERVISION_WARNING_ROWS = `
    UNION ALL
    SELECT 'supervision_overdue', 9, so.id, so.code, so.title, so.status,
           e.id, e.name, so.department_id, d.name,
           so.answer_by, so.days_overdue, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           'supervision_overdue:' || so.supervision_id,
           so.answer_by,
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM supervision_overdue so
    JOIN enterprises e ON e.id = so.enterprise_id
    LEFT JOIN departments d ON d.id = so.department_id`;
