import { ProductionStatusTag } from '../../components/production/ProductionStatusTag';
import { Alert, Button, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { NextDue } from '../../components/outreach/NextDue';
import { KIND_LABELS, TierTag } from '../../components/outreach/TierTag';
import type { MyEnterprise, MyEnterprises } from '../../components/outreach/types';
import { LIST_PAGE } from '../../components/workflow/layout';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { PageTitle } from '../../components/PageTitle';
import { LightCard } from '../../components/light';

type Filter = 'week' | 'all';

/**
 * "My enterprises" (我的企业): the enterprises the signed-in user answers for, most overdue first,
 * then soonest due, each with its tier, last visit, next visit due and open problems. A phone page:
 * one card per enterprise; tapping it opens the enterprise page, its button logs a visit there.
 */
export function MyEnterprisesPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('week');
  const list = useQuery({
    queryKey: ['me', 'enterprises', filter],
    queryFn: ({ signal }) =>
      api<MyEnterprises>('/me/enterprises', { query: { due: filter === 'week' ? 'week' : undefined }, signal }),
  });
  const items = list.data?.items ?? [];
  const overdue = items.filter((item) => item.overdue).length;

  return (
    <Flex vertical gap={12} style={LIST_PAGE}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle title={t('我的企业', 'My enterprises')} />
        <Link to="/enterprises">{t('查找其他企业', 'Find another enterprise')}</Link>
      </Flex>
      <Segmented<Filter>
        block
        value={filter}
        onChange={setFilter}
        data-testid="due-filter"
        options={[
          { value: 'week', label: t('本周应走访', 'Due this week') },
          { value: 'all', label: t('全部', 'All') },
        ]}
      />
      {list.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(list.error, t)}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('重试', 'Retry')}
            </Button>
          }
        />
      )}
      {list.isPending && <Skeleton active />}
      {list.data && (
        <Typography.Text type="secondary" data-testid="my-enterprises-summary">
          {t(`共 ${items.length} 家，其中逾期 ${overdue} 家`, `${items.length} enterprise(s), ${overdue} overdue`)}
        </Typography.Text>
      )}
      {list.data && items.length === 0 && (
        <Empty
          description={
            filter === 'week'
              ? t('本周没有应走访的企业', 'No enterprise is due this week')
              : t('您还没有包联企业', 'You answer for no enterprise yet')
          }
        />
      )}
      {items.map((item) => (
        <MyEnterpriseCard key={item.enterpriseId} item={item} />
      ))}
    </Flex>
  );
}

function MyEnterpriseCard({ item }: { item: MyEnterprise }) {
  const { t, formatTime } = useI18n();
  const navigate = useNavigate();
  const open = () => void navigate(`/enterprises/${item.enterpriseId}`);
  return (
    <LightCard
      hoverable
      data-testid="my-enterprise"
      data-id={item.enterpriseId}
      data-overdue={item.overdue}
      style={item.overdue ? { borderColor: '#ff4d4f' } : undefined}
      onClick={open}
    >
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="start" gap={8}>
          <Link
            to={`/enterprises/${item.enterpriseId}`}
            onClick={(event) => event.stopPropagation()}
            style={{ fontWeight: 600, fontSize: 16 }}
            data-testid="my-enterprise-name"
          >
            {item.name}
          </Link>
          <Flex gap={4}>
            {item.productionStatus !== 'normal' && <ProductionStatusTag status={item.productionStatus} />}
            <TierTag tier={item.tier} />
          </Flex>
        </Flex>
        <Typography.Text type="secondary">
          {item.districtName} · {t(...KIND_LABELS[item.kind])}
        </Typography.Text>
        <div>
          {t('下次走访', 'Next visit')}: <NextDue dueAt={item.nextVisitDueAt} />
        </div>
        <Typography.Text type="secondary">
          {t('上次走访', 'Last visit')}:{' '}
          {item.lastVisitAt ? formatTime(item.lastVisitAt, true) : t('尚未走访', 'never visited')}
        </Typography.Text>
        <Flex justify="space-between" align="center" gap={8}>
          <span>
            {t('未办结问题', 'Open problems')}{' '}
            {/* A count in a pill, as antd's Badge draws it, without its animated digits' weight. */}
            <span
              data-testid="open-problems"
              style={{
                display: 'inline-block',
                minWidth: 20,
                height: 20,
                padding: '0 6px',
                borderRadius: 10,
                fontSize: 12,
                lineHeight: '20px',
                textAlign: 'center',
                color: item.openProblems ? '#fff' : 'rgba(0, 0, 0, 0.88)',
                background: item.openProblems ? '#ad4e00' : '#f0f0f0',
              }}
            >
              {item.openProblems}
            </span>
          </span>
          <Button
            type="primary"
            data-testid="log-visit"
            onClick={(event) => {
              event.stopPropagation();
              void navigate(`/visits/new?enterpriseId=${item.enterpriseId}`);
            }}
          >
            {t('记录走访', 'Log a visit')}
          </Button>
        </Flex>
      </Flex>
    </LightCard>
  );
}
