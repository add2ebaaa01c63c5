import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, download, type Query } from '../../api';
import { useAuth } from '../../auth';
import { QueryState, readState } from '../../components/QueryState';
import { useDeadlineText } from '../../components/workflow/Deadline';
import { SupervisionTag } from '../../components/workflow/SupervisionTag';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { ProblemFilterBar } from './ProblemFilterBar';
import {
  apiFilters,
  DEFAULT_SORT,
  filterSearch,
  PAGES_KEY,
  parseSort,
  readCursors,
  readFilters,
  type Filters,
  type ProblemListItem,
  type SortField,
  STATUS_COLORS,
} from './problemQuery';
import { SavedViewsBar } from './SavedViewsBar';
import { PageTitle } from '../../components/PageTitle';

const PAGE_SIZES = [20, 50, 100, 200];

/** A title on at most two lines, cut after them (the tooltip has it whole). */
const TWO_LINES = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  wordBreak: 'break-all',
} as const;

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
  const deadlineText = useDeadlineText();
  const { user } = useAuth();
  const labels = useLabels();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const search = filterSearch(filters);
  const limit = PAGE_SIZES.includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 50;

  // The cursors of the pages walked so far, kept in the URL (see readCursors); a new filter or
  // page size starts again at the first page, since show() writes the URL without them.
  const cursors = readCursors(params);
  const cursor = cursors[cursors.length - 1];

  const page = useQuery({
    queryKey: ['problems', 'list', search, limit, cursor],
    queryFn: ({ signal }) =>
      api<{ items: ProblemListItem[]; nextCursor: string | null; total?: number }>('/problems', {
        query: { ...apiFilters(filters), limit, cursor, withTotal: true },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

  const show = (next: Filters, nextLimit = limit, nextCursors: string[] = []) => {
    const query = new URLSearchParams(filterSearch(next));
    if (nextLimit !== 50) query.set('limit', String(nextLimit));
    if (nextCursors.length) query.set(PAGES_KEY, nextCursors.join(','));
    setParams(query);
  };
  /** Another page of the same walk: its cursors in the URL, and the view back at the top of the list. */
  const turn = (nextCursors: string[]) => {
    show(filters, limit, nextCursors);
    window.scrollTo({ top: 0 });
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
  // A deadline's first click sorts the earliest first; the other columns start with the largest.
  const sortable = (field: SortField, first: SortOrder = 'descend') => ({
    key: field,
    sorter: true,
    sortOrder: sortOrder(field),
    sortDirections: (first === 'ascend' ? ['ascend', 'descend'] : ['descend', 'ascend']) as SortOrder[],
  });
  const total = page.data?.total;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <PageTitle title={t('问题清单', 'Resolution list')}>
          {t('问题清单', 'Resolution list')}
          {total !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }} data-testid="list-total">
              {t(`共 ${total} 条`, `${total} in all`)}
            </Typography.Text>
          )}
        </PageTitle>
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

      <QueryState {...readState(page)} title={t('问题清单', 'Resolution list')}>
        <Table<ProblemListItem>
          size="small"
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items}
          pagination={false}
          // The fixed columns take 1,084 px; the title the rest (about 280 px at 1440 px wide, on two
          // lines), cut after them with the whole title in a tooltip.
          scroll={{ x: 1368 }}
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
              width: 116,
              fixed: 'left',
              render: (code: string, row) => <Link to={`/problems/${row.id}`}>{code}</Link>,
            },
            {
              title: t('问题', 'Title'),
              dataIndex: 'title',
              render: (title: string, row) => (
                <div style={TWO_LINES} data-testid="problem-title">
                  <Tooltip title={title} placement="topLeft">
                    <Link to={`/problems/${row.id}`}>{title}</Link>
                  </Tooltip>
                  <span style={{ marginInlineStart: 6 }}>
                    <SupervisionTag level={row.supervisionLevel} />
                  </span>
                  {row.bounced && <Tag color="magenta">{t('推诿', 'Bounced')}</Tag>}
                </div>
              ),
            },
            {
              title: t('企业', 'Enterprise'),
              dataIndex: ['enterprise', 'name'],
              width: 160,
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
            { title: t('类别', 'Category'), dataIndex: 'category', width: 90, render: labels.category },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              width: 80,
              render: (status: string) => <Tag color={STATUS_COLORS[status]}>{labels.status(status)}</Tag>,
            },
            {
              title: t('责任单位', 'Department'),
              dataIndex: 'departmentId',
              width: 110,
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
              ...sortable('dueAt', 'ascend'),
              render: (value: string | null, row) => (
                <Typography.Text type={row.overdue ? 'danger' : undefined} className="deadline">
                  {value ? deadlineText(value) : '—'}
                </Typography.Text>
              ),
            },
            {
              title: t('已办天数', 'Days open'),
              dataIndex: 'daysOpen',
              width: 92,
              align: 'right',
              ...sortable('daysOpen'),
            },
            {
              title: t('超期工作日', 'Working days overdue'),
              dataIndex: 'daysOverdue',
              width: 104,
              align: 'right',
              ...sortable('daysOverdue'),
              render: (days: number) => (days > 0 ? <Typography.Text type="danger">{days}</Typography.Text> : '—'),
            },
            {
              title: t('最近动态', 'Last event'),
              dataIndex: 'lastEventAt',
              width: 136,
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
      </QueryState>

      <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Typography.Text type="secondary">
          {t(`第 ${cursors.length + 1} 页`, `Page ${cursors.length + 1}`)}
          {total !== undefined && ` / ${Math.max(1, Math.ceil(total / limit))}`}
          {page.data &&
            !page.error &&
            ` · ${t(`本页 ${page.data.items.length} 条`, `${page.data.items.length} on this page`)}`}
        </Typography.Text>
        <Button disabled={!cursors.length} onClick={() => turn(cursors.slice(0, -1))}>
          {t('上一页', 'Previous')}
        </Button>
        <Button
          disabled={!page.data?.nextCursor || page.isFetching}
          onClick={() => turn([...cursors, page.data!.nextCursor!])}
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
