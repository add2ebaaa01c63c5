import { Alert, Button, Flex, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { AssignFields, type AssignValues } from './AssignFields';
import { EscalateFields, type EscalateValues } from './EscalateFields';
import { showFieldErrors } from './fieldErrors';
import { SATISFACTION_LABELS, type ActionName, type Satisfaction } from './labels';
import { ProblemPicker } from './ProblemPicker';
import { endOfDay } from './time';
import type { Problem } from './types';
import { useReturnFocus } from '../useReturnFocus';

/** What the dialog's form holds: the union of every action's fields. */
export type ActionValues = Partial<AssignValues> &
  EscalateValues & {
    note?: string;
    resolution?: string;
    reason?: string;
    satisfaction?: Satisfaction;
    feedback?: string;
    duplicateOf?: string;
  };

/** The one free-text field each action has: its name in the body and whether it is required. */
const TEXT_FIELD: Record<ActionName, { name: 'note' | 'resolution' | 'reason' | 'feedback'; required: boolean }> = {
  assign: { name: 'note', required: false },
  accept: { name: 'note', required: false },
  progress: { name: 'note', required: true },
  resolve: { name: 'resolution', required: true },
  return: { name: 'reason', required: true },
  verify: { name: 'feedback', required: false },
  reopen: { name: 'reason', required: true },
  withdraw: { name: 'reason', required: true },
  escalate: { name: 'note', required: true },
  lift: { name: 'note', required: true },
};

/** The body fields a 400 may name, each a field of this form. */
const FIELDS = [
  'departmentId',
  'dueInWorkingDays',
  'note',
  'resolution',
  'reason',
  'satisfaction',
  'feedback',
  'duplicateOf',
  'level',
  'leaderId',
];

/** The request body of an action from the form's values; empty optional text is left out. */
export function actionBody(action: ActionName, values: ActionValues): Record<string, unknown> {
  const text = TEXT_FIELD[action].name;
  const body: Record<string, unknown> = {};
  if (values[text]?.trim()) body[text] = values[text].trim();
  if (action === 'assign') {
    body.departmentId = values.departmentId;
    if (values.deadline === 'days') body.dueInWorkingDays = values.dueInWorkingDays;
    if (values.deadline === 'date' && values.dueDate) body.dueAt = endOfDay(values.dueDate.format('YYYY-MM-DD'));
  }
  if (action === 'escalate') {
    if (values.level) body.level = values.level;
    if (values.leaderId) body.leaderId = values.leaderId;
    if (values.answerByDate) body.answerBy = endOfDay(values.answerByDate.format('YYYY-MM-DD'));
  }
  if (action === 'verify') body.satisfaction = values.satisfaction;
  if (action === 'withdraw' && values.duplicateOf) body.duplicateOf = values.duplicateOf;
  return body;
}

interface Props {
  action: ActionName;
  /** The action as the page names it (e.g. reassign, escalate again). */
  label: string;
  problem: Problem;
  /** Values typed before, kept when a stale version sent the user back to look again. */
  initialValues?: ActionValues;
  onCancel: () => void;
  /** Sends the action; resolves when the dialog may close, throws what the service refused. */
  onSubmit: (values: ActionValues) => Promise<void>;
}

/** The dialog of one action on a problem: its fields, its confirm button, the service's refusal. */
export function ActionDialog({ action, label, problem, initialValues, onCancel, onSubmit }: Props) {
  useReturnFocus();
  const { t } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = TEXT_FIELD[action];
  const reassign = action === 'assign' && problem.status !== 'reported';

  const submit = async (values: ActionValues) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (caught) {
      if (!showFieldErrors(form, caught, FIELDS, t)) setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`${label} · ${problem.code}`} onCancel={onCancel} footer={null} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          deadline: 'category',
          level: problem.supervisionLevel ? undefined : 'supervision',
          departmentId: reassign ? (problem.departmentId ?? undefined) : undefined,
          ...initialValues,
        }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {action === 'assign' && <AssignFields category={problem.category} />}
        {action === 'escalate' && <EscalateFields current={problem.supervisionLevel} />}
        {action === 'verify' && (
          <Form.Item
            name="satisfaction"
            label={t('企业满意度', 'Enterprise satisfaction')}
            rules={[{ required: true, message: t('请选择满意度', 'Choose the satisfaction') }]}
          >
            <Radio.Group
              data-testid="action-satisfaction"
              options={(Object.keys(SATISFACTION_LABELS) as Satisfaction[]).map((value) => ({
                value,
                label: t(...SATISFACTION_LABELS[value]),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name={text.name}
          label={textLabel(action, t)}
          rules={text.required ? [{ required: true, whitespace: true, message: t('请填写此项', 'Fill this in') }] : []}
        >
          <Input.TextArea data-testid="action-note" rows={3} maxLength={2000} showCount />
        </Form.Item>
        {action === 'withdraw' && (
          <Form.Item name="duplicateOf" label={t('与之重复的问题（可选）', 'Duplicate of (optional)')}>
            <ProblemPicker exclude={problem.id} />
          </Form.Item>
        )}
        <Flex justify="end" gap={8}>
          <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
            {t('确定', 'Confirm')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

function textLabel(action: ActionName, t: (zh: string, en: string) => string): string {
  switch (action) {
    case 'assign':
      return t('交办意见（可选）', 'Instructions (optional)');
    case 'accept':
      return t('签收说明（可选）', 'Note (optional)');
    case 'progress':
      return t('办理进展', 'Progress');
    case 'resolve':
      return t('办理结果', 'Resolution');
    case 'return':
      return t('退回理由', 'Reason for returning');
    case 'verify':
      return t('回访意见（可选）', 'Feedback (optional)');
    case 'reopen':
      return t('重新办理理由', 'Reason for reopening');
    case 'withdraw':
      return t('撤回理由', 'Reason for withdrawing');
    case 'escalate':
      return t('督办要求', 'Escalation note');
    case 'lift':
      return t('解除督办说明', 'Why the supervision is lifted');
  }
}
