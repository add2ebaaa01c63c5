import { Select } from 'antd';
import { useEffect, useState } from 'react';
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
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!text.trim()) return;
    let live = true;
    setLoading(true);
    api<Page<Problem>>('/problems', { query: { q: text.trim(), limit: 20 } })
      .then((page) => {
        if (!live) return;
        setOptions(
          page.items
            .filter((p) => p.id !== exclude)
            .map((p) => ({ value: p.id, label: `${p.code} ${p.title}（${p.enterprise.name}）` })),
        );
      })
      .catch(() => live && setOptions([]))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [text, exclude]);
  return (
    <Select
      data-testid="action-duplicate-of"
      value={value}
      onChange={onChange}
      allowClear
      loading={loading}
      options={options}
      placeholder={t('输入编号、标题或企业名称查找', 'Type a code, title or enterprise to find')}
      notFoundContent={text.trim() ? t('未找到', 'Nothing found') : t('请输入查找内容', 'Type to search')}
      showSearch={{ filterOption: false, onSearch: setText }}
    />
  );
}
