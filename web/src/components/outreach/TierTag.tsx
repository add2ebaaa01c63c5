import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { Tier } from './types';

/** Tier labels: [Chinese, English] (the service's src/enterprises/tiers.ts holds the same). */
export const TIER_LABELS: Record<Tier, [string, string]> = {
  key: ['重点企业', 'Key enterprise'],
  above_scale: ['规上企业', 'Above designated size'],
  other: ['一般企业', 'Other enterprise'],
};

const COLORS: Record<Tier, string> = { key: 'red', above_scale: 'blue', other: 'default' };

/** An enterprise's tier (企业层级) as a coloured tag. */
export function TierTag({ tier }: { tier: Tier }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[tier]} data-testid="tier-tag" data-tier={tier}>
      {t(...TIER_LABELS[tier])}
    </Tag>
  );
}

/** Responsibility kinds: [Chinese, English]. */
export const KIND_LABELS: Record<'official' | 'leader', [string, string]> = {
  official: ['包联干部', 'Responsible official'],
  leader: ['包联领导', 'Responsible leader'],
};
