import { DatePicker, Form, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';

type DeadlineMode = 'category' | 'days' | 'date';

export interface AssignValues {
  departmentId: string;
  deadline: DeadlineMode;
  dueInWorkingDays?: number;
  dueDate?: dayjs.Dayjs;
  note?: string;
}

/** The department and the deadline of an assignment: the category's time limit, n working days, or a date. */
export function AssignFields({ category }: { category: string }) {
  const { t, lang } = useI18n();
  const reference = useReference();
  const form = Form.useFormInstance<AssignValues>();
  const mode = Form.useWatch('deadline', form);
  const days = Form.useWatch('dueInWorkingDays', form);
  const categoryDays = reference.categories.find((c) => c.code === category)?.defaultDueWorkingDays ?? null;
  const previewDays = mode === 'category' ? categoryDays : mode === 'days' ? days : null;
  return (
    <>
      <Form.Item
        name="departmentId"
        label={t('责任单位', 'Responsible department')}
        rules={[{ required: true, message: t('请选择责任单位', 'Choose the department') }]}
      >
        <Select
          data-testid="action-department"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('输入名称查找', 'Type to find')}
          options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('办理时限', 'Deadline')}>
        <Radio.Group
          options={[
            {
              value: 'category',
              label: categoryDays
                ? t(`按类别时限（${categoryDays} 个工作日）`, `Category limit (${categoryDays} working days)`)
                : t('按类别时限', 'Category limit'),
            },
            { value: 'days', label: t('指定工作日数', 'Working days') },
            { value: 'date', label: t('指定日期', 'A date') },
          ]}
        />
      </Form.Item>
      {mode === 'days' && (
        <Form.Item
          name="dueInWorkingDays"
          label={t('工作日数', 'Working days')}
          rules={[{ required: true, message: t('请填写 1–365 的工作日数', 'Enter 1 to 365 working days') }]}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} data-testid="action-days" />
        </Form.Item>
      )}
      {mode === 'date' && (
        <Form.Item
          name="dueDate"
          label={t('截止日期（当日24时）', 'Due by the end of')}
          rules={[{ required: true, message: t('请选择截止日期', 'Choose the date') }]}
        >
          <DatePicker
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            format={lang === 'zh' ? 'YYYY-MM-DD' : 'DD/MM/YYYY'}
          />
        </Form.Item>
      )}
      {previewDays ? <DeadlinePreview days={previewDays} /> : null}
    </>
  );
}

/** "Due by the end of …", counted by the service's working-day calendar (holidays and make-up days). */
function DeadlinePreview({ days }: { days: number }) {
  const { t } = useI18n();
  // Counted from when the preview was first asked for this many days, as the dialog stays open.
  const preview = useQuery({
    queryKey: ['calendar', 'working-days', days],
    queryFn: ({ signal }) =>
      api<{ lastWorkingDay: string }>('/calendar/working-days', {
        query: { from: new Date().toISOString(), days },
        signal,
      }),
  });
  const lastDay = preview.data?.lastWorkingDay;
  if (!lastDay) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
      {t(`截至 ${lastDay} 24:00`, `Due by the end of ${lastDay}`)}
    </Typography.Paragraph>
  );
}
