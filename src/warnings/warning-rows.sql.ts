/**
 * The shape of a warning row: every level's rows have these columns, in this order, so that
 * `any_warning` is a plain UNION ALL of the levels and the list can read one level on its own.
 */
const COLUMNS = {
  problem_id: 'uuid',
  code: 'text',
  title: 'text',
  status: 'text',
  enterprise_id: 'uuid',
  enterprise_name: 'text',
  department_id: 'uuid',
  department_name: 'text',
  due_at: 'timestamptz',
  days_overdue: 'int',
  working_days_left: 'int',
  last_activity_at: 'timestamptz',
  idle_days: 'int',
  last_visit_at: 'timestamptz',
  next_visit_due_at: 'timestamptz',
  tier: 'text',
  officials: 'jsonb',
  unassigned_since: 'timestamptz',
  project_id: 'uuid',
  project_code: 'text',
  project_name: 'text',
  planned_start_date: 'date',
  days_late: 'int',
  idle_since: 'timestamptz',
} as const;
export type WarningColumn = keyof typeof COLUMNS;

/** A timestamp as stable text for a dedupe key: UTC, microseconds, whatever the session time zone. */
export const utcText = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One level's warnings: the CTE of its rule and how its rows are shaped from it. */
export interface LevelRows {
  /** The CTE the level's rule selects into, one row per warning: the list counts it. */
  rule: string;
  /** The rule CTE with its alias and any joins the columns read. */
  from: string;
  /** The expressions of the columns the level fills; the others are NULL. */
  columns: Partial<Record<WarningColumn, string>>;
  /** The text that names the occurrence: a new one is a new warning. */
  dedupeKey: string;
  /** The instant the level is listed by, earliest first. */
  sortAt: string;
}

/** The SELECT giving a level's warning rows, with `level` and `level_rank` (its place in the list). */
export function levelRowsSql(level: string, rank: number, rows: LevelRows): string {
  const columns = Object.entries(COLUMNS).map(
    ([name, type]) => `${rows.columns[name as WarningColumn] ?? `NULL::${type}`} AS ${name}`,
  );
  return `SELECT '${level}'::text AS level, ${rank} AS level_rank, ${columns.join(', ')},
           ${rows.dedupeKey} AS dedupe_key, ${rows.sortAt} AS sort_at
    FROM ${rows.from}`;
}

/** A problem's warning: the problem, its enterprise's and department's names, from the rule `w`. */
export function problemRows(level: string, rule: string, at: string, columns: LevelRows['columns']): LevelRows {
  return {
    rule,
    from: `${rule} w
    JOIN enterprises e ON e.id = w.enterprise_id
    LEFT JOIN departments d ON d.id = w.department_id`,
    columns: {
      problem_id: 'w.id',
      code: 'w.code',
      title: 'w.title',
      status: 'w.status',
      enterprise_id: 'e.id',
      enterprise_name: 'e.name',
      department_id: 'w.department_id',
      department_name: 'd.name',
      ...columns,
    },
    dedupeKey: `'${level}:' || w.id || ':' || ${utcText(at)}`,
    sortAt: at,
  };
}
