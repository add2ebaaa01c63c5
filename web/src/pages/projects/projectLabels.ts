import type { components } from '../../api/schema';

export type ProjectItem = components['schemas']['ProjectItemResponse'];
export type ProjectDetail = components['schemas']['ProjectDetailResponse'];
export type ProjectStage = ProjectItem['stage'];
export type ProjectKind = ProjectItem['kind'];

/** Stages in order, with their labels [Chinese, English] (the service's PROJECT_STAGE_LABELS). */
export const STAGES: [ProjectStage, string, string][] = [
  ['preparation', '前期', 'Preparation'],
  ['started', '已开工', 'Started'],
  ['completed', '竣工', 'Completed'],
  ['in_production', '投产', 'In production'],
];

export const KINDS: [ProjectKind, string, string][] = [
  ['new', '新建', 'New'],
  ['continuing', '续建', 'Continuing'],
];

export const STAGE_COLORS: Record<ProjectStage, string> = {
  preparation: 'default',
  started: 'blue',
  completed: 'green',
  in_production: 'purple',
};

type T = (zh: string, en: string) => string;

export const stageLabel = (t: T, stage: ProjectStage) => {
  const found = STAGES.find(([code]) => code === stage)!;
  return t(found[1], found[2]);
};

export const kindLabel = (t: T, kind: ProjectKind) => {
  const found = KINDS.find(([code]) => code === kind)!;
  return t(found[1], found[2]);
};

/** Whole yuan as 万元 (ten thousands) in Chinese, or as yuan with separators in English. */
export function formatYuan(value: number | null | undefined, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '—';
  if (lang === 'zh') return `${(value / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`;
  return `¥${value.toLocaleString('en-GB')}`;
}
