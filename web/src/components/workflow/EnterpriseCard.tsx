import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { INDUSTRY_LABELS, labelOf } from './labels';
import type { Enterprise } from './types';

/** One enterprise in the search results, with the way to log a visit to it. */
export function EnterpriseCard({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useI18n();
  const labels = useLabels();
  const navigate = useNavigate();
  return (
    <Card size="small" data-testid="enterprise-row" data-id={enterprise.id}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Flex wrap gap={4} align="center">
            <Link to={`/enterprises/${enterprise.id}`} style={{ fontWeight: 600, marginRight: 4 }}>
              {enterprise.name}
            </Link>
            {enterprise.isKey && <Tag color="red">{t('重点企业', 'Key')}</Tag>}
            {enterprise.isAboveScale && <Tag color="blue">{t('规上', 'Above scale')}</Tag>}
          </Flex>
          <Typography.Text type="secondary">
            {labels.district(enterprise.district)}
            {enterprise.industry && ` · ${labelOf(INDUSTRY_LABELS, enterprise.industry, t)}`}
            {enterprise.uscc && ` · ${enterprise.uscc}`}
          </Typography.Text>
          {(enterprise.contactName || enterprise.contactPhone) && (
            <div>
              <Typography.Text type="secondary">
                {t('联系人', 'Contact')}: {enterprise.contactName ?? '—'}{' '}
                {enterprise.contactPhone && <a href={`tel:${enterprise.contactPhone}`}>{enterprise.contactPhone}</a>}
              </Typography.Text>
            </div>
          )}
        </div>
        <Button
          type="primary"
          data-testid="log-visit"
          onClick={() => navigate(`/visits/new?enterpriseId=${enterprise.id}`)}
        >
          {t('记录走访', 'Log a visit')}
        </Button>
      </Flex>
    </Card>
  );
}
