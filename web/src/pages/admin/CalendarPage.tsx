import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { today } from '../manager/periods';
import { PageTitle } from '../../components/PageTitle';
import { VISUALLY_HIDDEN } from '../../components/SkipLink';
import { useReturnFocus } from '../../components/useReturnFocus';

/** An exception to Monday–Friday: a weekday off (working: false) or a weekend day worked (调休, working: true). */
interface CalendarDay {
  date: string;
  working: boolean;
  name: string;
}

const HOLIDAY = { color: '#c0392b', background: '#fdecea' };
/** Weekend days: grey, yet 4.5:1 on their light grey background. */
const WEEKEND_TEXT = '#636363';
const WORKDAY = { color: '#2f5597', background: '#e8eef9' };
const WEEKDAYS: [string, string][] = [
  ['一', 'Mon'],
  ['二', 'Tue'],
  ['三', 'Wed'],
  ['四', 'Thu'],
  ['五', 'Fri'],
  ['六', 'Sat'],
  ['日', 'Sun'],
];

const pad = (n: number) => String(n).padStart(2, '0');
/** Monday 0 … Sunday 6. */
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const isWeekend = (date: string) => weekdayOf(date) >= 5;

/**
 * The working-day calendar that deadlines are counted on (admin only): a year of months marking
 * public holidays and make-up working days; a click on a day sets or clears its exception.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(today().slice(0, 4));
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: ({ signal }) => api<{ year: number; days: CalendarDay[] }>('/calendar', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
  const [picked, setPicked] = useState<string | null>(null);
  const exceptions = new Map((calendar.data?.days ?? []).map((day) => [day.date, day]));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[16, 8]}>
        <Col>
          <Space>
            <PageTitle title={t('工作日历', 'Working-day calendar')} />
            <Button onClick={() => setParams({ year: String(year - 1) })} aria-label={t('上一年', 'Previous year')}>
              ‹
            </Button>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {year}
            </Typography.Text>
            <Button onClick={() => setParams({ year: String(year + 1) })} aria-label={t('下一年', 'Next year')}>
              ›
            </Button>
          </Space>
        </Col>
        <Col>
          <Space wrap>
            <Tag color={HOLIDAY.color}>{t('休 法定节假日', 'Off: public holiday')}</Tag>
            <Tag color={WORKDAY.color}>{t('班 调休上班', 'Work: make-up working day')}</Tag>
            <Tag>{t('周末', 'Weekend')}</Tag>
            <Typography.Text type="secondary">{t('点击日期可设置', 'Click a day to change it')}</Typography.Text>
          </Space>
        </Col>
      </Row>
      {!!calendar.error && <Alert type="error" showIcon title={errorMessage(calendar.error, t)} />}
      <Spin spinning={calendar.isFetching}>
        <Row gutter={[12, 12]}>
          {Array.from({ length: 12 }, (_, month) => (
            <Col key={month} xs={24} sm={12} lg={8} xl={6}>
              <Month year={year} month={month + 1} exceptions={exceptions} onPick={setPicked} />
            </Col>
          ))}
        </Row>
      </Spin>
      <ExceptionTable days={calendar.data?.days ?? []} onPick={setPicked} />
      {picked && (
        <DayDialog
          date={picked}
          exception={exceptions.get(picked)}
          onClose={() => setPicked(null)}
          onSaved={() => {
            setPicked(null);
            void calendar.refetch();
          }}
        />
      )}
    </Space>
  );
}

interface MonthProps {
  year: number;
  month: number;
  exceptions: Map<string, CalendarDay>;
  onPick: (date: string) => void;
}

function Month({ year, month, exceptions, onPick }: MonthProps) {
  const { t } = useI18n();
  /** A day as a screen reader says it: 2025年1月11日 星期六 休息日 / Saturday 11 January 2025, weekend. */
  const spokenDay = (date: string, exception: CalendarDay | undefined) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [zh] = WEEKDAYS[weekdayOf(date)];
    const english = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const kind = exception
      ? exception.working
        ? t(`调休上班（${exception.name}）`, `make-up working day (${exception.name})`)
        : t(`节假日（${exception.name}）`, `holiday (${exception.name})`)
      : isWeekend(date)
        ? t('休息日', 'weekend')
        : t('工作日', 'working day');
    return t(`${y}年${m}月${d}日 星期${zh} ${kind}`, `${english}, ${kind}`);
  };
  const first = `${year}-${pad(month)}-01`;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const now = today();
  const cells: (string | null)[] = [
    ...Array<null>(weekdayOf(first)).fill(null),
    ...Array.from({ length }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`),
  ];
  return (
    <Card
      size="small"
      title={t(
        `${month} 月`,
        new Date(Date.UTC(year, month - 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }),
      )}
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center' }}>
        {WEEKDAYS.map(([zh, en], i) => (
          <Typography.Text key={en} type="secondary" style={{ fontSize: 12, color: i >= 5 ? WEEKEND_TEXT : undefined }}>
            {t(zh, en)}
          </Typography.Text>
        ))}
        {cells.map((date, i) => {
          if (!date) return <span key={`blank-${i}`} />;
          const exception = exceptions.get(date);
          const style = exception ? (exception.working ? WORKDAY : HOLIDAY) : undefined;
          return (
            <button
              key={date}
              type="button"
              title={exception ? `${date} ${exception.name}` : date}
              onClick={() => onPick(date)}
              style={{
                position: 'relative',
                height: 32,
                border: date === now ? '1px solid #c0392b' : '1px solid transparent',
                borderRadius: 4,
                cursor: 'pointer',
                font: 'inherit',
                color: style?.color ?? (isWeekend(date) ? WEEKEND_TEXT : undefined),
                background: style?.background ?? (isWeekend(date) ? '#fafafa' : 'transparent'),
                fontWeight: exception ? 600 : undefined,
              }}
            >
              {/* Announced as the full date, its weekday and what kind of day it is; shown as the day. */}
              <span style={VISUALLY_HIDDEN}>{spokenDay(date, exception)}</span>
              <span aria-hidden>{Number(date.slice(8))}</span>
              {exception && (
                <span aria-hidden style={{ position: 'absolute', top: 0, right: 2, fontSize: 9, lineHeight: 1.2 }}>
                  {exception.working ? t('班', 'W') : t('休', 'H')}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </Card>
  );
}

function ExceptionTable({ days, onPick }: { days: CalendarDay[]; onPick: (date: string) => void }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('本年例外日期', 'Exceptions this year')}>
      <Table<CalendarDay>
        size="small"
        rowKey="date"
        dataSource={days}
        pagination={false}
        locale={{ emptyText: t('本年尚未设置节假日或调休', 'No holidays or make-up days set for this year') }}
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'date', width: 130 },
          {
            title: t('星期', 'Weekday'),
            dataIndex: 'date',
            width: 90,
            render: (date: string) => t(...WEEKDAYS[weekdayOf(date)]),
          },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'working',
            width: 160,
            render: (working: boolean) =>
              working ? (
                <Tag color={WORKDAY.color}>{t('调休上班', 'Make-up working day')}</Tag>
              ) : (
                <Tag color={HOLIDAY.color}>{t('节假日', 'Holiday')}</Tag>
              ),
          },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          {
            title: t('操作', 'Actions'),
            width: 100,
            render: (_, day) => (
              <Button type="link" size="small" onClick={() => onPick(day.date)}>
                {t('修改', 'Change')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

interface DayDialogProps {
  date: string;
  exception?: CalendarDay;
  onClose: () => void;
  onSaved: () => void;
}

/** Sets a day's exception (PUT /calendar/days/:date) or clears it (DELETE). */
function DayDialog({ date, exception, onClose, onSaved }: DayDialogProps) {
  useReturnFocus();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ working: boolean; name: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const weekend = isWeekend(date);
  const ordinary = weekend ? t('周末（休息日）', 'a weekend day (day off)') : t('工作日', 'a working day');

  const run = async (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
      void message.success(t('日历已更新', 'Calendar updated'));
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const save = (values: { working: boolean; name: string }) =>
    run(() => api(`/calendar/days/${date}`, { method: 'PUT', body: values }));
  const clear = () => run(() => api(`/calendar/days/${date}`, { method: 'DELETE' }));

  return (
    <Modal
      open
      title={`${date} ${t(`星期${WEEKDAYS[weekdayOf(date)][0]}`, WEEKDAYS[weekdayOf(date)][1])}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {exception && (
            <Button danger loading={busy} onClick={() => void clear()}>
              {t('恢复为普通日期', 'Clear the exception')}
            </Button>
          )}
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('保存', 'Save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {exception
          ? t(
              `当前：${exception.name}（${exception.working ? '调休上班' : '节假日'}）`,
              `Now: ${exception.name} (${exception.working ? 'make-up working day' : 'holiday'})`,
            )
          : t(`当前：普通${ordinary}`, `Now: ${ordinary}, no exception`)}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        name="calendar-day"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ working: exception?.working ?? weekend, name: exception?.name ?? '' }}
        onFinish={save}
      >
        <Form.Item name="working" label={t('设为', 'Mark as')}>
          <Radio.Group
            options={[
              { value: false, label: t('节假日（不上班）', 'Holiday (day off)') },
              { value: true, label: t('调休上班（工作日）', 'Make-up working day') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('名称', 'Name')}
          rules={[
            {
              required: true,
              whitespace: true,
              max: 100,
              message: t('请填写名称，如“春节”', 'Enter a name, e.g. “Spring Festival”'),
            },
          ]}
        >
          <Input placeholder={t('如 春节、国庆节调休上班', 'e.g. 春节, 国庆节调休上班')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
