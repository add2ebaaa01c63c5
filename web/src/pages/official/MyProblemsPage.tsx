import { Flex, Segmented } from 'antd';
import { useState } from 'react';
import { LIST_PAGE } from '../../components/workflow/layout';
import { ListStatus } from '../../components/workflow/ListStatus';
import { ProblemCard } from '../../components/workflow/ProblemCard';
import { SearchBox } from '../../components/workflow/SearchBox';
import { OPEN_STATUSES, type Problem, type Status } from '../../components/workflow/types';
import { useKeysetList } from '../../components/workflow/useKeysetList';
import { useI18n } from '../../i18n';
import { PageTitle } from '../../components/PageTitle';

type Filter = 'all' | 'open' | 'done' | 'withdrawn';

const FILTER_STATUSES: Record<Filter, Status[] | undefined> = {
  all: undefined,
  open: OPEN_STATUSES,
  done: ['resolved', 'closed'],
  withdrawn: ['withdrawn'],
};

/** The problems this official recorded, newest first, with where each stands. */
export function MyProblemsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const list = useKeysetList<Problem>('/problems', {
    createdBy: 'me',
    status: FILTER_STATUSES[filter],
    q: q || undefined,
    limit: 20,
  });
  return (
    <Flex vertical gap={12} style={LIST_PAGE}>
      <PageTitle title={t('我登记的问题', 'Problems I recorded')} style={{ fontSize: 20 }} />
      <SearchBox placeholder={t('按标题、企业或编号查找', 'Find by title, enterprise or code')} onSearch={setQ} />
      <Segmented<Filter>
        block
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: t('全部', 'All') },
          { value: 'open', label: t('未办结', 'Open') },
          { value: 'done', label: t('已办结', 'Resolved') },
          { value: 'withdrawn', label: t('已撤回', 'Withdrawn') },
        ]}
      />
      {list.items.map((problem) => (
        <ProblemCard key={problem.id} problem={problem} testId="my-problem-row" />
      ))}
      <ListStatus list={list} emptyText={t('暂无问题', 'No problems')} />
    </Flex>
  );
}
