/**
 * The supervision ladder (督办), lowest first: a reminder (催办), a supervision (督办), a listed
 * supervision (挂牌督办). A problem under supervision can only be escalated to a higher level.
 * The schema checks the same list (a CHECK on supervisions.level).
 */
export const SUPERVISION_LEVELS = ['reminder', 'supervision', 'listed'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** The level an escalation opens when it names none. */
export const DEFAULT_SUPERVISION_LEVEL: SupervisionLevel = 'supervision';

/** Working days the department has to answer when the escalation names no date. */
export const DEFAULT_ANSWER_WORKING_DAYS = 3;

export const SUPERVISION_LEVEL_LABELS: Record<SupervisionLevel, { zh: string; en: string }> = {
  reminder: { zh: '催办', en: 'Reminder' },
  supervision: { zh: '督办', en: 'Supervision' },
  listed: { zh: '挂牌督办', en: 'Listed supervision' },
};

/** Is `level` above `than` on the ladder? */
export function isHigherLevel(level: SupervisionLevel, than: SupervisionLevel): boolean {
  return SUPERVISION_LEVELS.indexOf(level) > SUPERVISION_LEVELS.indexOf(than);
}

/**
 * The events by which the department answers a supervision: its next progress note, extension
 * request or resolution after the escalation.
 */
export const ANSWERING_EVENT_TYPES: readonly string[] = ['progress', 'request_extension', 'resolve'];
