import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { QueryState, readState } from '../QueryState';
import { showFieldErrors } from '../workflow/fieldErrors';
import {
  PRODUCTION_STATUS_CODES,
  PRODUCTION_STATUS_LABELS,
  type ProductionStatus,
  type StatusHistory,
} from './productionLabels';
import { ProductionStatusTag } from './ProductionStatusTag';

interface Values {
  status: ProductionStatus;
  effectiveAt?: Dayjs;
  outputMonth?: Dayjs;
  outputValueYuan?: number;
  note?: string;
}

const FIELDS = ['status', 'effectiveAt', 'outputMonth', 'outputValueYuan', 'note'];

export const productionStatusKey = (enterpriseId: string) => ['production-status', enterpriseId];

/**
 * An enterprise's production status (生产状态): the current status and since when, its history
 * newest first, and, for those who may record one, a "record status" dialog.
 */
export function ProductionStatus({ enterpriseId }: { enterpriseId: string }) {
  const { t, formatTime } = useI18n();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: productionStatusKey(enterpriseId),
    queryFn: ({ signal }) => api<StatusHistory>(`/enterprises/${enterpriseId}/production-status`, { signal }),
  });
  const data = history.data;

  return (
    <Card
      size="small"
      title={t('生产状态', 'Production status')}
      data-testid="production-status"
      extra={
        data?.canRecord ? (
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="production-status-record">
            {t('登记状态', 'Record status')}
          </Button>
        ) : null
      }
    >
      <QueryState {...readState(history)} title={t('生产状态', 'Production status')}>
        {data && (
          <>
            <Flex gap={8} align="center" wrap>
              <ProductionStatusTag status={data.current.status} />
              {data.current.since && (
                <Typography.Text type="secondary">
                  {t(`自 ${formatTime(data.current.since, true)} 起`, `since ${formatTime(data.current.since, true)}`)}
                </Typography.Text>
              )}
            </Flex>
            {data.items.length === 0 ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('尚未登记生产状态', 'No status recorded yet')}
              </Typography.Paragraph>
            ) : (
              <Timeline
                style={{ marginTop: 16 }}
                aria-label={t('生产状态记录', 'Status history')}
                items={data.items.map((event) => ({
                  key: event.id,
                  color: PRODUCTION_STATUS_LABELS[event.status].color,
                  children: (
                    <div data-testid="production-status-event">
                      <Typography.Text strong>{t(...PRODUCTION_STATUS_LABELS[event.status].name)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">{formatTime(event.effectiveAt, true)}</Typography.Text>
                      {event.outputMonth && event.outputValueYuan !== null && (
                        <div>
                          {t(
                            `${event.outputMonth} 产值 ${(event.outputValueYuan / 10_000).toLocaleString('zh-CN')} 万元`,
                            `Output ${event.outputMonth}: ${(event.outputValueYuan / 10_000).toLocaleString('en-GB')} × 10k yuan`,
                          )}
                        </div>
                      )}
                      {event.note && <div>{event.note}</div>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(
                          `${event.recordedByName ?? '—'} 登记于 ${formatTime(event.recordedAt)}`,
                          `Recorded by ${event.recordedByName ?? '—'} at ${formatTime(event.recordedAt)}`,
                        )}
                      </Typography.Text>
                    </div>
                  ),
                }))}
              />
            )}
          </>
        )}
      </QueryState>
      {open && data && (
        <RecordDialog enterpriseId={enterpriseId} current={data.current.status} onClose={() => setOpen(false)} />
      )}
    </Card>
  );
}

function RecordDialog({
  enterpriseId,
  current,
  onClose,
}: {
  enterpriseId: string;
  current: ProductionStatus;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { status: values.status };
      if (values.effectiveAt) body.effectiveAt = values.effectiveAt.format('YYYY-MM-DD');
      if (values.outputMonth && values.outputValueYuan !== undefined && values.outputValueYuan !== null) {
        body.outputMonth = values.outputMonth.format('YYYY-MM');
        body.outputValueYuan = Math.round(values.outputValueYuan * 10_000);
      }
      if (values.note?.trim()) body.note = values.note.trim();
      await api(`/enterprises/${enterpriseId}/production-status`, { method: 'POST', body });
      await Promise.all([
        client.invalidateQueries({ queryKey: productionStatusKey(enterpriseId) }),
        client.invalidateQueries({ queryKey: ['me', 'enterprises'] }),
      ]);
      onClose();
    } catch (caught) {
      if (!showFieldErrors(form, caught, FIELDS, t)) setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('登记生产状态', 'Record production status')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: current }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="status"
          label={t('生产状态', 'Status')}
          rules={[{ required: true, message: t('请选择状态', 'Choose the status') }]}
        >
          <Radio.Group
            aria-label={t('生产状态', 'Status')}
            optionType="button"
            options={PRODUCTION_STATUS_CODES.map((code) => ({
              value: code,
              label: t(...PRODUCTION_STATUS_LABELS[code].name),
            }))}
          />
        </Form.Item>
        <Form.Item name="effectiveAt" label={t('起始日期（默认今天）', 'Since (default today)')}>
          <DatePicker
            aria-label={t('起始日期', 'Since')}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="outputMonth" label={t('产值月份（可选）', 'Output month (optional)')} style={{ flex: 1 }}>
            <DatePicker picker="month" aria-label={t('产值月份', 'Output month')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="outputValueYuan"
            label={t('当月产值（万元）', 'Output (10k yuan)')}
            style={{ flex: 1 }}
            dependencies={['outputMonth']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  (value === undefined || value === null) === !getFieldValue('outputMonth')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('月份与产值一并填写', 'Give the month and the value together'))),
              }),
            ]}
          >
            <InputNumber min={0} precision={2} aria-label={t('当月产值', 'Output value')} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('情况说明（可选）', 'Note (optional)')}>
          <Input.TextArea rows={3} maxLength={500} showCount aria-label={t('情况说明', 'Note')} />
        </Form.Item>
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="production-status-submit">
            {t('保存', 'Save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
