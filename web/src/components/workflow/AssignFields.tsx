import { Alert, DatePicker, Form, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';
import { DueDate } from './Deadline';
import type { Problem } from './types';

type DeadlineMode = 'category' | 'days' | 'date';

export interface AssignValues {
  departmentId: string;
  deadline: DeadlineMode;
  dueInWorkingDays?: number;
  dueDate?: dayjs.Dayjs;
  note?: string;
  assistingDepartmentIds?: string[];
}

/** Does assigning to `departmentId` keep the deadline? Yes when that department already holds the problem. */
export function keepsDeadline(
  problem: Pick<Problem, 'status' | 'departmentId'>,
  departmentId: string | undefined,
): boolean {
  return (problem.status === 'assigned' || problem.status === 'in_progress') && problem.departmentId === departmentId;
}

/**
 * The department and the deadline of an assignment: the category's time limit, n working days, or
 * a date. Reassigning to the department that holds the problem keeps its deadline (shown, not asked).
 */
export function AssignFields({
  category,
  problem,
}: {
  category: string;
  problem?: Pick<Problem, 'status' | 'departmentId' | 'dueAt'>;
}) {
  const { t, lang } = useI18n();
  const reference = useReference();
  const form = Form.useFormInstance<AssignValues>();
  const mode = Form.useWatch('deadline', form);
  const days = Form.useWatch('dueInWorkingDays', form);
  const categoryDays = reference.categories.find((c) => c.code === category)?.defaultDueWorkingDays ?? null;
  const previewDays = mode === 'category' ? categoryDays : mode === 'days' ? days : null;
  const dueDate = Form.useWatch('dueDate', form);
  const coverage = useCalendarCoverage();
  const pickedYear = mode === 'date' && dueDate ? dueDate.year() : null;
  const lead = Form.useWatch('departmentId', form);
  const kept = problem !== undefined && keepsDeadline(problem, lead);
  return (
    <>
      <Form.Item
        name="departmentId"
        label={t('主办单位', 'Lead department')}
        rules={[{ required: true, message: t('请选择责任单位', 'Choose the department') }]}
      >
        <Select
          data-testid="action-department"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('输入名称查找', 'Type to find')}
          options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item
        name="assistingDepartmentIds"
        label={t('协办单位（可多选）', 'Assisting departments (any number)')}
        rules={[
          {
            validator: (_, ids: string[] | undefined) =>
              ids?.includes(lead)
                ? Promise.reject(new Error(t('主办单位不能同时协办', 'The lead cannot also assist')))
                : Promise.resolve(),
          },
        ]}
      >
        <Select
          mode="multiple"
          allowClear
          maxCount={10}
          data-testid="action-assisting"
          aria-label={t('协办单位', 'Assisting departments')}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('可不选', 'None')}
          options={reference.departments.filter((d) => d.id !== lead).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      {kept && (
        <Alert
          type="info"
          showIcon
          data-testid="assign-kept-deadline"
          style={{ marginBottom: 16 }}
          title={
            <>
              {t('同一单位改派，保持原办理时限：', 'Same department: the deadline stays ')}
              <DueDate dueAt={problem.dueAt} />
            </>
          }
          description={t(
            '如需延长，请由责任单位提出延期申请，经批准后生效。',
            'To move it, the department requests an extension, which takes effect once approved.',
          )}
        />
      )}
      <Form.Item name="deadline" label={t('办理时限', 'Deadline')} hidden={kept}>
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
      {!kept && mode === 'days' && (
        <Form.Item
          name="dueInWorkingDays"
          label={t('工作日数', 'Working days')}
          rules={[{ required: true, message: t('请填写 1–365 的工作日数', 'Enter 1 to 365 working days') }]}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} data-testid="action-days" />
        </Form.Item>
      )}
      {!kept && mode === 'date' && (
        <Form.Item
          name="dueDate"
          label={t('截止日期（当日24时）', 'Due by the end of')}
          rules={[{ required: true, message: t('请选择截止日期', 'Choose the date') }]}
        >
          <DueDatePicker format={lang === 'zh' ? 'YYYY-MM-DD' : 'DD/MM/YYYY'} />
        </Form.Item>
      )}
      {pickedYear !== null && coverage && !coverage.years.includes(pickedYear) && (
        <HorizonWarning years={[pickedYear]} />
      )}
      {!kept && previewDays ? <DeadlinePreview days={previewDays} /> : null}
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
      api<{ lastWorkingDay: string; uncoveredYears: number[] }>('/calendar/working-days', {
        query: { from: new Date().toISOString(), days },
        signal,
      }),
  });
  const lastDay = preview.data?.lastWorkingDay;
  if (!lastDay) return null;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t(`截至 ${lastDay} 24:00`, `Due by the end of ${lastDay}`)}
      </Typography.Paragraph>
      {preview.data!.uncoveredYears.length > 0 && <HorizonWarning years={preview.data!.uncoveredYears} />}
    </>
  );
}

interface CalendarCoverage {
  years: number[];
  coveredThrough: number | null;
  currentYear: number;
}

interface CalendarDay {
  date: string;
  working: boolean;
  name: string;
}

/** The years with a working-day calendar entered (GET /calendar/coverage). */
function useCalendarCoverage(): CalendarCoverage | undefined {
  return useQuery({
    queryKey: ['calendar', 'coverage'],
    queryFn: ({ signal }) => api<CalendarCoverage>('/calendar/coverage', { signal }),
    staleTime: 60_000,
  }).data;
}

/** The deadline falls in a year with no holidays entered: counted Monday–Friday, it may come too early. */
function HorizonWarning({ years }: { years: number[] }) {
  const { t } = useI18n();
  const list = years.join(t('、', ', '));
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-horizon-warning"
      style={{ marginBottom: 16 }}
      title={t(`${list} 年的节假日尚未录入`, `No holidays entered for ${list}`)}
      description={t(
        '该年份每个周一至周五都按工作日计算，法定节假日和调休不在其中，截止日期可能偏早。请管理员在"工作日历"中录入该年安排。',
        'Every Monday to Friday of that year counts as a working day, public holidays and make-up days are not known, so the deadline may come too early. An admin can enter that year in "Calendar".',
      )}
    />
  );
}

/**
 * The due-date picker: weekends and public holidays marked as days off (休), weekend days moved
 * into work (调休) marked as working (班), each with its name for screen readers and on hover.
 */
function DueDatePicker({
  value,
  onChange,
  format,
}: {
  value?: dayjs.Dayjs;
  onChange?: (value: dayjs.Dayjs | null) => void;
  format: string;
}) {
  const { t } = useI18n();
  const [shownYear, setShownYear] = useState(() => (value ?? dayjs()).year());
  const exceptions = useQuery({
    queryKey: ['calendar', 'year', shownYear],
    queryFn: ({ signal }) => api<{ days: CalendarDay[] }>('/calendar', { query: { year: shownYear }, signal }),
    staleTime: 60_000,
  }).data;
  const byDate = new Map((exceptions?.days ?? []).map((day) => [day.date, day]));
  return (
    <DatePicker
      value={value}
      onChange={(date) => onChange?.(date)}
      format={format}
      data-testid="action-due-date"
      disabledDate={(day) => day.isBefore(dayjs(), 'day')}
      onPanelChange={(date) => date && setShownYear(date.year())}
      // Typing a date moves the panel too: the marks follow the year shown.
      onPickerValueChange={(date) => date && setShownYear(date.year())}
      onOpenChange={(open) => open && setShownYear((value ?? dayjs()).year())}
      cellRender={(current, info) => {
        if (info.type !== 'date' || typeof current === 'number') return info.originNode;
        const day = current as dayjs.Dayjs;
        const exception = byDate.get(day.format('YYYY-MM-DD'));
        const weekend = day.day() === 0 || day.day() === 6;
        const off = exception ? !exception.working : weekend;
        const label = exception
          ? `${exception.name}${exception.working ? t('（上班）', ' (working day)') : t('（休息）', ' (day off)')}`
          : weekend
            ? t('周末', 'Weekend')
            : undefined;
        return (
          <div
            className="ant-picker-cell-inner"
            title={label}
            aria-label={label ? `${day.format('YYYY-MM-DD')} ${label}` : day.format('YYYY-MM-DD')}
            data-day-kind={exception ? (exception.working ? 'make-up' : 'holiday') : weekend ? 'weekend' : 'working'}
            style={{ color: off ? '#c0392b' : undefined, position: 'relative' }}
          >
            {day.date()}
            {exception && (
              <span
                aria-hidden
                style={{
                  position: 'absolute',
                  top: -6,
                  right: -8,
                  fontSize: 9,
                  lineHeight: 1,
                  color: off ? '#c0392b' : '#1677ff',
                }}
              >
                {exception.working ? t('班', 'W') : t('休', 'H')}
              </span>
            )}
          </div>
        );
      }}
    />
  );
}
