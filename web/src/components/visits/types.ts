import type { components } from '../../api/schema';

/** A visit as GET /visits/:id and the items of GET /visits answer (see api/schema.d.ts). */
export type VisitView = components['schemas']['VisitViewResponse'];
export type VisitRevision = components['schemas']['VisitRevisionResponse'];
export type Tier = VisitView['tier'];
export type AmendableField = VisitRevision['changed'][number];

export const TIERS: Tier[] = ['key', 'above_scale', 'other'];

/** Tier names as the programme says them; the service sends the codes. */
export const TIER_LABELS: Record<Tier, [string, string]> = {
  key: ['重点企业', 'Key enterprise'],
  above_scale: ['规上企业', 'Above designated size'],
  other: ['一般企业', 'Other enterprise'],
};

export const FIELD_LABELS: Record<AmendableField, [string, string]> = {
  visitedAt: ['走访时间', 'Visited at'],
  purpose: ['走访目的', 'Purpose'],
  notes: ['企业反馈', "Enterprise's feedback"],
  policiesPromoted: ['宣传政策', 'Policies promoted'],
  officials: ['走访人员', 'Officials'],
};
