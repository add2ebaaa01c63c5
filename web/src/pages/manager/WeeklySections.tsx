import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useDeadlineText } from '../../components/workflow/Deadline';
import {
  CHART_COLORS,
  departmentRatesChart,
  EChart,
  formatRate,
  rateCounts as counts,
  weeklyTrendChart,
} from '../../components/charts';
import { useI18n } from '../../i18n';
import { usePagination } from '../../components/usePagination';
import { useLabels } from '../../reference';
import { STATUS_COLORS } from './problemQuery';
import { RateCard } from './RateCard';
import type { DrillDownScope } from '../../components/drilldown';
import { TIER_LABELS, type Tier } from '../../../../src/enterprises/tiers';
import { CoverageByDistrict } from './CoverageByDistrict';
import type {
  WeeklyDepartmentRow,
  WeeklyIdleOfficial,
  WeeklyOverdueEnterprise,
  WeeklyProblemItem,
  WeeklyReport,
  WeeklyVisits,
} from './reportTypes';

/** A titled block of the report (the print styles in web/index.html say how it breaks across pages). */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} className="weekly-section">
      {children}
    </Card>
  );
}

/**
 * The visits (走访情况), first in the report: the week's visits and enterprises reached, the
 * quarter's coverage by district with n / N, officials without a visit, enterprises overdue for
 * one, and the policies promoted.
 */
/** The coverage figure's colour: dark enough to read as text on white (WCAG AA). */
const COVERAGE_TEXT_COLOR = '#006d75';

export function VisitsSection({ visits }: { visits: WeeklyVisits }) {
  const { t, lang, formatTime } = useI18n();
  const pagination = usePagination({ pageSize: 10, hideOnSinglePage: true });
  const { coverage } = visits;
  return (
    <Section title={t('走访情况', 'Visits')}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('本周走访次数', 'Visits this week')} value={visits.visitsThisWeek} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('本周走访企业数', 'Enterprises reached this week')} value={visits.enterprisesReached} />
        </Col>
        <Col xs={24} md={12}>
          <RateCard
            testId="weekly-coverage-quarter"
            color={COVERAGE_TEXT_COLOR}
            title={`${t('季度累计走访覆盖率', 'Quarter-to-date visit coverage')} (${coverage.label})`}
            definition={t(
              '本季度截至本周末有包联干部的企业中，已走访至少一次的比例',
              'Of the enterprises under responsibility this quarter up to the end of the week, the share visited at least once',
            )}
            ratePercent={coverage.coverageRatePercent}
            numerator={coverage.enterprisesVisited}
            denominator={coverage.enterprisesResponsible}
            parts={t('已走访 / 包联企业', 'visited / under responsibility')}
          />
        </Col>
      </Row>
      <Typography.Title level={5}>
        {t('各县区季度累计走访覆盖率', 'Quarter-to-date visit coverage by district')}
      </Typography.Title>
      <CoverageByDistrict
        testId="weekly-coverage-by-district"
        rows={coverage.districts.map((d) => ({
          ...d,
          key: d.districtCode,
          name: lang === 'en' ? d.nameEn : d.name,
        }))}
        total={coverage}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>
            {t('本周未走访的包联干部', 'Officials with no visit this week')} ({visits.officialsWithoutVisit.length})
          </Typography.Title>
          <Table<WeeklyIdleOfficial>
            size="small"
            rowKey="userId"
            dataSource={visits.officialsWithoutVisit}
            pagination={false}
            locale={{ emptyText: t('无', 'None') }}
            columns={[
              { title: t('包联干部', 'Official'), dataIndex: 'name' },
              { title: t('包联企业数', 'Enterprises'), dataIndex: 'enterprises', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} lg={16}>
          <Typography.Title level={5}>
            {t('超期未走访企业', 'Enterprises overdue for a visit')} ({visits.overdueTotal})
          </Typography.Title>
          <Table<WeeklyOverdueEnterprise>
            size="small"
            rowKey="enterpriseId"
            dataSource={visits.overdueEnterprises}
            pagination={pagination}
            locale={{ emptyText: t('无', 'None') }}
            columns={[
              { title: t('企业', 'Enterprise'), dataIndex: 'name' },
              {
                title: t('县区', 'District'),
                dataIndex: lang === 'en' ? 'districtNameEn' : 'districtName',
                responsive: ['md'],
              },
              {
                title: t('层级', 'Tier'),
                dataIndex: 'tier',
                responsive: ['md'],
                render: (tier: string, row) => {
                  const label = TIER_LABELS[tier as Tier];
                  return label ? t(label.zh, label.en) : row.tierLabel;
                },
              },
              {
                title: t('最近走访', 'Last visit'),
                dataIndex: 'lastVisitAt',
                render: (v: string | null) => (v ? formatTime(v, true) : t('从未走访', 'Never visited')),
              },
              {
                title: t('超期天数', 'Days overdue'),
                dataIndex: 'daysOverdue',
                align: 'right',
                render: (n: number) => <Typography.Text type="danger">{n}</Typography.Text>,
              },
              {
                title: t('包联干部', 'Officials'),
                dataIndex: 'officials',
                render: (names: string[]) => names.join('、'),
              },
            ]}
          />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('本周宣传政策', 'Policies promoted this week')}</Typography.Title>
      {visits.policies.length ? (
        <Space wrap>
          {visits.policies.map((p) => (
            <Tag key={p.policy} color="green">
              {p.policy} × {p.visits}
            </Tag>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('无', 'None')}</Typography.Text>
      )}
    </Section>
  );
}

export function SummarySection({ summary }: { summary: WeeklyReport['summary'] }) {
  const { t } = useI18n();
  const items: [keyof WeeklyReport['summary'], string, string][] = [
    ['recordedThisWeek', '本周登记', 'Recorded this week'],
    ['resolvedThisWeek', '本周办结', 'Resolved this week'],
    ['closedThisWeek', '本周关闭/销号', 'Closed this week'],
    ['openAtEnd', '周末在办', 'Open at end of week'],
    ['overdueAtEnd', '周末超期', 'Overdue at end of week'],
    ['escalatedThisWeek', '本周督办', 'Escalated this week'],
  ];
  return (
    <Section title={t('概况', 'Summary')}>
      <Row gutter={[16, 16]}>
        {items.map(([key, zh, en]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Statistic
              title={t(zh, en)}
              value={summary[key]}
              styles={{
                content: key === 'overdueAtEnd' && summary[key] > 0 ? { color: CHART_COLORS[0] } : undefined,
              }}
            />
          </Col>
        ))}
      </Row>
    </Section>
  );
}

interface RatesProps {
  rates: WeeklyReport['rates'];
  /** The report's ISO week, e.g. 2025-W14. */
  week: string;
  /** The report's instant: the week's end, or now while the week runs. */
  asOf: string;
  onOpen: (scope: DrillDownScope) => void;
}

/**
 * The week's resolution rates. Each card opens the problems behind it: the quarter and the year to
 * date as of the report's instant (so the items are the card's own), the previous quarter as of its
 * end; the button under them, the problems recorded in the week itself (`period=2025-W14`).
 */
export function RatesSection({ rates, week, asOf, onOpen }: RatesProps) {
  const { t } = useI18n();
  const parts = t('办结 / 登记', 'resolved / recorded');
  const open = (period: string, title: string, at?: string) => () =>
    onOpen({ figure: 'resolution-rate', period, asOf: at, title });
  return (
    <Section title={t('办结率', 'Rates')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <RateCard
            definitionId={rates.quarterToDate.definition}
            onOpen={open(rates.quarterToDate.label, t('季度累计办结率', 'Quarter-to-date resolution rate'), asOf)}
            testId="weekly-rate-quarter"
            color={CHART_COLORS[0]}
            title={`${t('季度累计办结率', 'Quarter-to-date resolution rate')} (${rates.quarterToDate.label})`}
            definition={t(
              '本季度截至本周末登记的问题中，已办结或已销号的比例',
              'Of the problems recorded this quarter up to the end of the week, the share resolved or closed',
            )}
            ratePercent={rates.quarterToDate.ratePercent}
            numerator={rates.quarterToDate.resolved}
            denominator={rates.quarterToDate.recorded}
            parts={parts}
          />
        </Col>
        <Col xs={24} md={12}>
          <RateCard
            definitionId={rates.yearToDate.definition}
            onOpen={open(rates.yearToDate.label, t('年度累计办结率', 'Year-to-date resolution rate'), asOf)}
            testId="weekly-rate-year"
            color={CHART_COLORS[1]}
            title={`${t('年度累计办结率', 'Year-to-date resolution rate')} (${rates.yearToDate.label})`}
            definition={t(
              '本年度截至本周末登记的问题中，已办结或已销号的比例',
              'Of the problems recorded this year up to the end of the week, the share resolved or closed',
            )}
            ratePercent={rates.yearToDate.ratePercent}
            numerator={rates.yearToDate.resolved}
            denominator={rates.yearToDate.recorded}
            parts={parts}
          />
        </Col>
        {rates.previousQuarter && (
          <Col xs={24} md={12}>
            <RateCard
              definitionId={rates.previousQuarter.definition}
              onOpen={open(
                rates.previousQuarter.label,
                t('上季度最终办结率', 'Previous quarter, final resolution rate'),
              )}
              testId="weekly-rate-previous-quarter"
              color={CHART_COLORS[3]}
              title={`${t('上季度最终办结率', 'Previous quarter, final resolution rate')} (${rates.previousQuarter.label})`}
              definition={t(
                '季度初几周的季度累计数据尚少，并列上一季度截至季度末的最终办结率（即已公布的数字）',
                'Early in a quarter its own figure rests on few problems; the previous quarter as of its end (the published figure) stands beside it',
              )}
              ratePercent={rates.previousQuarter.ratePercent}
              numerator={rates.previousQuarter.resolved}
              denominator={rates.previousQuarter.recorded}
              parts={parts}
            />
          </Col>
        )}
      </Row>
      <Button
        className="no-print"
        style={{ marginTop: 8 }}
        onClick={open(week, t(`${week} 登记问题的办结情况`, `Problems recorded in ${week}`), asOf)}
        data-testid="weekly-rate-week-open"
      >
        {t(`查看本周（${week}）登记问题明细`, `Show the problems recorded in ${week}`)}
      </Button>
    </Section>
  );
}

export function DepartmentsSection({ departments }: { departments: WeeklyDepartmentRow[] }) {
  const { t } = useI18n();
  const seriesName = t('季度累计办结率', 'Quarter-to-date resolution rate');
  const chart = useMemo(() => departmentRatesChart(departments, seriesName), [departments, seriesName]);
  return (
    <Section title={t('各责任单位', 'By department')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          <Table<WeeklyDepartmentRow>
            size="small"
            rowKey="departmentId"
            dataSource={departments}
            pagination={false}
            columns={[
              { title: t('责任单位', 'Department'), dataIndex: 'name' },
              { title: t('在办', 'Open'), dataIndex: 'open', align: 'right' },
              { title: t('本周办结', 'Resolved this week'), dataIndex: 'resolvedThisWeek', align: 'right' },
              {
                title: t('超期', 'Overdue'),
                dataIndex: 'overdue',
                align: 'right',
                render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
              },
              {
                title: t('季度累计（办结/登记）', 'Quarter to date (resolved / recorded)'),
                align: 'right',
                render: (_, row) => counts(row),
              },
              {
                title: t('办结率', 'Rate'),
                dataIndex: 'ratePercent',
                align: 'right',
                render: formatRate,
              },
              {
                title: t('协办（在办/本周完成）', 'Assisting (open / done this week)'),
                align: 'right',
                render: (_, row) => `${row.assistsOpen} / ${row.assistsDoneThisWeek}`,
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={11}>
          <Typography.Text strong>{seriesName}</Typography.Text>
          <EChart
            option={chart.option}
            height={chart.height}
            testId="weekly-chart-departments"
            ariaLabel={seriesName}
          />
        </Col>
      </Row>
    </Section>
  );
}

/** The last eight weeks' rates; a week chosen below the chart opens the problems recorded in it. */
export function TrendSection({
  trend,
  onOpen,
}: {
  trend: WeeklyReport['trend'];
  onOpen: (scope: DrillDownScope) => void;
}) {
  const { t } = useI18n();
  const name = t('办结率', 'Resolution rate');
  const chart = useMemo(() => weeklyTrendChart(trend, name), [trend, name]);
  return (
    <Section title={t('近八周办结率', 'Resolution rate, last eight weeks')}>
      <EChart
        option={chart.option}
        height={chart.height}
        testId="weekly-chart-trend"
        ariaLabel={t('近八周办结率', 'Resolution rate, last eight weeks')}
      />
      <Select
        className="no-print"
        size="small"
        value={null}
        style={{ width: '100%', marginTop: 8 }}
        placeholder={t('选择一周查看其登记问题明细', 'Choose a week to show the problems recorded in it')}
        aria-label={t('近八周办结率：查看明细', 'Resolution rate, last eight weeks: show the items')}
        options={trend.map((w) => ({
          value: w.label,
          label: `${w.label} · ${formatRate(w.ratePercent)} (${w.resolved} / ${w.recorded})`,
        }))}
        onChange={(label: string) =>
          onOpen({
            figure: 'resolution-rate',
            period: label,
            title: t(`${label} 登记问题的办结情况`, `Problems recorded in ${label}`),
          })
        }
      />
    </Section>
  );
}

export type ListKey = keyof WeeklyReport['lists'];

/** One of the lists the meeting walks through: new, overdue, escalated, unsatisfied. */
export function ProblemListSection({ kind, items }: { kind: ListKey; items: WeeklyProblemItem[] }) {
  const { t, lang, formatTime } = useI18n();
  const deadlineText = useDeadlineText();
  const labels = useLabels();
  const titles: Record<ListKey, string> = {
    new: t('本周新增问题', 'New this week'),
    overdue: t('超期问题', 'Overdue'),
    escalated: t('督办问题', 'Escalated'),
    unsatisfied: t('不满意回访', 'Unsatisfied feedback'),
  };
  const columns: ColumnsType<WeeklyProblemItem> = [
    {
      title: t('编号', 'Code'),
      dataIndex: 'code',
      width: 120,
      render: (code: string, row) => <Link to={`/problems/${row.id}`}>{code}</Link>,
    },
    { title: t('标题', 'Title'), dataIndex: 'title' },
    { title: t('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
    {
      title: t('县区', 'District'),
      dataIndex: lang === 'en' ? 'districtNameEn' : 'districtName',
      width: 110,
      responsive: ['lg'],
    },
    {
      title: t('类别', 'Category'),
      dataIndex: lang === 'en' ? 'categoryNameEn' : 'categoryName',
      width: 100,
      responsive: ['lg'],
    },
    {
      title: t('责任单位', 'Department'),
      dataIndex: 'departmentName',
      width: 140,
      render: (name: string | null) => name ?? t('未交办', 'Unassigned'),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 90,
      render: (status: string) => <Tag color={STATUS_COLORS[status]}>{labels.status(status)}</Tag>,
    },
    {
      title: t('登记时间', 'Reported'),
      dataIndex: 'reportedAt',
      width: 110,
      render: (v: string) => formatTime(v, true),
    },
    {
      title: t('办理时限', 'Due'),
      dataIndex: 'dueAt',
      width: 150,
      render: (v: string | null) => (v ? deadlineText(v) : '—'),
    },
  ];
  if (kind === 'overdue') {
    columns.push({
      title: t('超期工作日', 'Working days overdue'),
      dataIndex: 'daysOverdue',
      width: 110,
      align: 'right',
      render: (days: number | null) => <Typography.Text type="danger">{days ?? '—'}</Typography.Text>,
    });
  }
  if (kind === 'escalated' || kind === 'unsatisfied') {
    columns.push({
      title: kind === 'escalated' ? t('督办意见', 'Escalation note') : t('企业意见', 'Feedback'),
      dataIndex: 'note',
    });
  }
  return (
    <Section title={`${titles[kind]} (${items.length})`}>
      {items.length ? (
        <Table<WeeklyProblemItem> size="small" rowKey="id" dataSource={items} columns={columns} pagination={false} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('无', 'None')} />
      )}
    </Section>
  );
}
