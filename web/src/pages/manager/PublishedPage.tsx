import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { formatRate } from '../../components/charts/rateCharts';
import { publishedGroup } from '../../components/drilldown/groupBy';
import type { PublishedFigure, PublishedList } from '../../components/drilldown/types';
import { PageTitle } from '../../components/PageTitle';
import { QueryState, readState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useFigureName } from './publishedLabels';

/** The first characters of a checksum: enough to tell two apart on screen; the detail shows it whole. */
export const shortChecksum = (checksum: string) => checksum.slice(0, 12);

/**
 * 已发布数据: every figure published, newest first, each a link to its page with the stored items
 * and its reconciliation with the figure as it reads now.
 */
export function PublishedPage() {
  const { t, formatTime } = useI18n();
  const figureName = useFigureName();
  const list = useInfiniteQuery({
    queryKey: ['published', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PublishedList>('/reports/published', { query: { limit: 50, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.error ? [] : (list.data?.pages.flatMap((p) => p.items) ?? []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageTitle title={t('已发布数据', 'Published figures')}>{t('已发布数据', 'Published figures')}</PageTitle>
      <Typography.Paragraph type="secondary">
        {t(
          '每项已发布的数据按发布时的口径、期间和时点保存，连同其明细；打开一项可与当前数据核对。',
          'Each published figure is kept with its definition, period, instant and items; open one to reconcile it with the figure as it reads now.',
        )}
      </Typography.Paragraph>
      <QueryState {...readState(list)} title={t('已发布数据', 'Published figures')}>
        <Table<PublishedFigure>
          size="small"
          rowKey="id"
          data-testid="published-list"
          loading={list.isFetching && !list.isFetchingNextPage}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            {
              title: t('指标', 'Figure'),
              dataIndex: 'figure',
              render: (figure: string, row) => <Link to={`/published/${row.id}`}>{figureName(figure)}</Link>,
            },
            { title: t('期间', 'Period'), render: (_, row) => row.period.label },
            {
              title: t('分组', 'Group'),
              render: (_, row) => publishedGroup(row, t),
            },
            { title: t('数据时点', 'As of'), dataIndex: 'asOf', render: (at: string) => formatTime(at) },
            {
              title: t('分子 / 分母', 'Numerator / denominator'),
              align: 'right',
              render: (_, row) => (
                <span data-testid="published-counts">
                  {row.numerator} / {row.denominator}
                </span>
              ),
            },
            { title: t('比率', 'Rate'), dataIndex: 'ratePercent', align: 'right', render: formatRate },
            { title: t('口径', 'Definition'), dataIndex: 'definition', render: (id: string) => <code>{id}</code> },
            {
              title: t('校验码', 'Checksum'),
              dataIndex: 'checksum',
              render: (checksum: string) => <code title={checksum}>{shortChecksum(checksum)}</code>,
            },
            { title: t('发布人', 'Published by'), dataIndex: 'publishedByName' },
            { title: t('发布时间', 'Published at'), dataIndex: 'publishedAt', render: (at: string) => formatTime(at) },
          ]}
        />
        {list.hasNextPage && (
          <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('加载更多', 'Load more')}
          </Button>
        )}
      </QueryState>
    </Space>
  );
}
