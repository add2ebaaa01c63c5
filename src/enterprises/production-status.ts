/**
 * Production status (生产状态) of an enterprise under daily monitoring: the one place the codes are
 * written. The schema checks them too (CHECKs on enterprises.production_status and
 * production_status_events.status).
 */
export const PRODUCTION_STATUSES = ['normal', 'reduced', 'idle'] as const;
export type ProductionStatus = (typeof PRODUCTION_STATUSES)[number];

export const PRODUCTION_STATUS_LABELS: Record<ProductionStatus, { zh: string; en: string }> = {
  normal: { zh: '正常', en: 'Normal' },
  reduced: { zh: '减产', en: 'Reduced output' },
  idle: { zh: '停产', en: 'Idle' },
};
