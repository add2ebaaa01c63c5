import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { showFieldErrors } from '../workflow/fieldErrors';
import type { VisitView } from './types';

export interface AmendValues {
  reason?: string;
  visitedAt?: Dayjs;
  purpose?: string;
  notes?: string;
  policiesPromoted?: string[];
}

/** The fields an amendment sends: the reason and only what differs from the visit as shown. */
export function amendmentBody(visit: VisitView, values: AmendValues): Record<string, unknown> | null {
  const body: Record<string, unknown> = { reason: values.reason?.trim() };
  if (values.visitedAt && !values.visitedAt.isSame(dayjs(visit.visitedAt), 'minute')) {
    body.visitedAt = values.visitedAt.second(0).millisecond(0).format();
  }
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  if (text(values.purpose) !== (visit.purpose ?? null)) body.purpose = text(values.purpose);
  if (text(values.notes) !== (visit.notes ?? null)) body.notes = text(values.notes);
  const policies = (values.policiesPromoted ?? []).map((p) => p.trim()).filter(Boolean);
  if (JSON.stringify(policies) !== JSON.stringify(visit.policiesPromoted)) body.policiesPromoted = policies;
  return Object.keys(body).length > 1 ? body : null;
}

interface DialogProps<V> {
  visit: VisitView;
  /** Values typed before, kept when a stale revision sent the user back to look again. */
  initialValues?: V;
  onCancel: () => void;
  /** Sends it; resolves when the dialog may close, throws what the service refused. */
  onSubmit: (values: V) => Promise<void>;
}

const AMEND_FIELDS = ['reason', 'visitedAt', 'purpose', 'notes', 'policiesPromoted'];

/** 修正: the visit's fields as they stand, to correct, and why; the original stays in the history. */
export function AmendVisitDialog({ visit, initialValues, onCancel, onSubmit }: DialogProps<AmendValues>) {
  const { t } = useI18n();
  const [form] = Form.useForm<AmendValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: AmendValues) => {
    if (!amendmentBody(visit, values)) {
      setError(t('没有任何改动：请修改至少一项内容', 'Nothing changed: correct at least one field'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (caught) {
      if (!showFieldErrors(form, caught, AMEND_FIELDS, t)) setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('修正走访记录', 'Amend the visit')} onCancel={onCancel} footer={null} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          visitedAt: dayjs(visit.visitedAt),
          purpose: visit.purpose ?? '',
          notes: visit.notes ?? '',
          policiesPromoted: visit.policiesPromoted,
          ...initialValues,
        }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="visitedAt" label={t('走访时间', 'Visited at')} rules={[{ required: true }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            aria-label={t('走访时间', 'Visited at')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('走访目的', 'Purpose')}>
          <Input maxLength={500} data-testid="amend-purpose" aria-label={t('走访目的', 'Purpose')} />
        </Form.Item>
        <Form.Item name="notes" label={t('企业反馈', "Enterprise's feedback")}>
          <Input.TextArea rows={3} maxLength={5000} aria-label={t('企业反馈', "Enterprise's feedback")} />
        </Form.Item>
        <Form.Item name="policiesPromoted" label={t('宣传政策', 'Policies promoted')}>
          <Select mode="tags" open={false} aria-label={t('宣传政策', 'Policies promoted')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('修正原因', 'Reason for the correction')}
          rules={[{ required: true, whitespace: true, message: t('请填写修正原因', 'Say why it is corrected') }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={2000}
            showCount
            data-testid="amend-reason"
            aria-label={t('修正原因', 'Reason for the correction')}
          />
        </Form.Item>
        <Flex justify="end" gap={8}>
          <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="amend-submit">
            {t('保存修正', 'Save the correction')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

export interface WithdrawValues {
  reason?: string;
}

/** 撤回: a visit entered by mistake stops counting; its problems stay. */
export function WithdrawVisitDialog({ visit, initialValues, onCancel, onSubmit }: DialogProps<WithdrawValues>) {
  const { t } = useI18n();
  const [form] = Form.useForm<WithdrawValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: WithdrawValues) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (caught) {
      if (!showFieldErrors(form, caught, ['reason'], t)) setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('撤回走访记录', 'Withdraw the visit')} onCancel={onCancel} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(
            `撤回后该走访不再计入走访统计；随走访登记的 ${visit.problems.length} 个问题照常办理。`,
            `Once withdrawn the visit no longer counts; the ${visit.problems.length} problem(s) logged with it carry on.`,
          )}
        />
        <Form.Item
          name="reason"
          label={t('撤回原因', 'Reason for withdrawing')}
          rules={[{ required: true, whitespace: true, message: t('请填写撤回原因', 'Say why it is withdrawn') }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={2000}
            showCount
            data-testid="withdraw-reason"
            aria-label={t('撤回原因', 'Reason for withdrawing')}
          />
        </Form.Item>
        <Flex justify="end" gap={8}>
          <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
          <Button danger type="primary" htmlType="submit" loading={busy} data-testid="withdraw-submit">
            {t('确认撤回', 'Withdraw')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
