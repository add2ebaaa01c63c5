import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import type { Page, Problem } from './types';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The problem being edited, never offered as its own duplicate. */
  exclude: string;
}

/** Picks another problem by its code, title or enterprise, searched on the service as one types. */
export function ProblemPicker({ value, onChange, exclude }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const search = text.trim();
  const found = useQuery({
    queryKey: ['problems', 'search', search],
    queryFn: ({ signal }) => api<Page<Problem>>('/problems', { query: { q: search, limit: 20 }, signal }),
    enabled: search !== '',
    placeholderData: keepPreviousData,
  });
  const options = (found.isError ? [] : (found.data?.items ?? []))
    .filter((p) => p.id !== exclude)
    .map((p) => ({ value: p.id, label: `${p.code} ${p.title}（${p.enterprise.name}）` }));
  return (
    <Select
      data-testid="action-duplicate-of"
      value={value}
      onChange={onChange}
      allowClear
      loading={found.isFetching}
      options={options}
      placeholder={t('输入编号、标题或企业名称查找', 'Type a code, title or enterprise to find')}
      notFoundContent={text.trim() ? t('未找到', 'Nothing found') : t('请输入查找内容', 'Type to search')}
      showSearch={{ filterOption: false, onSearch: setText }}
    />
  );
}
