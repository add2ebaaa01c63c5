import { Flex, Segmented } from 'antd';
import { useState } from 'react';
import { VisitCard } from '../../components/visits/VisitCard';
import type { VisitView } from '../../components/visits/types';
import { LIST_PAGE } from '../../components/workflow/layout';
import { ListStatus } from '../../components/workflow/ListStatus';
import { useKeysetList } from '../../components/workflow/useKeysetList';
import { useI18n } from '../../i18n';
import { PageTitle } from '../../components/PageTitle';

type Scope = 'mine' | 'enterprises';

/** 我的走访: the visits this official went on, or every visit to the enterprises he answers for; latest first. */
export function MyVisitsPage() {
  const { t } = useI18n();
  const [scope, setScope] = useState<Scope>('mine');
  const list = useKeysetList<VisitView>('/visits', { officialId: scope === 'mine' ? 'me' : undefined, limit: 20 });
  return (
    <Flex vertical gap={12} style={LIST_PAGE}>
      <PageTitle title={t('我的走访', 'My visits')} />
      <Segmented<Scope>
        block
        value={scope}
        onChange={setScope}
        options={[
          { value: 'mine', label: t('我参加的', 'I went on') },
          { value: 'enterprises', label: t('含包联企业的', "With my enterprises'") },
        ]}
      />
      {list.items.map((visit) => (
        <VisitCard key={visit.id} visit={visit} testId="my-visit-row" />
      ))}
      <ListStatus list={list} emptyText={t('暂无走访记录', 'No visits yet')} />
    </Flex>
  );
}
