import { Checkbox, Flex, Segmented, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { LIST_PAGE } from '../../components/workflow/layout';
import { ListStatus } from '../../components/workflow/ListStatus';
import { ProblemCard } from '../../components/workflow/ProblemCard';
import type { Problem, Status } from '../../components/workflow/types';
import { useKeysetList } from '../../components/workflow/useKeysetList';
import { QueryError, readState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { PageTitle } from '../../components/PageTitle';

type View = 'open' | 'resolved';

const VIEW_STATUSES: Record<View, Status[]> = {
  open: ['assigned', 'in_progress'],
  resolved: ['resolved'],
};

interface WarningItem {
  level: 'overdue' | 'due_soon' | 'stale' | 'not_visited';
  problemId?: string;
  workingDaysLeft?: number;
  idleDays?: number;
}

interface Warnings {
  items: WarningItem[];
  counts: { overdue: number; due_soon: number; stale: number };
}

/** The department's queue: open problems, overdue first then due soonest; resolved ones awaiting verification apart. */
export function QueuePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const labels = useLabels();
  const [view, setView] = useState<View>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useKeysetList<Problem>('/problems', {
    status: VIEW_STATUSES[view],
    sort: 'dueAt',
    overdue: view === 'open' && overdueOnly ? true : undefined,
    limit: 30,
  });
  const warnings = useWarnings();
  const dueSoon = new Map<string, number>();
  const idle = new Map<string, number>();
  for (const item of warnings.data?.items ?? []) {
    if (!item.problemId) continue;
    if (item.level === 'due_soon' && item.workingDaysLeft !== undefined)
      dueSoon.set(item.problemId, item.workingDaysLeft);
    if (item.level === 'stale' && item.idleDays !== undefined) idle.set(item.problemId, item.idleDays);
  }

  const hint = (problem: Problem) => {
    const idleDays = idle.get(problem.id);
    // A problem another department leads is here because this department assists on it (协办).
    const assisting = !!user?.departmentId && problem.departmentId !== user.departmentId;
    const tags = [
      assisting && (
        <Tag key="assist" color="purple" data-testid="queue-assisting">
          {t('协办', 'Assisting')}
        </Tag>
      ),
      !assisting && problem.status === 'assigned' && (
        <Tag key="accept" color="blue">
          {t('待签收', 'To accept')}
        </Tag>
      ),
      problem.status === 'resolved' && (
        <Tag key="verify">{t('已办结，待回访销号', 'Resolved; awaiting verification')}</Tag>
      ),
      idleDays !== undefined && (
        <Tag key="idle" color="gold">
          {t(`${idleDays} 天未更新`, `No update for ${idleDays} days`)}
        </Tag>
      ),
    ].filter(Boolean);
    return tags.length ? (
      <Flex wrap gap={4} style={{ marginTop: 4 }}>
        {tags}
      </Flex>
    ) : null;
  };

  return (
    <Flex vertical gap={12} style={LIST_PAGE}>
      <PageTitle title={t('待办问题', 'My queue')} style={{ fontSize: 20 }}>
        {t('待办问题', 'My queue')}
        {user?.departmentId && (
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 16 }}>
            {labels.department(user.departmentId)}
          </Typography.Text>
        )}
      </PageTitle>
      {warnings.error ? (
        <QueryError {...readState(warnings)} title={t('预警', 'Warnings')} />
      ) : (
        warnings.data && (
          <Flex wrap gap={8} data-testid="queue-warnings">
            <Tag color="red">
              {t(`超期 ${warnings.data.counts.overdue}`, `Overdue ${warnings.data.counts.overdue}`)}
            </Tag>
            <Tag color="orange">
              {t(`临期 ${warnings.data.counts.due_soon}`, `Due soon ${warnings.data.counts.due_soon}`)}
            </Tag>
            <Tag color="gold">{t(`久未办理 ${warnings.data.counts.stale}`, `Stale ${warnings.data.counts.stale}`)}</Tag>
          </Flex>
        )
      )}
      <Flex wrap gap={12} align="center">
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'open', label: t('办理中', 'To handle') },
            { value: 'resolved', label: t('待回访', 'Awaiting verification') },
          ]}
        />
        {view === 'open' && (
          <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
            {t('仅看超期', 'Overdue only')}
          </Checkbox>
        )}
      </Flex>
      {list.items.map((problem) => (
        <ProblemCard
          key={problem.id}
          problem={problem}
          testId="queue-row"
          workingDaysLeft={dueSoon.get(problem.id)}
          hint={hint(problem)}
        />
      ))}
      <ListStatus list={list} emptyText={t('暂无待办问题', 'Nothing in the queue')} />
    </Flex>
  );
}

/** The department's current early warnings (the service limits handlers to their own department). */
function useWarnings() {
  return useQuery({ queryKey: ['warnings', 'queue'], queryFn: ({ signal }) => api<Warnings>('/warnings', { signal }) });
}
