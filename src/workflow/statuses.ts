/**
 * The statuses a problem moves through, and the sets the rules and the figures count by. This is
 * the one place they are written: the workflow, the API's validation, the labels and every SQL
 * fragment that names statuses (see status-sql.ts) are built from these lists. The schema checks
 * them too (a CHECK on problems.status): a new status also needs the migration that widens it,
 * and test/status-vocabulary.e2e-spec.ts fails until there is one.
 */
export const STATUSES = ['reported', 'assigned', 'in_progress', 'resolved', 'closed', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** Display labels; the API's values stay the English snake_case codes. */
export const STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  reported: { zh: '待交办', en: 'Reported' },
  assigned: { zh: '已交办', en: 'Assigned' },
  in_progress: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已办结', en: 'Resolved' },
  closed: { zh: '已销号', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The status a new problem starts in. */
export const INITIAL_STATUS = 'reported' satisfies Status;

/** Withdrawn (撤回): taken back; not recorded by the figures at all. */
export const WITHDRAWN_STATUS = 'withdrawn' satisfies Status;

/** Counted as resolved by the figures (办结). */
export const RESOLVED_STATUSES: readonly Status[] = ['resolved', 'closed'];

/** Still to be worked on: neither resolved nor withdrawn. */
export const OPEN_STATUSES: readonly Status[] = STATUSES.filter(
  (status) => !RESOLVED_STATUSES.includes(status) && status !== WITHDRAWN_STATUS,
);

/** Open and in a department's hands, so a deadline runs. */
export const WITH_DEPARTMENT_STATUSES: readonly Status[] = ['assigned', 'in_progress'];

/** Final: nothing more happens to the problem (销号 or 撤回); the enterprise's tracking link runs out after it. */
export const FINAL_STATUSES: readonly Status[] = ['closed', WITHDRAWN_STATUS];
