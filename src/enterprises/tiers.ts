/**
 * Enterprise tiers (企业层级) and their default visit intervals: the one place they are written.
 * The schema checks the codes too (CHECKs on enterprises.tier, enterprise_tier_changes.tier and
 * tier_intervals.tier); the intervals in force are rows of tier_intervals, which admins change.
 */
export const TIERS = ['key', 'above_scale', 'other'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, { zh: string; en: string }> = {
  key: { zh: '重点企业', en: 'Key enterprise' },
  above_scale: { zh: '规上企业', en: 'Above designated size' },
  other: { zh: '一般企业', en: 'Other enterprise' },
};

/** The intervals the migration seeds, in days between visits. */
export const DEFAULT_VISIT_INTERVAL_DAYS: Record<Tier, number> = { key: 30, above_scale: 60, other: 90 };

/** The kinds of responsibility (包联关系): a responsible official or the responsible leader. */
export const RESPONSIBILITY_KINDS = ['official', 'leader'] as const;
export type ResponsibilityKind = (typeof RESPONSIBILITY_KINDS)[number];

export const RESPONSIBILITY_KIND_LABELS: Record<ResponsibilityKind, { zh: string; en: string }> = {
  official: { zh: '包联干部', en: 'Responsible official' },
  leader: { zh: '包联领导', en: 'Responsible leader' },
};
