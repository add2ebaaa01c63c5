import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { TIER_LABELS, TIERS, type VisitView } from '../../components/visits/types';
import { VisitStatusTag } from '../../components/visits/VisitStatusTag';
import { ListStatus } from '../../components/workflow/ListStatus';
import { useKeysetList } from '../../components/workflow/useKeysetList';
import { useI18n } from '../../i18n';
import { useLabels, useReference } from '../../reference';
import { PageTitle } from '../../components/PageTitle';

const FILTERS = ['officialId', 'district', 'tier', 'from', 'to', 'withProblems', 'status', 'sort'] as const;
type FilterName = (typeof FILTERS)[number];

interface UserOption {
  id: string;
  displayName: string;
  role: string;
}

/** Every visit for the coordination office (走访记录): filters kept in the URL, keyset "load more". */
export function VisitListPage() {
  const { t, formatTime } = useI18n();
  const { can } = useAuth();
  const reference = useReference();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined])) as Record<
    FilterName,
    string | undefined
  >;
  const change = (next: Partial<Record<FilterName, string | undefined>>) => {
    const merged = new URLSearchParams(params);
    for (const [name, value] of Object.entries(next)) {
      if (value) merged.set(name, value);
      else merged.delete(name);
    }
    setParams(merged, { replace: true });
  };
  const list = useKeysetList<VisitView>('/visits', { ...filters, limit: 50 });

  // Admins may list users; a manager picks among the officials of the visits read so far.
  const users = useQuery({
    queryKey: ['users', 'options'],
    queryFn: ({ signal }) => api<UserOption[]>('/users', { signal }),
    enabled: can('admin'),
  });
  const [seen, setSeen] = useState<Record<string, string>>({});
  const officials = useMemo(() => {
    const known = { ...seen };
    for (const visit of list.items) for (const o of visit.officials) known[o.id] = o.displayName;
    for (const u of users.data ?? []) if (u.role !== 'handler') known[u.id] = u.displayName;
    return known;
  }, [seen, list.items, users.data]);
  const select = { allowClear: true, showSearch: { optionFilterProp: 'label' }, style: { width: 160 } } as const;

  return (
    <Flex vertical gap={12}>
      <PageTitle title={t('走访记录', 'Visits')} />
      <Space wrap size={[8, 8]}>
        <Select
          {...select}
          aria-label={t('走访人员', 'Official')}
          placeholder={t('走访人员', 'Official')}
          value={filters.officialId}
          onChange={(value?: string) => {
            if (value) setSeen((previous) => ({ ...previous, [value]: officials[value] ?? value }));
            change({ officialId: value });
          }}
          options={Object.entries(officials).map(([value, label]) => ({ value, label }))}
        />
        <Select
          {...select}
          aria-label={t('区县', 'District')}
          placeholder={t('区县', 'District')}
          value={filters.district}
          onChange={(value?: string) => change({ district: value })}
          options={reference.districts.map(({ code }) => ({ value: code, label: labels.district(code) }))}
        />
        <Select
          {...select}
          aria-label={t('企业层级', 'Tier')}
          placeholder={t('企业层级', 'Tier')}
          value={filters.tier}
          onChange={(value?: string) => change({ tier: value })}
          options={TIERS.map((tier) => ({ value: tier, label: t(...TIER_LABELS[tier]) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('走访期间', 'Period')}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to).subtract(1, 'day') : null]}
          onChange={(range) =>
            change({
              from: range?.[0] ? range[0].startOf('day').format() : undefined,
              to: range?.[1] ? range[1].add(1, 'day').startOf('day').format() : undefined,
            })
          }
        />
        <Select
          {...select}
          aria-label={t('是否登记问题', 'With problems')}
          placeholder={t('是否登记问题', 'With problems')}
          value={filters.withProblems}
          onChange={(value?: string) => change({ withProblems: value })}
          options={[
            { value: 'true', label: t('登记了问题', 'With problems') },
            { value: 'false', label: t('未登记问题', 'Without problems') },
          ]}
        />
        <Select
          {...select}
          aria-label={t('记录状态', 'Status')}
          placeholder={t('记录状态', 'Status')}
          value={filters.status}
          onChange={(value?: string) => change({ status: value })}
          options={[
            { value: 'recorded', label: t('已记录', 'Recorded') },
            { value: 'withdrawn', label: t('已撤回', 'Withdrawn') },
          ]}
        />
        <Select
          style={{ width: 160 }}
          aria-label={t('排序', 'Sort')}
          value={filters.sort ?? '-visitedAt'}
          onChange={(value: string) => change({ sort: value === '-visitedAt' ? undefined : value })}
          options={[
            { value: '-visitedAt', label: t('走访时间：最新在前', 'Latest first') },
            { value: 'visitedAt', label: t('走访时间：最早在前', 'Earliest first') },
          ]}
        />
        <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('重置', 'Reset')}</Button>
      </Space>
      <Table<VisitView>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={list.items}
        onRow={(visit) => ({ 'data-testid': 'visit-row', 'data-visit-id': visit.id }) as object}
        locale={{ emptyText: ' ' }}
        columns={[
          {
            title: t('走访时间', 'Visited at'),
            dataIndex: 'visitedAt',
            render: (value: string, visit) => <Link to={`/visits/${visit.id}`}>{formatTime(value)}</Link>,
          },
          {
            title: t('企业', 'Enterprise'),
            dataIndex: 'enterpriseName',
            render: (name: string, visit) => <Link to={`/visits/${visit.id}`}>{name}</Link>,
          },
          { title: t('区县', 'District'), dataIndex: 'districtName' },
          {
            title: t('层级', 'Tier'),
            dataIndex: 'tier',
            render: (tier: VisitView['tier']) => <Tag>{t(...TIER_LABELS[tier])}</Tag>,
          },
          {
            title: t('走访人员', 'Officials'),
            render: (_, visit) => visit.officials.map((o) => o.displayName).join('、'),
          },
          { title: t('走访目的', 'Purpose'), dataIndex: 'purpose', ellipsis: true },
          { title: t('问题', 'Problems'), render: (_, visit) => visit.problems.length },
          {
            title: t('状态', 'Status'),
            render: (_, visit) => (
              <Flex gap={4}>
                <VisitStatusTag status={visit.status} />
                {visit.revision > 1 && <Tag color="gold">{t('已修正', 'Amended')}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
      <ListStatus list={list} emptyText={t('没有符合条件的走访', 'No visits match')} />
    </Flex>
  );
}
