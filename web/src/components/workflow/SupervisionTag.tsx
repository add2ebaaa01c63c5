import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { SUPERVISION_LEVEL_LABELS, type SupervisionLevel } from './labels';

const LEVEL_COLORS: Record<SupervisionLevel, string> = { reminder: 'gold', supervision: 'orange', listed: 'red' };

/** The tag of a supervision level (催办, 督办, 挂牌督办) in lists and on the problem page. */
export function SupervisionTag({ level, testId }: { level: SupervisionLevel | null | undefined; testId?: string }) {
  const { t } = useI18n();
  if (!level) return null;
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={testId}>
      {t(...SUPERVISION_LEVEL_LABELS[level])}
    </Tag>
  );
}
