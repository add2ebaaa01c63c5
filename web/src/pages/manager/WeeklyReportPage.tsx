import { EnterprisesSection, ProjectsSection } from './WeeklyWatchSections';
import { WeeklyAssessmentSection } from './WeeklyAssessmentSection';
import { useDrillDown } from '../../components/drilldown';
import { SupervisionSection } from './WeeklySupervisionSection';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Row, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../../api';
import { QueryError, readState } from '../../components/QueryState';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { addDays, isIsoWeek, isoWeekMonday, isoWeekOf, shiftWeek, today } from './periods';
import type { WeeklyReport } from './reportTypes';
import {
  DepartmentsSection,
  ProblemListSection,
  RatesSection,
  SummarySection,
  TrendSection,
  VisitsSection,
  type ListKey,
} from './WeeklySections';
import { PageTitle } from '../../components/PageTitle';

const FORMATS = [
  { format: 'xlsx', label: ['下载 Excel', 'Spreadsheet'] },
  { format: 'csv', label: ['下载 CSV', 'CSV'] },
  { format: 'html', label: ['下载网页版', 'Web page'] },
  { format: 'docx', label: ['下载 Word', 'Word document'] },
] as const;

const LISTS: ListKey[] = ['new', 'overdue', 'escalated', 'unsatisfied'];

/** The weekly coordination report (周调度) of one ISO week (`?week=2025-W14`, default this week). */
export function WeeklyReportPage() {
  const { t, lang, formatTime } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const thisWeek = isoWeekOf(today());
  // A week that has not begun has no report (the service refuses it): this week at the latest.
  const asked = isIsoWeek(params.get('week')) ? params.get('week')! : thisWeek;
  const week = isoWeekMonday(asked) > isoWeekMonday(thisWeek) ? thisWeek : asked;
  const drillDown = useDrillDown();
  const monday = isoWeekMonday(week);
  const report = useQuery({
    queryKey: ['reports', 'weekly', week],
    queryFn: ({ signal }) => api<WeeklyReport>('/reports/weekly', { query: { week }, signal }),
    placeholderData: keepPreviousData,
  });
  const [downloading, setDownloading] = useState<string | null>(null);

  const save = async (format: (typeof FORMATS)[number]['format']) => {
    setDownloading(format);
    try {
      await download('/reports/weekly', { week, format, lang }, `${t('周调度', 'weekly')}-${week}.${format}`);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setDownloading(null);
    }
  };

  // A failed read shows nothing of an earlier week's: its error takes the report's place.
  const data = report.error ? undefined : report.data;
  const inProgress = data && new Date(data.asOf) < new Date(data.week.to);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[16, 8]} className="no-print">
        <Col>
          <Space wrap>
            <Button onClick={() => setParams({ week: shiftWeek(week, -1) })} aria-label={t('上一周', 'Previous week')}>
              ‹
            </Button>
            <DatePicker
              allowClear={false}
              value={dayjs(monday)}
              format={() => `${week} · ${monday} ~ ${addDays(monday, 6)}`}
              onChange={(date) => date && setParams({ week: isoWeekOf(date.format('YYYY-MM-DD')) })}
              disabledDate={(date) => date.format('YYYY-MM-DD') > addDays(isoWeekMonday(thisWeek), 6)}
              style={{ width: 290 }}
              aria-label={t('周次', 'Week')}
            />
            <Button
              onClick={() => setParams({ week: shiftWeek(week, 1) })}
              aria-label={t('下一周', 'Next week')}
              disabled={week === thisWeek}
            >
              ›
            </Button>
          </Space>
        </Col>
        <Col>
          <Space wrap>
            <Button type="primary" onClick={() => window.print()} disabled={!data}>
              {t('打印', 'Print')}
            </Button>
            {FORMATS.map(({ format, label }) => (
              <Button key={format} loading={downloading === format} onClick={() => void save(format)}>
                {t(label[0], label[1])}
              </Button>
            ))}
          </Space>
        </Col>
      </Row>

      <div>
        <PageTitle title={`${t('周报', 'Weekly report')} ${week}`} style={{ marginBottom: 4 }}>
          {t('酒泉市涉企问题办理周调度报告', 'Jiuquan business problem resolution: weekly coordination report')}
        </PageTitle>
        <Typography.Text type="secondary">
          {t(`${week}（${monday} 至 ${addDays(monday, 6)}）`, `${week} (${monday} to ${addDays(monday, 6)})`)}
          {data && ` · ${t('数据截至', 'Figures as of')} ${formatTime(data.asOf)}`}
        </Typography.Text>
      </div>

      {!!report.error && <QueryError {...readState(report)} title={t('周报', 'Weekly report')} />}
      {inProgress && (
        <Alert
          type="info"
          showIcon
          title={t(
            '本周尚未结束，数据为截至上述时间的情况',
            'The week has not ended; the figures are as of the time above',
          )}
        />
      )}
      {!data && !report.error && report.isFetching && (
        <Spin size="large" style={{ display: 'block', margin: '64px auto' }} />
      )}
      {data && (
        <Spin spinning={report.isFetching}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <VisitsSection visits={data.visits} />
            <SummarySection summary={data.summary} />
            <RatesSection rates={data.rates} week={week} asOf={data.asOf} onOpen={drillDown.open} />
            <DepartmentsSection departments={data.departments} />
            <TrendSection trend={data.trend} onOpen={drillDown.open} />
            {LISTS.map((kind) => (
              <ProblemListSection key={kind} kind={kind} items={data.lists[kind]} />
            ))}
            <ProjectsSection section={data.projects} />
            <EnterprisesSection section={data.enterprises} />
            <SupervisionSection section={data.supervision} />
            {data.assessment && <WeeklyAssessmentSection ranking={data.assessment} />}
          </Space>
        </Spin>
      )}
      {drillDown.drawer}
    </Space>
  );
}
