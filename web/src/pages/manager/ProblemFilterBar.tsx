import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { useLabels, useReference } from '../../reference';
import type { Filters } from './problemQuery';

interface UserOption {
  id: string;
  username: string;
  displayName: string;
}

interface Props {
  filters: Filters;
  /** Changes some filters; an undefined value removes that filter. */
  onChange: (change: Filters) => void;
  onReset: () => void;
}

/** Every filter GET /problems has, each kept in the page's URL. */
export function ProblemFilterBar({ filters, onChange, onReset }: Props) {
  const { t } = useI18n();
  const { can } = useAuth();
  const reference = useReference();
  const labels = useLabels();
  // Only admins may list users; a manager filters by the problems they recorded themselves.
  const listsUsers = can('admin');
  const users = useQuery({
    queryKey: ['users', 'options'],
    queryFn: ({ signal }) => api<UserOption[]>('/users', { signal }),
    enabled: listsUsers,
  });
  const coded = (list: { code: string }[], label: (code: string) => string) =>
    list.map(({ code }) => ({ value: code, label: label(code) }));
  const yesNo = [
    { value: 'true', label: t('是', 'Yes') },
    { value: 'false', label: t('否', 'No') },
  ];
  const select = { allowClear: true, showSearch: { optionFilterProp: 'label' }, style: { width: 170 } } as const;

  return (
    <Space wrap size={[8, 8]}>
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        allowClear
        placeholder={t('标题、企业或编号', 'Title, enterprise or code')}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        style={{ width: 240 }}
        aria-label={t('搜索', 'Search')}
      />
      <Select
        {...select}
        mode="multiple"
        maxTagCount="responsive"
        placeholder={t('状态', 'Status')}
        aria-label={t('状态', 'Status')}
        value={filters.status?.split(',') ?? []}
        options={coded(reference.statuses, labels.status)}
        onChange={(values: string[]) => onChange({ status: values.join(',') || undefined })}
        style={{ width: 220 }}
      />
      <Select
        {...select}
        placeholder={t('责任单位', 'Department')}
        aria-label={t('责任单位', 'Department')}
        value={filters.departmentId}
        options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(value?: string) => onChange({ departmentId: value })}
      />
      <Select
        {...select}
        placeholder={t('县区', 'District')}
        aria-label={t('县区', 'District')}
        value={filters.district}
        options={coded(reference.districts, labels.district)}
        onChange={(value?: string) => onChange({ district: value })}
      />
      <Select
        {...select}
        placeholder={t('问题类别', 'Category')}
        aria-label={t('问题类别', 'Category')}
        value={filters.category}
        options={coded(reference.categories, labels.category)}
        onChange={(value?: string) => onChange({ category: value })}
      />
      <Select
        {...select}
        style={{ width: 150 }}
        placeholder={t('是否超期', 'Overdue')}
        aria-label={t('是否超期', 'Overdue')}
        value={filters.overdue}
        options={yesNo.map((o) => ({ ...o, label: `${t('超期', 'Overdue')}: ${o.label}` }))}
        onChange={(value?: string) => onChange({ overdue: value })}
      />
      <Select
        {...select}
        style={{ width: 150 }}
        placeholder={t('是否督办', 'Escalated')}
        aria-label={t('是否督办', 'Escalated')}
        value={filters.escalated}
        options={yesNo.map((o) => ({ ...o, label: `${t('督办', 'Escalated')}: ${o.label}` }))}
        onChange={(value?: string) => onChange({ escalated: value })}
      />
      <Select
        {...select}
        style={{ width: 150 }}
        placeholder={t('是否推诿', 'Bounced')}
        aria-label={t('是否推诿', 'Bounced')}
        value={filters.bounced}
        options={yesNo.map((o) => ({ ...o, label: `${t('推诿', 'Bounced')}: ${o.label}` }))}
        onChange={(value?: string) => onChange({ bounced: value })}
      />
      <DatePicker.RangePicker
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        allowEmpty={[true, true]}
        placeholder={[t('登记日期起', 'Reported from'), t('登记日期止', 'Reported to')]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
      <Select
        {...select}
        placeholder={t('登记人', 'Recorded by')}
        aria-label={t('登记人', 'Recorded by')}
        value={filters.createdBy}
        options={[
          { value: 'me', label: t('我登记的', 'Recorded by me') },
          ...(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
        ]}
        onChange={(value?: string) => onChange({ createdBy: value })}
      />
      <Button onClick={onReset}>{t('清空条件', 'Clear filters')}</Button>
    </Space>
  );
}
