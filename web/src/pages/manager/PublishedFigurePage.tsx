import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, download } from '../../api';
import { formatRate } from '../../components/charts/rateCharts';
import { publishedGroup } from '../../components/drilldown/groupBy';
import { CountedMark, itemLink, ItemsTable } from '../../components/drilldown/ItemsTable';
import type {
  ItemSide,
  MovedItem,
  PublishedFigure,
  PublishedItemsPage,
  Reconciliation,
} from '../../components/drilldown/types';
import { PageTitle } from '../../components/PageTitle';
import { QueryState, readState } from '../../components/QueryState';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { useFigureName } from './publishedLabels';

/**
 * One published figure (`/published/:id`): what was published (numbers, definition, period,
 * instant, group, checksum, who and when), the items stored with it, read-only, and its
 * reconciliation: the same figure computed now beside it, and each item that moved with why.
 */
export function PublishedFigurePage() {
  const { id = '' } = useParams();
  const { t, lang, formatTime } = useI18n();
  const figureName = useFigureName();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const record = useQuery({
    queryKey: ['published', id],
    queryFn: ({ signal }) => api<PublishedFigure>(`/reports/published/${id}`, { signal }),
  });
  const items = useInfiniteQuery({
    queryKey: ['published', id, 'items'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PublishedItemsPage>(`/reports/published/${id}/items`, { query: { limit: 50, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const reconciliation = useQuery({
    queryKey: ['published', id, 'reconciliation'],
    queryFn: ({ signal }) => api<Reconciliation>(`/reports/published/${id}/reconciliation`, { signal }),
  });
  const data = record.error ? undefined : record.data;
  const rows = items.error ? [] : (items.data?.pages.flatMap((p) => p.items) ?? []);
  const save = (format: 'csv' | 'xlsx') => {
    setDownloadError(null);
    download(`/reports/published/${id}/items`, { format, lang }, `published-${id}.${format}`).catch((caught: unknown) =>
      setDownloadError(errorMessage(caught, t)),
    );
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/published">‹ {t('已发布数据', 'Published figures')}</Link>
      <QueryState {...readState(record)} title={t('已发布数据', 'Published figure')}>
        {data && (
          <>
            <PageTitle title={`${t('已发布数据', 'Published figure')} ${figureName(data.figure)} ${data.period.label}`}>
              {figureName(data.figure)} · {data.period.label}
            </PageTitle>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="published-record">
              <Descriptions.Item label={t('分子 / 分母', 'Numerator / denominator')}>
                <span data-testid="published-record-counts">
                  {data.numerator} / {data.denominator}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('比率', 'Rate')}>{formatRate(data.ratePercent)}</Descriptions.Item>
              <Descriptions.Item label={t('口径', 'Definition')} span={2}>
                <code>{data.definition}</code> {lang === 'en' ? data.definitionText.text : data.definitionText.textZh}
              </Descriptions.Item>
              <Descriptions.Item label={t('统计期间', 'Period')}>{data.period.label}</Descriptions.Item>
              <Descriptions.Item label={t('数据时点', 'As of')}>{formatTime(data.asOf)}</Descriptions.Item>
              <Descriptions.Item label={t('分组', 'Group')}>{publishedGroup(data, t)}</Descriptions.Item>
              <Descriptions.Item label={t('校验码', 'Checksum')}>
                <Typography.Text code copyable>
                  {data.checksum}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('发布人', 'Published by')}>{data.publishedByName}</Descriptions.Item>
              <Descriptions.Item label={t('发布时间', 'Published at')}>
                {formatTime(data.publishedAt)}
              </Descriptions.Item>
              {data.note && (
                <Descriptions.Item label={t('备注', 'Note')} span={2}>
                  {data.note}
                </Descriptions.Item>
              )}
            </Descriptions>
          </>
        )}
      </QueryState>

      <Card size="small" title={t('与当前数据核对', 'Reconciliation with the figure now')}>
        <QueryState {...readState(reconciliation)} title={t('核对', 'Reconciliation')}>
          {reconciliation.data && <ReconciliationView data={reconciliation.data} />}
        </QueryState>
      </Card>

      <Card
        size="small"
        title={t('发布时的明细', 'The items as published')}
        extra={
          <Space>
            <Button size="small" onClick={() => save('xlsx')}>
              {t('导出表格', 'Download spreadsheet')}
            </Button>
            <Button size="small" onClick={() => save('csv')} data-testid="published-csv">
              {t('导出 CSV', 'Download CSV')}
            </Button>
          </Space>
        }
      >
        {downloadError && <Typography.Text type="danger">{downloadError}</Typography.Text>}
        <QueryState {...readState(items)} title={t('明细', 'Items')}>
          {data && (
            <ItemsTable
              figure={data.figure}
              items={rows}
              loading={items.isFetching && !items.isFetchingNextPage}
              testId="published-items"
              deadlines={false}
            />
          )}
          {items.hasNextPage && (
            <Button
              block
              style={{ marginTop: 8 }}
              loading={items.isFetchingNextPage}
              onClick={() => void items.fetchNextPage()}
            >
              {t('加载更多', 'Load more')}
            </Button>
          )}
        </QueryState>
      </Card>
    </Space>
  );
}

/** The published numbers beside those of now, and every item that moved between the two with its reasons. */
function ReconciliationView({ data }: { data: Reconciliation }) {
  const { t, formatTime } = useI18n();
  const labels = useLabels();
  const { published, now, difference } = data;
  const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
  const side = (value: ItemSide | null) =>
    value ? (
      <Space size={4} wrap>
        <CountedMark inNumerator={value.inNumerator} />
        {value.statusAsOf ? labels.status(value.statusAsOf) : '—'}
        <Typography.Text type="secondary">
          {value.departmentNameAsOf ?? labels.department(value.departmentIdAsOf)}
        </Typography.Text>
      </Space>
    ) : (
      <Tag>{t('不在统计内', 'Not counted at all')}</Tag>
    );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="reconciliation">
        <Descriptions.Item label={t('发布时', 'Published')}>
          {published.numerator} / {published.denominator} · {formatRate(published.ratePercent)}
        </Descriptions.Item>
        <Descriptions.Item label={t(`当前（${formatTime(data.asOf)}）`, `Now (${formatTime(data.asOf)})`)}>
          {now.numerator} / {now.denominator} · {formatRate(now.ratePercent)} <code>{now.definition}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('差异', 'Difference')}>
          <span data-testid="reconciliation-difference">
            {t(
              `分子 ${sign(difference.numerator)}，分母 ${sign(difference.denominator)}`,
              `numerator ${sign(difference.numerator)}, denominator ${sign(difference.denominator)}`,
            )}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {data.moved.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('没有明细发生变化', 'No item has moved since it was published')}
        />
      ) : (
        <Table<MovedItem>
          size="small"
          rowKey="itemKey"
          data-testid="reconciliation-moved"
          dataSource={data.moved}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('编号', 'Code'),
              dataIndex: 'code',
              render: (code: string, item) => <Link to={itemLink(data.published.figure, item.id)}>{code}</Link>,
            },
            { title: t('标题', 'Title'), dataIndex: 'title', ellipsis: true },
            { title: t('发布时', 'When published'), render: (_, item) => side(item.before) },
            { title: t('当前', 'Now'), render: (_, item) => side(item.after) },
            {
              title: t('原因', 'Why'),
              render: (_, item) => (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {item.reasons.map((reason, index) => (
                    <li key={index}>{reason.text}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
