import { App, Button, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
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

/** Pick, save (under a name) and delete the resolution list's filter sets, kept per user by the service. */
export function SavedViewsBar({ userId, search, currentSearch, onPick }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { views, loading, error, save, remove, saving } = useSavedViews(userId);
  const [naming, setNaming] = useState(false);
  useReturnFocus(naming);
  const [name, setName] = useState('');
  const current = views.find((view) => view.search === search);

  const sameName = (other: string) => other.toLowerCase() === name.trim().toLowerCase();

  const confirm = async () => {
    const trimmed = name.trim();
    if (!trimmed || saving) return;
    try {
      await save({ name: trimmed, search: currentSearch() });
      setNaming(false);
      void message.success(t(`已保存视图“${trimmed}”`, `View “${trimmed}” saved`));
    } catch (failure) {
      void message.error(
        failure instanceof ApiError && failure.status === 409
          ? t('已达到视图数量上限，请先删除不用的视图', 'You have as many views as allowed: delete one first')
          : t('视图未能保存，请重试', 'The view was not saved; please try again'),
      );
    }
  };

  const removeCurrent = async (id: string) => {
    try {
      await remove(id);
    } catch {
      void message.error(t('视图未能删除，请重试', 'The view was not deleted; please try again'));
    }
  };

  const placeholder = loading
    ? t('正在读取视图…', 'Loading views…')
    : error
      ? t('视图读取失败', 'Views could not be loaded')
      : views.length
        ? t('选择已保存的视图', 'Pick a saved view')
        : t('暂无保存的视图', 'No saved views');

  return (
    <Space wrap>
      <Select
        style={{ width: 200 }}
        placeholder={placeholder}
        disabled={!views.length}
        loading={loading}
        value={current?.id}
        options={views.map((view) => ({ value: view.id, label: view.name }))}
        onChange={(picked: string) => onPick(views.find((view) => view.id === picked)!.search)}
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
          onConfirm={() => removeCurrent(current.id)}
        >
          <Button danger>{t('删除视图', 'Delete view')}</Button>
        </Popconfirm>
      )}
      <Modal
        open={naming}
        title={t('保存当前筛选条件', 'Save the current filters')}
        okText={t('保存', 'Save')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ disabled: !name.trim(), loading: saving }}
        onOk={() => void confirm()}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={40}
          value={name}
          placeholder={t('视图名称，如“超期督办”', 'A name, e.g. “Overdue, escalated”')}
          onChange={(event) => setName(event.target.value)}
          onPressEnter={() => void confirm()}
        />
        {views.some((view) => sameName(view.name)) && (
          <div style={{ marginTop: 8, color: '#d48806' }}>
            {t('同名视图将被覆盖', 'The view of that name will be replaced')}
          </div>
        )}
      </Modal>
    </Space>
  );
}
