import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useDeadlineText } from '../../components/workflow/Deadline';
import { QueryState, readState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { usePagination } from '../../components/usePagination';
import type { WarningItem, WarningLevel, WarningsResponse } from './reportTypes';

const LEVELS: { level: WarningLevel; color: string; name: [string, string] }[] = [
  { level: 'overdue', color: 'red', name: ['超期', 'Overdue'] },
  { level: 'due_soon', color: 'orange', name: ['临期', 'Due soon'] },
  { level: 'stale', color: 'gold', name: ['久未办理', 'Stale'] },
  { level: 'not_visited', color: 'blue', name: ['久未走访', 'Not visited'] },
  { level: 'unassigned', color: 'purple', name: ['无人包联', 'Unassigned'] },
  { level: 'project_not_started', color: 'volcano', name: ['逾期未开工', 'Project not started'] },
  { level: 'idle_not_visited', color: 'magenta', name: ['停产久未走访', 'Idle, not visited'] },
  { level: 'sign_for_overdue', color: 'orange', name: ['逾期未签收', 'Not signed for'] },
  { level: 'supervision_overdue', color: 'volcano', name: ['督办超期', 'Supervision unanswered'] },
];

/** The current early warnings (预警), by level, each linked to its problem. */
export function WarningsPanel() {
  const { t, formatTime } = useI18n();
  const pagination = usePagination({ pageSize: 8, hideOnSinglePage: true });
  const deadlineText = useDeadlineText();
  const [level, setLevel] = useState<WarningLevel | 'all'>('all');
  const warnings = useQuery({
    queryKey: ['warnings', level],
    queryFn: ({ signal }) =>
      api<WarningsResponse>('/warnings', { query: { level: level === 'all' ? undefined : level }, signal }),
    placeholderData: keepPreviousData,
  });
  // After a failed read no count is shown: the error stands in for them.
  const counts = warnings.error ? undefined : warnings.data?.counts;
  const total = counts ? LEVELS.reduce((sum, { level: l }) => sum + counts[l], 0) : undefined;
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} ${count}`);

  const detail = (item: WarningItem): string => {
    switch (item.level) {
      case 'overdue':
        return t(`超期 ${item.daysOverdue} 个工作日`, `${item.daysOverdue} working days overdue`);
      case 'due_soon':
        return t(`剩余 ${item.workingDaysLeft} 个工作日`, `${item.workingDaysLeft} working days left`);
      case 'stale':
        return t(`${item.idleDays} 天无进展`, `No action for ${item.idleDays} days`);
      case 'not_visited': {
        const last = item.lastVisitAt
          ? t(`上次走访 ${formatTime(item.lastVisitAt, true)}`, `Last visited ${formatTime(item.lastVisitAt, true)}`)
          : t('从未走访', 'Never visited');
        const who = (item.officials ?? []).map((o) => o.name).join('、');
        return who ? `${last} · ${t(`包联干部 ${who}`, `Officials: ${who}`)}` : last;
      }
      case 'unassigned':
        return t('尚无包联干部', 'Nobody answers for it');
      case 'project_not_started':
        return t(
          `计划 ${item.plannedStartDate} 开工，已逾期 ${item.daysLate} 天`,
          `Planned to start ${item.plannedStartDate}, ${item.daysLate} days late`,
        );
      case 'idle_not_visited':
        return item.lastVisitAt
          ? t(
              `停产中，上次走访 ${formatTime(item.lastVisitAt, true)}`,
              `Idle, last visited ${formatTime(item.lastVisitAt, true)}`,
            )
          : t('停产中，从未走访', 'Idle, never visited');
      case 'sign_for_overdue':
        return t(
          `签收时限 ${formatTime(item.signForDueAt)}，已过 ${item.hoursLate} 小时`,
          `Sign for by ${formatTime(item.signForDueAt)}, ${item.hoursLate} hours late`,
        );
      case 'supervision_overdue':
        return t(
          `督办回应期限 ${formatTime(item.answerBy ?? '', true)}，已超 ${item.daysOverdue ?? 0} 个工作日未回应`,
          `Answer due ${formatTime(item.answerBy ?? '', true)}, ${item.daysOverdue ?? 0} working days without an answer`,
        );
    }
  };

  return (
    <Card
      size="small"
      title={t('当前预警', 'Current warnings')}
      extra={
        <Segmented
          size="small"
          value={level}
          onChange={(value) => setLevel(value as WarningLevel | 'all')}
          options={[
            { value: 'all', label: withCount(t('全部', 'All'), total) },
            ...LEVELS.map(({ level: l, name }) => ({ value: l, label: withCount(t(...name), counts?.[l]) })),
          ]}
        />
      }
    >
      <QueryState {...readState(warnings)} title={t('预警', 'Warnings')}>
        {warnings.data?.truncated && (
          <Alert type="info" showIcon title={t('仅列出前 500 条', 'Only the first 500 are listed')} />
        )}
        <Table<WarningItem>
          size="small"
          loading={warnings.isFetching}
          dataSource={warnings.data?.items}
          rowKey={(item) => `${item.level}:${item.problemId ?? item.projectId ?? item.enterpriseId}`}
          pagination={pagination}
          locale={{ emptyText: t('暂无预警', 'No warnings') }}
          columns={[
            {
              title: t('级别', 'Level'),
              dataIndex: 'level',
              width: 100,
              render: (value: WarningLevel) => {
                const entry = LEVELS.find((l) => l.level === value)!;
                return <Tag color={entry.color}>{t(...entry.name)}</Tag>;
              },
            },
            {
              title: t('问题 / 企业', 'Problem / enterprise'),
              render: (_, item) =>
                item.problemId ? (
                  <Link to={`/problems/${item.problemId}`}>
                    {item.code} {item.title}
                  </Link>
                ) : item.projectId ? (
                  `${item.projectCode} ${item.projectName}`
                ) : (
                  item.enterpriseName
                ),
            },
            {
              title: t('企业', 'Enterprise'),
              dataIndex: 'enterpriseName',
              responsive: ['lg'],
              render: (value: string | null, item) => (item.problemId || item.projectId ? (value ?? '') : ''),
            },
            {
              title: t('责任单位', 'Department'),
              dataIndex: 'departmentName',
              responsive: ['md'],
              render: (value?: string | null) => value ?? (value === null ? t('未交办', 'Unassigned') : ''),
            },
            {
              title: t('办理时限', 'Due'),
              dataIndex: 'dueAt',
              width: 150,
              render: (value?: string) => (value ? deadlineText(value) : ''),
            },
            {
              title: t('情况', 'Detail'),
              render: (_, item) => (
                <Typography.Text type={item.level === 'overdue' ? 'danger' : undefined}>{detail(item)}</Typography.Text>
              ),
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
