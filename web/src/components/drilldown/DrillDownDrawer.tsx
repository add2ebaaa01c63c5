import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Input, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, download, type Query } from '../../api';
import { useAuth } from '../../auth';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { formatRate } from '../charts/rateCharts';
import { QueryState, readState } from '../QueryState';
import { ItemsTable } from './ItemsTable';
import { groupByLabel } from './groupBy';
import { PublishButton } from './PublishButton';
import type { DrillDownPage, DrillDownScope } from './types';

const PAGE_SIZE = 50;

type Counted = 'all' | 'true' | 'false';

/** The scope as the API's query: what the figure's own route and its items route both take. */
export function scopeQuery(scope: DrillDownScope): Query {
  return { period: scope.period, asOf: scope.asOf, groupBy: scope.groupBy, group: scope.group };
}

interface Props {
  scope: DrillDownScope;
  onClose: () => void;
}

/**
 * The items behind one figure (its denominator), each marked whether it is in the numerator, as
 * they were at the figure's instant: the figure's definition above them, a filter and a search,
 * "load more" over the API's keyset pages, the same scope as csv or xlsx, and, for managers and
 * admins, publishing the figure. The drawer is its own chunk (see index.tsx).
 */
export default function DrillDownDrawer({ scope, onClose }: Props) {
  const { t, lang, formatTime } = useI18n();
  const { user } = useAuth();
  const [counted, setCounted] = useState<Counted>('all');
  const [search, setSearch] = useState('');
  const [downloading, setDownloading] = useState<'csv' | 'xlsx' | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const path = `/reports/${scope.figure}/items`;
  const base = scopeQuery(scope);
  const filters: Query = { inNumerator: counted === 'all' ? undefined : counted, q: search.trim() || undefined };

  // The figure itself, without the list's filters: its numbers stay those of the card that was clicked.
  const figure = useQuery({
    queryKey: ['drill-down', 'figure', scope.figure, base],
    queryFn: ({ signal }) => api<DrillDownPage>(path, { query: { ...base, limit: 1 }, signal }),
  });
  const head = figure.error ? undefined : figure.data;
  // Every page, file and publication reads the instant the figure was read at: "now" would be a
  // new instant on each request, and the list would walk a figure that moves under it.
  const pinned: Query = { ...base, asOf: head?.asOf };
  const items = useInfiniteQuery({
    queryKey: ['drill-down', 'items', scope.figure, pinned, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<DrillDownPage>(path, { query: { ...pinned, ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: head !== undefined,
  });
  const definition = head?.definition;
  const pages = items.error ? [] : (items.data?.pages ?? []);
  const rows = pages.flatMap((p) => p.items);
  const filtered = pages[0];

  const save = async (format: 'csv' | 'xlsx') => {
    setDownloading(format);
    setDownloadError(null);
    try {
      await download(path, { ...pinned, ...filters, format, lang }, `${scope.figure}-${scope.period}.${format}`);
    } catch (caught) {
      setDownloadError(errorMessage(caught, t));
    } finally {
      setDownloading(null);
    }
  };

  const manages = user?.role === 'manager' || user?.role === 'admin';
  return (
    <Drawer
      open
      onClose={onClose}
      size="min(1100px, 100vw)"
      title={scope.title}
      destroyOnHidden
      extra={head && manages && <PublishButton scope={scope} figure={head} />}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="drill-down">
        <QueryState {...readState(figure)} title={t('指标明细', 'The figure’s items')}>
          {head && definition && (
            <Descriptions size="small" column={1} bordered data-testid="drill-down-figure">
              <Descriptions.Item label={t('指标', 'Figure')}>
                {lang === 'en' ? definition.name : definition.nameZh}
              </Descriptions.Item>
              <Descriptions.Item label={t('口径', 'Definition')}>
                <Typography.Text code data-testid="definition-id">
                  {definition.id}
                </Typography.Text>{' '}
                {lang === 'en' ? definition.text : definition.textZh}
              </Descriptions.Item>
              <Descriptions.Item label={t('分子 / 分母', 'Numerator / denominator')}>
                <span data-testid="drill-down-counts">
                  {head.numerator} / {head.total}
                </span>{' '}
                · <span data-testid="drill-down-rate">{formatRate(head.ratePercent)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('统计期间', 'Period')}>{head.period.label}</Descriptions.Item>
              <Descriptions.Item label={t('数据时点', 'As of')}>
                <span data-testid="drill-down-as-of">{formatTime(head.asOf)}</span>
              </Descriptions.Item>
              {head.groupBy && (
                <Descriptions.Item label={t('分组', 'Group')}>
                  {groupByLabel(head.groupBy, t)}: {scope.title}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
        </QueryState>
        {scope.listLink && (
          <Link to={scope.listLink} onClick={onClose}>
            {t('在问题清单中查看（当前状态）', 'Open in the problem list (as they stand now)')}
          </Link>
        )}
        <Space wrap>
          <Segmented
            value={counted}
            onChange={(value) => setCounted(value as Counted)}
            aria-label={t('是否计入分子', 'In the numerator or not')}
            options={[
              { value: 'all', label: t('全部', 'All') },
              { value: 'true', label: t('计入分子', 'In numerator') },
              { value: 'false', label: t('未计入分子', 'Not in numerator') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('编号、标题或企业', 'Code, title or enterprise')}
            aria-label={t('搜索明细', 'Search the items')}
            onSearch={(value) => setSearch(value)}
            style={{ width: 240 }}
          />
          <Button loading={downloading === 'xlsx'} onClick={() => void save('xlsx')}>
            {t('导出表格', 'Download spreadsheet')}
          </Button>
          <Button loading={downloading === 'csv'} onClick={() => void save('csv')}>
            {t('导出 CSV', 'Download CSV')}
          </Button>
        </Space>
        {downloadError && <Typography.Text type="danger">{downloadError}</Typography.Text>}
        <QueryState {...readState(items)} title={t('明细', 'Items')}>
          {filtered && (
            <Typography.Text type="secondary" data-testid="drill-down-shown">
              {t(
                `共 ${filtered.total} 项，其中计入分子 ${filtered.numerator} 项；已显示 ${rows.length} 项`,
                `${filtered.total} items, ${filtered.numerator} counted; ${rows.length} shown`,
              )}
            </Typography.Text>
          )}
          <ItemsTable
            figure={scope.figure}
            items={rows}
            loading={items.isFetching && !items.isFetchingNextPage}
            testId="drill-down-items"
          />
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
      </Space>
    </Drawer>
  );
}
