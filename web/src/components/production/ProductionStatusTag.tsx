import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { PRODUCTION_STATUS_LABELS, type ProductionStatus } from './productionLabels';

/** An enterprise's production status as a coloured tag (正常 green, 减产 orange, 停产 red). */
export function ProductionStatusTag({ status }: { status: ProductionStatus }) {
  const { t } = useI18n();
  const { name, color } = PRODUCTION_STATUS_LABELS[status];
  return (
    <Tag color={color} data-testid="production-status-tag">
      {t(...name)}
    </Tag>
  );
}
