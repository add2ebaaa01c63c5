import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { useDeadlineText } from '../workflow/Deadline';
import type { FigureName, TableItem } from './types';

/**
 * Where an item's code leads: the item's id is the problem counted (for the assisting figure, the
 * problem assisted), the enterprise for the visit coverage, the project for the start rate.
 */
/** Where an item's code leads: the problem, or the enterprise or project a figure counts. */
export function itemLink(figure: FigureName, id: string): string {
  if (figure === 'visit-coverage-rate') return `/enterprises/${id}`;
  if (figure === 'project-start-rate') return `/projects/${id}`;
  return `/problems/${id}`;
}

/** Whether a figure's items are problems (or a problem's assisting part), which have a department. */
const countsProblems = (figure: FigureName) => figure !== 'visit-coverage-rate' && figure !== 'project-start-rate';

/** In the numerator or not, in words as well as colour, so that it reads the same in print and to a screen reader. */
export function CountedMark({ inNumerator }: { inNumerator: boolean }) {
  const { t } = useI18n();
  return inNumerator ? (
    <Tag color="green" data-testid="counted">
      {t('计入分子', 'In numerator')}
    </Tag>
  ) : (
    <Tag color="default" data-testid="not-counted">
      {t('未计入分子', 'Not in numerator')}
    </Tag>
  );
}

interface Props {
  figure: FigureName;
  items: TableItem[];
  loading?: boolean;
  testId?: string;
  /** Whether the items carry their deadline then (a published figure's stored items do not). */
  deadlines?: boolean;
}

/**
 * A figure's items as they were at its instant: code (a link to the problem, enterprise or project),
 * title, enterprise, counted or not, status, department and deadline then, and why. The drawer and
 * the published page show the same table; neither pages it itself (the API's pages are keyset).
 */
export function ItemsTable({ figure, items, loading, testId, deadlines = true }: Props) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const deadline = useDeadlineText();
  return (
    <Table<TableItem>
      size="small"
      rowKey="itemKey"
      data-testid={testId}
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 960 }}
      columns={[
        {
          title: t('编号', 'Code'),
          dataIndex: 'code',
          width: 130,
          render: (code: string, item) => <Link to={itemLink(figure, item.id)}>{code}</Link>,
        },
        { title: t('标题', 'Title'), dataIndex: 'title', ellipsis: true },
        {
          title: t('企业', 'Enterprise'),
          dataIndex: 'enterpriseName',
          ellipsis: true,
          render: (name: string | null, item) =>
            name && item.enterpriseId ? <Link to={`/enterprises/${item.enterpriseId}`}>{name}</Link> : (name ?? '—'),
        },
        {
          title: t('是否计入分子', 'In numerator'),
          dataIndex: 'inNumerator',
          width: 90,
          render: (inNumerator: boolean) => <CountedMark inNumerator={inNumerator} />,
        },
        {
          title: t('当时状态', 'Status then'),
          dataIndex: 'statusAsOf',
          width: 100,
          render: (status: string | null) => (status ? labels.status(status) : '—'),
        },
        {
          title: t('当时责任单位', 'Department then'),
          dataIndex: 'departmentNameAsOf',
          ellipsis: true,
          // A problem without a department then was not yet assigned; an enterprise or a project has none.
          render: (name: string | null) => name ?? (countsProblems(figure) ? t('未交办', 'Unassigned') : '—'),
        },
        ...(deadlines
          ? [
              {
                title: t('当时时限', 'Deadline then'),
                dataIndex: 'dueAtAsOf',
                width: 170,
                render: (dueAt: string | null) => deadline(dueAt),
              },
            ]
          : []),
        {
          title: t('原因', 'Why'),
          dataIndex: 'reason',
          render: (reason: string, item) => (
            <Typography.Text>
              {lang === 'en' ? `${item.reasonCode.replace(/_/g, ' ')} · ${reason}` : reason}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
