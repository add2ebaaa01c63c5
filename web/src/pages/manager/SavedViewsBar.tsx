import { App, Button, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useSavedViews } from './savedViews';
import { useReturnFocus } from '../../components/useReturnFocus';

interface Props {
  userId: string;
  /** The filters on screen as a query string (filterSearch). */
  search: string;
  /** The filters in the address bar right now, which a saved view records. */
  currentSearch: () => string;
  onPick: (search: string) => void;
}

/** Pick, save (under a name) and delete the resolution list's filter sets. */
export function SavedViewsBar({ userId, search, currentSearch, onPick }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { views, save, remove } = useSavedViews(userId);
  const [naming, setNaming] = useState(false);
  useReturnFocus(naming);
  const [name, setName] = useState('');
  const current = views.find((view) => view.search === search);

  const confirm = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    save({ name: trimmed, search: currentSearch() });
    setNaming(false);
    void message.success(t(`已保存视图“${trimmed}”`, `View “${trimmed}” saved`));
  };

  return (
    <Space wrap>
      <Select
        style={{ width: 200 }}
        placeholder={views.length ? t('选择已保存的视图', 'Pick a saved view') : t('暂无保存的视图', 'No saved views')}
        disabled={!views.length}
        value={current?.name}
        options={views.map((view) => ({ value: view.name, label: view.name }))}
        onChange={(picked: string) => onPick(views.find((view) => view.name === picked)!.search)}
        aria-label={t('已保存的视图', 'Saved views')}
      />
      <Button
        onClick={() => {
          setName(current?.name ?? '');
          setNaming(true);
        }}
      >
        {t('保存当前视图', 'Save this view')}
      </Button>
      {current && (
        <Popconfirm
          title={t(`删除视图“${current.name}”？`, `Delete the view “${current.name}”?`)}
          okText={t('删除', 'Delete')}
          cancelText={t('取消', 'Cancel')}
          onConfirm={() => remove(current.name)}
        >
          <Button danger>{t('删除视图', 'Delete view')}</Button>
        </Popconfirm>
      )}
      <Modal
        open={naming}
        title={t('保存当前筛选条件', 'Save the current filters')}
        okText={t('保存', 'Save')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ disabled: !name.trim() }}
        onOk={confirm}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={40}
          value={name}
          placeholder={t('视图名称，如“超期督办”', 'A name, e.g. “Overdue, escalated”')}
          onChange={(event) => setName(event.target.value)}
          onPressEnter={confirm}
        />
        {views.some((view) => view.name === name.trim()) && (
          <div style={{ marginTop: 8, color: '#d48806' }}>
            {t('同名视图将被覆盖', 'The view of that name will be replaced')}
          </div>
        )}
      </Modal>
    </Space>
  );
}
