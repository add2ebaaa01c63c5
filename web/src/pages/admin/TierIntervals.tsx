import { Alert, App, Button, Form, InputNumber, Modal, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import type { TierInterval } from '../../components/outreach/types';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';

/** Tiers (企业层级) and their visit intervals; an admin sets a new interval, which applies from now on. */
export function TierIntervals() {
  const { t, lang, formatTime } = useI18n();
  const tiers = useQuery({ queryKey: ['tiers'], queryFn: ({ signal }) => api<TierInterval[]>('/tiers', { signal }) });
  const [editing, setEditing] = useState<TierInterval | null>(null);
  return (
    <>
      {tiers.error && <Alert type="error" showIcon title={errorMessage(tiers.error, t)} style={{ marginBottom: 12 }} />}
      <Table<TierInterval>
        size="small"
        rowKey="code"
        loading={tiers.isPending}
        dataSource={tiers.data ?? []}
        pagination={false}
        columns={[
          { title: t('代码', 'Code'), dataIndex: 'code', width: 140 },
          { title: t('层级', 'Tier'), render: (_, tier) => (lang === 'zh' ? tier.labelZh : tier.labelEn) },
          {
            title: t('走访周期（天）', 'Visit interval (days)'),
            dataIndex: 'visitIntervalDays',
            align: 'right',
          },
          {
            title: t('设定', 'Set'),
            render: (_, tier) => `${formatTime(tier.setAt, true)} ${tier.setByName ?? t('默认', 'default')}`,
          },
          {
            title: t('操作', 'Actions'),
            width: 100,
            render: (_, tier) => (
              <Button type="link" size="small" onClick={() => setEditing(tier)} aria-label={`edit-${tier.code}`}>
                {t('编辑', 'Edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <TierDialog tier={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function TierDialog({ tier, onClose }: { tier: TierInterval; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ visitIntervalDays: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api(`/tiers/${tier.code}`, { method: 'PUT', body: values });
      void message.success(t('已保存，自即刻起生效', 'Saved; it applies from now on'));
      void client.invalidateQueries({ queryKey: ['tiers'] });
      onClose();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('走访周期', 'Visit interval')}: ${lang === 'zh' ? tier.labelZh : tier.labelEn}`}
      onCancel={onClose}
      onOk={() => void save()}
      okButtonProps={{ loading: busy }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ visitIntervalDays: tier.visitIntervalDays }}>
        <Form.Item
          name="visitIntervalDays"
          label={t('走访周期（天，1–366）', 'Visit interval (days, 1–366)')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: 366,
              message: t('1 到 366 的整数', 'A whole number from 1 to 366'),
            },
          ]}
        >
          <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
