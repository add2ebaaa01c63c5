import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { TIER_LABELS, type VisitView } from './types';
import { VisitStatusTag } from './VisitStatusTag';

/** One visit in a phone-friendly list: when, where, who and what came of it; the whole card opens it. */
export function VisitCard({ visit, testId }: { visit: VisitView; testId: string }) {
  const { t, formatTime } = useI18n();
  return (
    <Link to={`/visits/${visit.id}`} data-testid={testId} data-visit-id={visit.id} style={{ display: 'block' }}>
      <Card size="small" hoverable>
        <Flex wrap gap={4} align="center">
          <Typography.Text strong style={{ marginRight: 4 }}>
            {formatTime(visit.visitedAt)}
          </Typography.Text>
          <VisitStatusTag status={visit.status} />
          <Tag>{t(...TIER_LABELS[visit.tier])}</Tag>
          {visit.revision > 1 && <Tag color="gold">{t('已修正', 'Amended')}</Tag>}
        </Flex>
        <Typography.Paragraph strong style={{ margin: '6px 0 2px' }} ellipsis={{ rows: 2 }}>
          {visit.enterpriseName}
        </Typography.Paragraph>
        {visit.purpose && <Typography.Text>{visit.purpose}</Typography.Text>}
        <Flex wrap gap="0 16px" style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{visit.districtName}</Typography.Text>
          <Typography.Text type="secondary">
            {t('走访人员', 'Officials')}: {visit.officials.map((o) => o.displayName).join('、')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t(`问题 ${visit.problems.length} 个`, `${visit.problems.length} problem(s)`)}
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
