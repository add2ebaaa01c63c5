import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema';
import { PageTitle } from '../../components/PageTitle';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { COMPONENT_LABELS, COMPONENTS } from '../manager/assessmentLabels';

type Schemas = components['schemas'];
type WeightsReport = Schemas['WeightsReport'];
type Weights = Schemas['AssessmentWeights'];

/**
 * The assessment weights (考核权重): the six in force, a form to record new ones (integers adding
 * up to 100, applying from now; published scores keep the weights of their instant) and every
 * change recorded.
 */
export function AssessmentWeightsPage() {
  const { t, formatTime } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const weights = useQuery({
    queryKey: ['assessment', 'weights'],
    queryFn: ({ signal }) => api<WeightsReport>('/assessment/weights', { signal }),
  });
  const [form] = Form.useForm<Weights & { note?: string }>();
  const values = Form.useWatch([], form) as Partial<Weights> | undefined;
  const sum = COMPONENTS.reduce((total, c) => total + (Number(values?.[c]) || 0), 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = weights.data;

  const save = async () => {
    const body = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api('/assessment/weights', { method: 'PUT', body: { ...body, note: body.note || undefined } });
      void message.success(t('已保存，自即刻起生效', 'Saved; they apply from now on'));
      void client.invalidateQueries({ queryKey: ['assessment'] });
      void client.invalidateQueries({ queryKey: ['reports', 'assessment'] });
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageTitle title={t('考核权重', 'Assessment weights')} />
      <Typography.Paragraph type="secondary">
        {t(
          '部门考核得分由六项指标按权重合计，满分 100。新权重自保存时起生效；已发布的得分按其统计时点的权重计算，不受影响。',
          'A department’s score adds up six components by their weights, 100 at most. New weights apply from the moment they are saved; a score already published keeps the weights of its instant.',
        )}
      </Typography.Paragraph>
      {weights.error && <Alert type="error" showIcon title={errorMessage(weights.error, t)} />}
      {data && (
        <Card size="small" title={t('当前权重', 'Weights in force')}>
          <Form
            form={form}
            layout="inline"
            initialValues={data.weights}
            onFinish={() => void save()}
            data-testid="weights-form"
          >
            {COMPONENTS.map((c) => (
              <Form.Item
                key={c}
                name={c}
                label={t(...COMPONENT_LABELS[c])}
                rules={[{ required: true, type: 'integer', min: 0, max: 100, message: t('0–100 的整数', '0–100') }]}
              >
                <InputNumber min={0} max={100} precision={0} style={{ width: 80 }} />
              </Form.Item>
            ))}
            <Form.Item name="note" label={t('说明', 'Note')}>
              <Input maxLength={500} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="weights-sum">
                  {t(`合计 ${sum}`, `Total ${sum}`)}
                </Typography.Text>
                <Button type="primary" htmlType="submit" loading={busy} disabled={sum !== 100}>
                  {t('保存', 'Save')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {data.weightsSince
              ? t(`自 ${formatTime(data.weightsSince)} 起生效`, `In force since ${formatTime(data.weightsSince)}`)
              : t('默认权重', 'The default weights')}
          </Typography.Paragraph>
        </Card>
      )}
      <Card size="small" title={t('调整记录', 'Changes')}>
        {data && data.history.length === 0 ? (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('尚未调整，使用默认权重', 'None yet: the defaults apply')}
          </Typography.Paragraph>
        ) : (
          <Table<WeightsReport['history'][number]>
            size="small"
            rowKey="id"
            loading={weights.isPending}
            dataSource={data?.history ?? []}
            pagination={false}
            columns={[
              { title: t('生效时间', 'Effective from'), render: (_, row) => formatTime(row.effectiveFrom) },
              ...COMPONENTS.map((c) => ({
                title: t(...COMPONENT_LABELS[c]),
                align: 'right' as const,
                render: (_: unknown, row: WeightsReport['history'][number]) => row.weights[c],
              })),
              {
                title: t('调整人', 'By'),
                render: (_, row) => `${row.recordedByName} · ${formatTime(row.recordedAt)}`,
              },
              { title: t('说明', 'Note'), render: (_, row) => row.note ?? '—' },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
