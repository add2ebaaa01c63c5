import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../errors';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { AssignFields, type AssignValues, keepsDeadline } from './AssignFields';
import { DueDate } from './Deadline';
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
    /** A progress note the enterprise sees on its tracking page. */
    public?: boolean;
    assistsNote?: string;
    /** The date an extension request asks for. */
    extendTo?: dayjs.Dayjs;
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
  assist_progress: { name: 'note', required: true },
  assist_done: { name: 'note', required: true },
  request_extension: { name: 'reason', required: true },
  approve_extension: { name: 'note', required: false },
  refuse_extension: { name: 'reason', required: true },
  lift: { name: 'note', required: true },
};

/** The body fields a 400 may name, each a field of this form. */
const FIELDS = [
  'departmentId',
  'dueAt',
  'dueInWorkingDays',
  'note',
  'resolution',
  'reason',
  'satisfaction',
  'feedback',
  'duplicateOf',
  'assistingDepartmentIds',
  'assistsNote',
  'level',
  'leaderId',
];

/** The request body of an action from the form's values; empty optional text is left out. */
export function actionBody(
  action: ActionName,
  values: ActionValues,
  problem?: Pick<Problem, 'status' | 'departmentId'>,
): Record<string, unknown> {
  const text = TEXT_FIELD[action].name;
  const body: Record<string, unknown> = {};
  if (values[text]?.trim()) body[text] = values[text].trim();
  if (action === 'assign') {
    body.departmentId = values.departmentId;
    // The department that holds the problem keeps its deadline: none is sent.
    const kept = problem !== undefined && keepsDeadline(problem, values.departmentId);
    if (!kept && values.deadline === 'days') body.dueInWorkingDays = values.dueInWorkingDays;
    if (!kept && values.deadline === 'date' && values.dueDate)
      body.dueAt = endOfDay(values.dueDate.format('YYYY-MM-DD'));
    body.assistingDepartmentIds = values.assistingDepartmentIds ?? [];
  }
  if (action === 'resolve' && values.assistsNote?.trim()) body.assistsNote = values.assistsNote.trim();
  // A manager acts for the assisting department chosen; a handler for their own.
  if ((action === 'assist_progress' || action === 'assist_done') && values.departmentId)
    body.departmentId = values.departmentId;
  if (action === 'request_extension' && values.extendTo) body.dueAt = endOfDay(values.extendTo.format('YYYY-MM-DD'));
  if (action === 'escalate') {
    if (values.level) body.level = values.level;
    if (values.leaderId) body.leaderId = values.leaderId;
    if (values.answerByDate) body.answerBy = endOfDay(values.answerByDate.format('YYYY-MM-DD'));
  }
  if (action === 'verify') body.satisfaction = values.satisfaction;
  if (action === 'progress' && values.public) body.public = true;
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
  /** More to fill in below the note (the files that go with a progress note or the resolution). */
  children?: ReactNode;
}

/** The dialog of one action on a problem: its fields, its confirm button, the service's refusal. */
export function ActionDialog({ action, label, problem, initialValues, onCancel, onSubmit, children }: Props) {
  useReturnFocus();
  const { t } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = TEXT_FIELD[action];
  const reassign = action === 'assign' && problem.status !== 'reported';
  const openParts = (problem.assists ?? []).filter((a) => a.status === 'open');
  const { user } = useAuth();
  const actingFor = (action === 'assist_progress' || action === 'assist_done') && user?.role !== 'handler';

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
          // A reassignment starts from the assisting departments still open (the others are done or cancelled).
          assistingDepartmentIds: reassign
            ? (problem.assists ?? []).filter((a) => a.status === 'open').map((a) => a.departmentId)
            : [],
          ...initialValues,
        }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {action === 'assign' && <AssignFields category={problem.category} problem={problem} />}
        {actingFor && (
          <Form.Item
            name="departmentId"
            label={t('代为填报的协办单位', 'Assisting department acted for')}
            rules={[{ required: true, message: t('请选择协办单位', 'Choose the department') }]}
          >
            <Select
              data-testid="action-assist-department"
              aria-label={t('代为填报的协办单位', 'Assisting department acted for')}
              options={openParts.map((a) => ({ value: a.departmentId, label: a.departmentName }))}
            />
          </Form.Item>
        )}
        {action === 'resolve' && openParts.length > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="resolve-open-assists"
              title={t(
                `协办单位尚未完成：${openParts.map((a) => a.departmentName).join('、')}。如需先行办结，请说明原因。`,
                `Assisting departments have not finished: ${openParts.map((a) => a.departmentName).join(', ')}. To resolve now, say why.`,
              )}
            />
            <Form.Item
              name="assistsNote"
              label={t('未等协办完成即办结的说明', 'Why resolve before the assisting departments finish')}
              rules={[{ required: true, whitespace: true, message: t('请填写此项', 'Fill this in') }]}
            >
              <Input.TextArea data-testid="action-assists-note" rows={2} maxLength={2000} showCount />
            </Form.Item>
          </>
        )}
        {action === 'request_extension' && (
          <>
            <Typography.Paragraph>
              {t('当前办理时限：', 'Current deadline: ')}
              <DueDate dueAt={problem.dueAt} />
            </Typography.Paragraph>
            <Form.Item
              name="extendTo"
              label={t('申请延期至', 'Extend to')}
              rules={[{ required: true, message: t('请选择延期后的日期', 'Choose the new date') }]}
            >
              <DatePicker
                data-testid="action-extend-to"
                aria-label={t('申请延期至', 'Extend to')}
                disabledDate={(day) =>
                  !!problem.dueAt && day.endOf('day').valueOf() <= dayjs(problem.dueAt).endOf('day').valueOf()
                }
              />
            </Form.Item>
          </>
        )}
        {(action === 'approve_extension' || action === 'refuse_extension') && problem.pendingExtension && (
          <Typography.Paragraph data-testid="action-pending-extension">
            {t('申请延期至', 'Asked to extend to')} <DueDate dueAt={problem.pendingExtension.dueAt} />
            {t('（原时限 ', ' (deadline ')}
            <DueDate dueAt={problem.pendingExtension.previousDueAt} />
            {t('）理由：', '); reason: ')}
            {problem.pendingExtension.reason}
          </Typography.Paragraph>
        )}
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
        {action === 'progress' && (
          <Form.Item name="public" valuePropName="checked">
            <Checkbox data-testid="action-public">
              {t('公开给企业（企业在跟踪页可见）', 'Public: the enterprise sees it on its tracking page')}
            </Checkbox>
          </Form.Item>
        )}
        {action === 'withdraw' && (
          <Form.Item name="duplicateOf" label={t('与之重复的问题（可选）', 'Duplicate of (optional)')}>
            <ProblemPicker exclude={problem.id} />
          </Form.Item>
        )}
        {children}
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
    case 'assist_progress':
      return t('协办进展', 'What your department has done');
    case 'assist_done':
      return t('协办结果', 'What your department did');
    case 'request_extension':
      return t('延期理由', 'Why more time is needed');
    case 'approve_extension':
      return t('审批意见（可选）', 'Note (optional)');
    case 'refuse_extension':
      return t('不予延期理由', 'Reason for refusing');
    case 'lift':
      return t('解除督办说明', 'Why the supervision is lifted');
  }
}
