import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, download, type Query } from '../../api';
import { useAuth } from '../../auth';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { ProblemFilterBar } from './ProblemFilterBar';
import {
  apiFilters,
  DEFAULT_SORT,
  filterSearch,
  parseSort,
  readFilters,
  type Filters,
  type ProblemListItem,
  type SortField,
  STATUS_COLORS,
} from './problemQuery';
import { SavedViewsBar } from './SavedViewsBar';

const PAGE_SIZES = [20, 50, 100, 200];

const EVENT_NAMES: Record<string, [string, string]> = {
  created: ['登记', 'Recorded'],
  assign: ['交办', 'Assigned'],
  accept: ['签收', 'Accepted'],
  progress: ['进展', 'Progress'],
  resolve: ['办结', 'Resolved'],
  return: ['退回', 'Returned'],
  verify: ['回访', 'Verified'],
  reopen: ['重新办理', 'Reopened'],
  withdraw: ['撤回', 'Withdrawn'],
  escalate: ['督办', 'Escalated'],
  link_project: ['关联重点项目', 'Key project linked'],
};

/**
 * The resolution list (问题清单): every filter of GET /problems in the URL, sorts on the column
 * headers, keyset pages walked forward and back, saved views, and the export of what is filtered.
 */
export function ProblemListPage() {
  const { t, lang, formatTime } = useI18n();
  const { user } = useAuth();
  const labels = useLabels();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const search = filterSearch(filters);
  const limit = PAGE_SIZES.includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 50;

  // The cursors of the pages walked so far; a new filter or page size starts again at the first page.
  const walkKey = `${search}&limit=${limit}`;
  const [walk, setWalk] = useState<{ key: string; cursors: string[] }>({ key: walkKey, cursors: [] });
  const cursors = walk.key === walkKey ? walk.cursors : [];
  const cursor = cursors[cursors.length - 1];

  const page = useQuery({
    queryKey: ['problems', 'list', search, limit, cursor],
    queryFn: ({ signal }) =>
      api<{ items: ProblemListItem[]; nextCursor: string | null }>('/problems', {
        query: { ...apiFilters(filters), limit, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

  const show = (next: Filters, nextLimit = limit) => {
    const query = new URLSearchParams(filterSearch(next));
    if (nextLimit !== 50) query.set('limit', String(nextLimit));
    setParams(query);
  };
  const change = (patch: Filters) => show({ ...filters, ...patch });

  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const exportAs = async (format: 'xlsx' | 'csv') => {
    setExporting(format);
    try {
      const query: Query = { ...apiFilters(filters), format, lang };
      await download('/problems/export', query, `problems.${format}`);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setExporting(null);
    }
  };

  const sort = parseSort(filters.sort);
  const sortOrder = (field: SortField): SortOrder =>
    sort.field === field ? (sort.descending ? 'descend' : 'ascend') : null;
  const sortable = (field: SortField) => ({
    key: field,
    sorter: true,
    sortOrder: sortOrder(field),
    sortDirections: ['descend', 'ascend'] as SortOrder[],
  });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('问题清单', 'Resolution list')}
        </Typography.Title>
        <Space wrap>
          {user && (
            <SavedViewsBar
              userId={user.id}
              search={search}
              currentSearch={() => filterSearch(readFilters(new URLSearchParams(window.location.search)))}
              onPick={(saved) => setParams(saved)}
            />
          )}
          <Button loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')}>
            {t('导出 Excel', 'Export spreadsheet')}
          </Button>
          <Button loading={exporting === 'csv'} onClick={() => void exportAs('csv')}>
            {t('导出 CSV', 'Export CSV')}
          </Button>
        </Space>
      </Space>

      <Card size="small">
        <ProblemFilterBar filters={filters} onChange={change} onReset={() => show({})} />
      </Card>

      {!!page.error && <Alert type="error" showIcon title={errorMessage(page.error, t)} />}

      <Table<ProblemListItem>
        size="small"
        rowKey="id"
        loading={page.isFetching}
        dataSource={page.data?.items}
        pagination={false}
        scroll={{ x: 1360 }}
        locale={{ emptyText: t('没有符合条件的问题', 'No problems match these filters') }}
        onChange={(_, __, sorter) => {
          const { columnKey, order } = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = order ? `${order === 'descend' ? '-' : ''}${String(columnKey)}` : DEFAULT_SORT;
          change({ sort: next === DEFAULT_SORT ? undefined : next });
        }}
        columns={[
          {
            title: t('编号', 'Code'),
            dataIndex: 'code',
            width: 120,
            fixed: 'left',
            render: (code: string, row) => <Link to={`/problems/${row.id}`}>{code}</Link>,
          },
          {
            title: t('问题', 'Title'),
            dataIndex: 'title',
            ellipsis: true,
            render: (title: string, row) => (
              <>
                <Link to={`/problems/${row.id}`} title={title}>
                  {title}
                </Link>
                {row.escalated && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    {t('督办', 'Escalated')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('企业', 'Enterprise'),
            dataIndex: ['enterprise', 'name'],
            width: 200,
            ellipsis: true,
            render: (name: string, row) => (
              <>
                {name}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {labels.district(row.enterprise.district)}
                </Typography.Text>
              </>
            ),
          },
          { title: t('类别', 'Category'), dataIndex: 'category', width: 120, render: labels.category },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 100,
            render: (status: string) => <Tag color={STATUS_COLORS[status]}>{labels.status(status)}</Tag>,
          },
          {
            title: t('责任单位', 'Department'),
            dataIndex: 'departmentId',
            width: 130,
            ellipsis: true,
            render: labels.department,
          },
          {
            title: t('登记日期', 'Reported'),
            dataIndex: 'reportedAt',
            width: 100,
            ...sortable('reportedAt'),
            render: (value: string) => formatTime(value, true),
          },
          {
            title: t('办理时限', 'Due'),
            dataIndex: 'dueAt',
            width: 100,
            ...sortable('dueAt'),
            render: (value: string | null, row) => (
              <Typography.Text type={row.overdue ? 'danger' : undefined}>{formatTime(value, true)}</Typography.Text>
            ),
          },
          {
            title: t('已办天数', 'Days open'),
            dataIndex: 'daysOpen',
            width: 90,
            align: 'right',
            ...sortable('daysOpen'),
          },
          {
            title: t('超期工作日', 'Working days overdue'),
            dataIndex: 'daysOverdue',
            width: 100,
            align: 'right',
            render: (days: number) => (days > 0 ? <Typography.Text type="danger">{days}</Typography.Text> : '—'),
          },
          {
            title: t('最近动态', 'Last event'),
            dataIndex: 'lastEventAt',
            width: 150,
            ...sortable('lastActivityAt'),
            render: (at: string, row) => {
              const name = EVENT_NAMES[row.lastEventType];
              return (
                <>
                  {name ? t(...name) : row.lastEventType}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(at)}
                  </Typography.Text>
                </>
              );
            },
          },
        ]}
      />

      <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Typography.Text type="secondary">
          {t(`第 ${cursors.length + 1} 页`, `Page ${cursors.length + 1}`)}
          {page.data && ` · ${t(`本页 ${page.data.items.length} 条`, `${page.data.items.length} on this page`)}`}
        </Typography.Text>
        <Button disabled={!cursors.length} onClick={() => setWalk({ key: walkKey, cursors: cursors.slice(0, -1) })}>
          {t('上一页', 'Previous')}
        </Button>
        <Button
          disabled={!page.data?.nextCursor || page.isFetching}
          onClick={() => setWalk({ key: walkKey, cursors: [...cursors, page.data!.nextCursor!] })}
        >
          {t('下一页', 'Next')}
        </Button>
        <Select
          value={limit}
          onChange={(size: number) => show(filters, size)}
          options={PAGE_SIZES.map((size) => ({ value: size, label: t(`每页 ${size} 条`, `${size} per page`) }))}
          style={{ width: 130 }}
          aria-label={t('每页条数', 'Page size')}
        />
      </Space>
    </Space>
  );
}
