import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import type { components } from '../../api/schema';
import { QueryState, readState } from '../../components/QueryState';
import { ListStatus } from '../../components/workflow/ListStatus';
import { SUPERVISION_LEVEL_LABELS, type SupervisionLevel } from '../../components/workflow/labels';
import { SupervisionTag } from '../../components/workflow/SupervisionTag';
import { useKeysetList } from '../../components/workflow/useKeysetList';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

type Supervision = components['schemas']['SupervisionResponse'];
type BouncedReport = components['schemas']['BouncedReport'];
type Status = 'active' | 'overdue' | 'lifted';

/** The period of the bounced list: this month, this quarter or this year (report labels). */
function periodLabel(kind: 'month' | 'quarter' | 'year'): string {
  const now = dayjs();
  if (kind === 'month') return now.format('YYYY-MM');
  if (kind === 'year') return now.format('YYYY');
  return `${now.year()}-Q${Math.floor(now.month() / 3) + 1}`;
}

/** The supervision office's page (督办): supervisions by state and level, and the bounced problems with their route. */
export function SupervisionPage() {
  const { t, formatTime } = useI18n();
  const [status, setStatus] = useState<Status>('active');
  const [level, setLevel] = useState<SupervisionLevel | 'all'>('all');
  const list = useKeysetList<Supervision>('/supervisions', {
    status,
    level: level === 'all' ? undefined : level,
    limit: 50,
  });
  const [periodKind, setPeriodKind] = useState<'month' | 'quarter' | 'year'>('quarter');
  const period = periodLabel(periodKind);
  const bounced = useQuery({
    queryKey: ['reports', 'bounced', period],
    queryFn: ({ signal }) => api<BouncedReport>('/reports/bounced', { query: { period, asOf: 'now' }, signal }),
  });

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('督办', 'Supervision')} />
      <Card
        size="small"
        title={t('督办事项', 'Supervisions')}
        extra={
          <Flex wrap gap={8}>
            <Segmented<Status>
              aria-label={t('督办状态', 'Supervision state')}
              data-testid="supervision-status"
              value={status}
              onChange={setStatus}
              options={[
                { value: 'active', label: t('督办中', 'Active') },
                { value: 'overdue', label: t('超期未回应', 'Overdue') },
                { value: 'lifted', label: t('已解除', 'Lifted') },
              ]}
            />
            <Segmented<SupervisionLevel | 'all'>
              aria-label={t('督办级别', 'Level')}
              value={level}
              onChange={setLevel}
              options={[
                { value: 'all', label: t('全部级别', 'All levels') },
                ...(Object.keys(SUPERVISION_LEVEL_LABELS) as SupervisionLevel[]).map((value) => ({
                  value,
                  label: t(...SUPERVISION_LEVEL_LABELS[value]),
                })),
              ]}
            />
          </Flex>
        }
      >
        <Table<Supervision>
          data-testid="supervision-table"
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={list.items}
          columns={[
            {
              title: t('问题', 'Problem'),
              render: (_, s) => (
                <Link to={`/problems/${s.problemId}`}>
                  {s.problemCode} {s.problemTitle}
                </Link>
              ),
            },
            { title: t('级别', 'Level'), width: 100, render: (_, s) => <SupervisionTag level={s.level} /> },
            { title: t('责任单位', 'Department'), width: 140, render: (_, s) => s.departmentName ?? '—' },
            { title: t('督办领导', 'Leader'), width: 100, render: (_, s) => s.leaderName ?? '—' },
            { title: t('回应期限', 'Answer by'), width: 150, render: (_, s) => formatTime(s.answerBy) },
            {
              title: t('回应', 'Answer'),
              width: 170,
              render: (_, s) =>
                s.answeredAt ? (
                  formatTime(s.answeredAt)
                ) : s.overdue ? (
                  <Tag color="red">
                    {t(`超期 ${s.workingDaysOverdue} 个工作日`, `${s.workingDaysOverdue} working days late`)}
                  </Tag>
                ) : (
                  t('待回应', 'Awaiting')
                ),
            },
            {
              title: t('解除', 'Lifted'),
              width: 200,
              render: (_, s) =>
                s.liftedAt
                  ? s.supersededBy
                    ? t(`${formatTime(s.liftedAt)} 提级`, `${formatTime(s.liftedAt)} raised`)
                    : `${formatTime(s.liftedAt)} ${s.liftNote ?? ''}`
                  : '—',
            },
          ]}
        />
        <ListStatus list={list} emptyText={t('没有督办事项', 'No supervisions')} />
      </Card>
      <Card
        size="small"
        title={t('推诿问题（多次退回或改派）', 'Bounced problems (returned or reassigned repeatedly)')}
        extra={
          <Segmented<'month' | 'quarter' | 'year'>
            aria-label={t('统计期', 'Period')}
            value={periodKind}
            onChange={setPeriodKind}
            options={[
              { value: 'month', label: t('本月', 'This month') },
              { value: 'quarter', label: t('本季度', 'This quarter') },
              { value: 'year', label: t('本年', 'This year') },
            ]}
          />
        }
      >
        <QueryState {...readState(bounced)}>
          <Table
            data-testid="bounced-table"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={bounced.data?.items ?? []}
            locale={{
              // The table's own placeholder grey is too faint to read (axe: colour contrast).
              emptyText: (
                <Typography.Text>{t('本期没有推诿问题', 'No bounced problems in this period')}</Typography.Text>
              ),
            }}
            columns={[
              {
                title: t('问题', 'Problem'),
                width: 260,
                render: (_, p) => (
                  <Link to={`/problems/${p.id}`}>
                    {p.code} {p.title}
                  </Link>
                ),
              },
              {
                title: t('流转路径', 'Route'),
                render: (_, p) => (
                  <Typography.Text>
                    {p.route
                      .map((step) =>
                        step.left === 'returned'
                          ? t(
                              `${step.departmentName}（退回：${step.reason ?? ''}）`,
                              `${step.departmentName} (returned: ${step.reason ?? ''})`,
                            )
                          : step.left === 'reassigned'
                            ? t(`${step.departmentName}（改派）`, `${step.departmentName} (reassigned)`)
                            : step.departmentName,
                      )
                      .join(' → ')}
                  </Typography.Text>
                ),
              },
              {
                title: t('退回/改派次数', 'Times moved on'),
                width: 110,
                dataIndex: 'departures',
              },
            ]}
          />
        </QueryState>
      </Card>
    </Flex>
  );
}
