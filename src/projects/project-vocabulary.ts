/**
 * Key projects (重点项目): their kinds and stages, written once. The schema checks the codes too
 * (CHECKs on projects.kind, projects.stage and project_stage_events.stage).
 */
export const PROJECT_KINDS = ['new', 'continuing'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_KIND_LABELS: Record<ProjectKind, { zh: string; en: string }> = {
  new: { zh: '新建', en: 'New' },
  continuing: { zh: '续建', en: 'Continuing' },
};

/** In order: a project moves forward through them. */
export const PROJECT_STAGES = ['preparation', 'started', 'completed', 'in_production'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STAGE_LABELS: Record<ProjectStage, { zh: string; en: string }> = {
  preparation: { zh: '前期', en: 'Preparation' },
  started: { zh: '已开工', en: 'Started' },
  completed: { zh: '竣工', en: 'Completed' },
  in_production: { zh: '投产', en: 'In production' },
};

/** A project in one of these stages has started construction (counts for the start rate, 开工率). */
export const STARTED_STAGES: readonly ProjectStage[] = ['started', 'completed', 'in_production'];
