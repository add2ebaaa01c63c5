import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { VisitView } from './types';

/** Recorded or withdrawn (已撤回: entered by mistake, no longer counted). */
export function VisitStatusTag({ status }: { status: VisitView['status'] }) {
  const { t } = useI18n();
  return status === 'withdrawn' ? (
    <Tag data-testid="visit-status" data-status={status}>
      {t('已撤回', 'Withdrawn')}
    </Tag>
  ) : (
    <Tag color="green" data-testid="visit-status" data-status={status}>
      {t('已记录', 'Recorded')}
    </Tag>
  );
}
