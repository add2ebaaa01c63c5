import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Row, Segmented, Select, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import {
  CHART_COLORS,
  EChart,
  formatRate,
  rateBarHeight,
  rateBarOption,
  rateTrendOption,
} from '../../components/charts';
import { QueryError, QueryState, readState, type ReadState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { useDrillDown, type DrillDownScope } from '../../components/drilldown';
import { useCurrentDefinitions } from '../../components/drilldown/definitions';
import { AssessmentCard } from './AssessmentCard';
import { addDays, isQuarter, quarterDays, quarterOf, shiftQuarter, startOfDay, today } from './periods';
import { RateCard } from './RateCard';
import { CoverageByDistrict } from './CoverageByDistrict';
import type { FiguresReport, RateFigures, ResolutionRateReport, TrendReport, VisitsReport } from './reportTypes';
import { WarningsPanel } from './WarningsPanel';
import { PageTitle } from '../../components/PageTitle';
import { ProjectCards, WatchCards } from './WatchCards';

type Group = NonNullable<ResolutionRateReport['groups']>[number];

const counts = (rate: RateFigures) => `${rate.resolved} / ${rate.recorded}`;

/**
 * Best rate first; groups with nothing recorded (no rate) after them; the problems not yet assigned
 * (key null, 未交办) last of all, since they are no department and take no place in the ranking.
 */
const byRate = (groups: Group[] = []) =>
  [...groups].sort(
    (a, b) =>
      Number(a.key === null) - Number(b.key === null) ||
      (b.ratePercent ?? -1) - (a.ratePercent ?? -1) ||
      b.recorded - a.recorded,
  );

/**
 * The coordination office's dashboard for one quarter (`?period=2025-Q1`, default the current one):
 * the three rates and the visit coverage with their counts, coverage by district, the quarterly
 * trend, the rate per department and per district, and the current warnings. `?asOf=now` takes the figures as of now instead of the quarter's end.
 */
export function DashboardPage() {
  const { t, formatTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const period = isQuarter(params.get('period')) ? params.get('period')! : quarterOf(today());
  const asOf = params.get('asOf') === 'now' ? 'now' : undefined;
  const { first, next } = quarterDays(period);
  const show = (nextPeriod: string, nextAsOf: 'now' | undefined) =>
    setParams(nextAsOf ? { period: nextPeriod, asOf: nextAsOf } : { period: nextPeriod });

  const figures = useQuery({
    queryKey: ['reports', 'dashboard', period, asOf],
    queryFn: ({ signal }) =>
      Promise.all([
        api<FiguresReport>('/reports/figures', { query: { period, asOf }, signal }),
        api<ResolutionRateReport>('/reports/resolution-rate', {
          query: { period, asOf, groupBy: 'department' },
          signal,
        }),
        api<ResolutionRateReport>('/reports/resolution-rate', { query: { period, asOf, groupBy: 'district' }, signal }),
      ]),
    placeholderData: keepPreviousData,
  });
  // A failed read shows nothing of what an earlier one read: its error takes the figures' place.
  const [summary, byDepartment, byDistrict] = figures.error ? [] : (figures.data ?? []);
  const figuresState = readState(figures);
  const visits = useQuery({
    queryKey: ['reports', 'visits', period, asOf],
    queryFn: ({ signal }) =>
      api<VisitsReport>('/reports/visits', { query: { period, asOf, groupBy: 'district' }, signal }),
    placeholderData: keepPreviousData,
  });
  const visitsData = visits.error ? undefined : visits.data;
  /** A bar's problems in the resolution list (as they stand now): this quarter's, of that department or district. */
  const listLink = (filter: Record<string, string>) =>
    `/problems?${new URLSearchParams({ ...filter, from: first, to: addDays(next, -1) })}`;
  const drillDown = useDrillDown();
  const definitions = useCurrentDefinitions();
  /** A figure's items for the quarter and instant the page shows; a group of it when given. */
  // As of now, the drawer opens at the instant the figures were read at, so its numbers are the card's.
  const openFigure = (scope: Omit<DrillDownScope, 'period' | 'asOf'>) =>
    drillDown.open({ ...scope, period, asOf: asOf && (summary?.asOf ?? asOf) });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[16, 8]}>
        <Col>
          <PageTitle title={`${t('工作台', 'Dashboard')} ${period}`}>
            {t('工作台', 'Dashboard')} ·{' '}
            {t(`${period.slice(0, 4)}年第${period.slice(6)}季度`, `${period.slice(5)} ${period.slice(0, 4)}`)}
          </PageTitle>
          <Typography.Text type="secondary">
            {summary
              ? t(`数据截至 ${formatTime(summary.asOf)}`, `Figures as of ${formatTime(summary.asOf)}`)
              : '\u00a0'}
          </Typography.Text>
        </Col>
        <Col>
          <Space wrap>
            <Button onClick={() => show(shiftQuarter(period, -1), asOf)} aria-label={t('上一季度', 'Previous quarter')}>
              ‹
            </Button>
            <DatePicker
              picker="quarter"
              allowClear={false}
              value={dayjs(first)}
              format={() => period}
              disabledDate={(date) => date.format('YYYY-MM-DD') > today()}
              onChange={(date) => date && show(quarterOf(date.format('YYYY-MM-DD')), asOf)}
              aria-label={t('季度', 'Quarter')}
            />
            <Button onClick={() => show(shiftQuarter(period, 1), asOf)} aria-label={t('下一季度', 'Next quarter')}>
              ›
            </Button>
            <Segmented
              value={asOf ?? 'end'}
              onChange={(value) => show(period, value === 'now' ? 'now' : undefined)}
              options={[
                { value: 'end', label: t('期末口径', 'At quarter end') },
                { value: 'now', label: t('截至当前', 'As of now') },
              ]}
            />
          </Space>
        </Col>
      </Row>

      <QueryState {...figuresState} title={t('季度数据', 'Quarter figures')}>
        <SummaryCards
          report={summary}
          resolution={byDepartment}
          visits={visitsData}
          loading={figures.isFetching && !summary}
          definitions={definitions}
          onOpen={(figure, title) =>
            openFigure({ figure, title, listLink: figure === 'resolution-rate' ? listLink({}) : undefined })
          }
        />
      </QueryState>

      <Card
        size="small"
        title={t('各县区走访覆盖率', 'Visit coverage by district')}
        loading={visits.isFetching && !visits.data}
      >
        <QueryState {...readState(visits)} title={t('走访覆盖率', 'Visit coverage')}>
          {visitsData && (
            <CoverageByDistrict
              testId="coverage-by-district"
              rows={(visitsData.groups ?? []).map((g) => ({ ...g, name: g.label }))}
              total={visitsData}
              onPick={(row) =>
                openFigure({
                  figure: 'visit-coverage-rate',
                  groupBy: 'district',
                  group: row.key ?? 'none',
                  title: `${t('走访覆盖率', 'Visit coverage')} · ${row.name}`,
                })
              }
            />
          )}
        </QueryState>
      </Card>

      <ProjectCards
        period={period}
        asOf={asOf}
        definitionId={definitions['project-start-rate']}
        onOpen={(title) => openFigure({ figure: 'project-start-rate', title })}
      />
      <WatchCards period={period} asOf={asOf} />

      <TrendCard periodEnd={next} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <GroupRateCard
            title={t('各责任单位办结率', 'Resolution rate by department')}
            hint={t('点击柱条查看该单位本季度明细', 'Click a bar for its items this quarter')}
            groups={byDepartment?.groups}
            loading={figures.isFetching}
            state={figuresState}
            label={(g) => (g.key === null ? t('未交办', 'Unassigned') : g.label)}
            onPick={(g) =>
              openFigure({
                figure: 'resolution-rate',
                groupBy: 'department',
                group: g.key ?? 'none',
                title: g.key === null ? t('未交办', 'Unassigned') : g.label,
                listLink: g.key === null ? undefined : listLink({ departmentId: g.key }),
              })
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <DistrictRateCard
            groups={byDistrict?.groups}
            loading={figures.isFetching}
            state={figuresState}
            onPick={(key, label) =>
              openFigure({
                figure: 'resolution-rate',
                groupBy: 'district',
                group: key ?? 'none',
                title: label,
                listLink: key === null ? undefined : listLink({ district: key }),
              })
            }
          />
        </Col>
      </Row>
      {drillDown.drawer}

      <AssessmentCard quarter={period} asOf={asOf} />

      <WarningsPanel />
    </Space>
  );
}

interface SummaryProps {
  report?: FiguresReport;
  /** The resolution rate as GET /reports/resolution-rate (the API's fixed contract) gives it. */
  resolution?: RateFigures;
  /** The visit figures of GET /reports/visits, whose coverage stands beside the resolution rate. */
  visits?: VisitsReport;
  loading: boolean;
  /** The definition in force for each figure, by figure. */
  definitions: Record<string, string>;
  onOpen: (figure: DrillDownScope['figure'], title: string) => void;
}

function SummaryCards({
  report,
  resolution = { recorded: 0, resolved: 0, ratePercent: null },
  visits,
  loading,
  definitions,
  onOpen,
}: SummaryProps) {
  const { t } = useI18n();
  /** The card's drill-down and definition id, by the figure it shows. */
  const drill = (figure: DrillDownScope['figure'], title: string) => ({
    title,
    definitionId: definitions[figure],
    onOpen: () => onOpen(figure, title),
  });
  const onTime = report?.onTimeRate ?? { onTime: 0, resolved: 0, ratePercent: null };
  const satisfaction = report?.satisfactionRate ?? {
    satisfied: 0,
    verified: 0,
    ratePercent: null,
    fromEnterprise: 0,
    fromManager: 0,
  };
  const withExtension = report?.onTimeWithExtensionRate ?? { onTimeWithExtension: 0, resolved: 0, ratePercent: null };
  const signFor = report?.signForRate ?? { timely: 0, due: 0, ratePercent: null };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} lg={8}>
        <RateCard
          testId="rate-resolution"
          loading={loading}
          color={CHART_COLORS[0]}
          {...drill('resolution-rate', t('办结率', 'Resolution rate'))}
          definition={t(
            '本季度登记（未撤回）的问题中，截至统计时点已办结或已销号的比例',
            'Of the problems recorded this quarter (not withdrawn), the share resolved or closed at the time of the figure',
          )}
          ratePercent={resolution.ratePercent}
          numerator={resolution.resolved}
          denominator={resolution.recorded}
          parts={t('其中已办结 / 本季度登记', 'of these resolved / recorded this quarter')}
        />
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <RateCard
          testId="rate-coverage"
          loading={loading || !visits}
          color={CHART_COLORS[2]}
          {...drill('visit-coverage-rate', t('走访覆盖率', 'Visit coverage'))}
          definition={t(
            '本季度有包联干部的企业中，本季度至少走访过一次的比例',
            'Of the enterprises under responsibility this quarter, the share visited at least once in it',
          )}
          ratePercent={visits?.coverageRatePercent ?? null}
          numerator={visits?.enterprisesVisited ?? 0}
          denominator={visits?.enterprisesResponsible ?? 0}
          parts={t(
            `已走访 / 包联企业 · 走访 ${visits?.visits ?? 0} 次`,
            `visited / under responsibility · ${visits?.visits ?? 0} visits`,
          )}
        />
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <RateCard
          testId="rate-on-time"
          loading={loading}
          color={CHART_COLORS[1]}
          {...drill('on-time-rate', t('按期办结率', 'On-time rate'))}
          definition={t(
            '本季度办结的问题中，在办理时限内办结的比例',
            'Of the problems resolved this quarter, the share resolved by their due date',
          )}
          ratePercent={onTime.ratePercent}
          numerator={onTime.onTime}
          denominator={onTime.resolved}
          parts={t('按期 / 本季度办结', 'on time / resolved this quarter')}
        />
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <RateCard
          testId="rate-on-time-with-extension"
          loading={loading}
          color={CHART_COLORS[1]}
          {...drill('on-time-with-extension-rate', t('延期后按期办结率', 'On time with approved extensions'))}
          definition={t(
            '本季度办结的问题中，在批准延期后的时限（未延期的按首次时限）内办结的比例',
            'Of the problems resolved this quarter, the share resolved by the deadline as extended by an approved request (the first deadline when none was)',
          )}
          ratePercent={withExtension.ratePercent}
          numerator={withExtension.onTimeWithExtension}
          denominator={withExtension.resolved}
          parts={t('延期后按期 / 本季度办结', 'on time with extensions / resolved this quarter')}
        />
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <RateCard
          testId="rate-sign-for"
          loading={loading}
          color={CHART_COLORS[1]}
          {...drill('sign-for-rate', t('及时签收率', 'Timely sign-for rate'))}
          definition={t(
            '本季度交办（含改派到其他单位）且已到签收时限或已签收的，在签收时限内签收的比例',
            'Of the assignments this quarter whose sign-for deadline has passed or that were signed for, the share signed for in time',
          )}
          ratePercent={signFor.ratePercent}
          numerator={signFor.timely}
          denominator={signFor.due}
          parts={t(
            `及时签收 / 应签收 · 返工 ${report?.redos.count ?? 0} 次`,
            `in time / due · ${report?.redos.count ?? 0} redos`,
          )}
        />
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <RateCard
          testId="rate-satisfaction"
          loading={loading}
          color={CHART_COLORS[3]}
          {...drill('satisfaction-rate', t('满意率', 'Satisfaction rate'))}
          definition={t(
            '本季度回访的问题中，企业评价满意或基本满意的比例',
            'Of the problems verified this quarter, the share the enterprise found satisfied or basically satisfied',
          )}
          ratePercent={satisfaction.ratePercent}
          numerator={satisfaction.satisfied}
          denominator={satisfaction.verified}
          parts={t(
            `满意 / 回访 · 企业自评 ${satisfaction.fromEnterprise}，回访录入 ${satisfaction.fromManager}`,
            `satisfied / verified · ${satisfaction.fromEnterprise} rated by the enterprise, ${satisfaction.fromManager} by a manager`,
          )}
        />
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <Card size="small" loading={loading} style={{ height: '100%', borderTop: `3px solid ${CHART_COLORS[4]}` }}>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic
                title={t('办结用时中位数', 'Median time to resolve')}
                value={
                  report?.medianDaysToResolve != null
                    ? t(`${report.medianDaysToResolve} 天`, `${report.medianDaysToResolve} days`)
                    : '—'
                }
              />
            </Col>
            <Col span={12}>
              <Statistic title={t('退回次数', 'Returns')} value={report?.returns ?? 0} />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}

/** The three rates over the eight quarters ending with the one shown, each as of its own end. */
function TrendCard({ periodEnd }: { periodEnd: string }) {
  const { t } = useI18n();
  const trend = useQuery({
    queryKey: ['reports', 'trend', periodEnd],
    queryFn: ({ signal }) =>
      api<TrendReport>('/reports/trend', {
        query: { granularity: 'quarter', periods: 8, to: startOfDay(periodEnd) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const option = useMemo(() => {
    const points = trend.data?.points ?? [];
    return rateTrendOption(
      points.map((p) => p.period.label),
      [
        {
          name: t('办结率', 'Resolution rate'),
          color: CHART_COLORS[0],
          points: points.map(({ period, resolutionRate: r }) => ({
            label: period.label,
            ratePercent: r.ratePercent,
            detail: counts(r),
          })),
        },
        {
          name: t('按期办结率', 'On-time rate'),
          color: CHART_COLORS[1],
          points: points.map(({ period, onTimeRate: r }) => ({
            label: period.label,
            ratePercent: r.ratePercent,
            detail: `${r.onTime} / ${r.resolved}`,
          })),
        },
        {
          name: t('满意率', 'Satisfaction rate'),
          color: CHART_COLORS[3],
          points: points.map(({ period, satisfactionRate: r }) => ({
            label: period.label,
            ratePercent: r.ratePercent,
            detail: `${r.satisfied} / ${r.verified}`,
          })),
        },
      ],
    );
  }, [trend.data, t]);
  return (
    <Card
      size="small"
      title={t('近八个季度趋势', 'Trend over eight quarters')}
      loading={trend.isFetching && !trend.data && !trend.error}
    >
      <QueryState {...readState(trend)}>
        <EChart
          option={option}
          height={300}
          testId="chart-trend"
          ariaLabel={t('季度趋势图', 'Quarterly trend chart')}
        />
      </QueryState>
    </Card>
  );
}

interface GroupRateProps {
  title: string;
  hint: string;
  groups?: Group[];
  loading: boolean;
  /** The read the groups come from: its error takes the chart's place. */
  state: ReadState;
  label: (group: Group) => string;
  onPick: (group: Group) => void;
}

/** The resolution rate per group as horizontal bars, best first; a click opens the group's drill-down. */
function GroupRateCard({ title, hint, groups, loading, state, label, onPick }: GroupRateProps) {
  const { t } = useI18n();
  const sorted = byRate(groups);
  const points = sorted.map((g) => ({ label: label(g), ratePercent: g.ratePercent, detail: counts(g) }));
  const seriesName = t('办结率', 'Resolution rate');
  // A new option only when what it shows changes (labels follow the language and the reference data):
  // the points are built anew on every render, so the memo is keyed by their text, not by them.
  const key = JSON.stringify([points, seriesName]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for points and seriesName
  const option = useMemo(() => rateBarOption(points, seriesName), [key]);
  return (
    <Card
      size="small"
      title={title}
      extra={<Typography.Text type="secondary">{hint}</Typography.Text>}
      loading={loading && !groups && !state.error}
    >
      {state.error ? (
        <QueryError {...state} />
      ) : sorted.some((g) => g.recorded > 0) ? (
        <>
          <EChart
            option={option}
            height={rateBarHeight(sorted.length, 220)}
            onClick={({ dataIndex }) => onPick(sorted[dataIndex])}
            ariaLabel={title}
          />
          {/* The same drill-down as a click on a bar, for the keyboard and screen readers. */}
          <Select
            size="small"
            showSearch={{ optionFilterProp: 'label' }}
            value={null}
            style={{ width: '100%', marginTop: 8 }}
            placeholder={t('选择一项查看其明细', 'Choose one to show its items')}
            aria-label={t(`${title}：查看明细`, `${title}: show the items`)}
            options={sorted.map((g, index) => ({
              value: index,
              label: `${points[index].label} · ${formatRate(g.ratePercent)} (${counts(g)})`,
            }))}
            onChange={(index: number) => onPick(sorted[index])}
          />
        </>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('本季度没有登记的问题', 'No problems recorded this quarter')}
        />
      )}
    </Card>
  );
}

function DistrictRateCard(props: {
  groups?: Group[];
  loading: boolean;
  state: ReadState;
  onPick: (district: string | null, label: string) => void;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  return (
    <GroupRateCard
      title={t('各县区办结率', 'Resolution rate by district')}
      hint={t('点击柱条查看该县区本季度明细', 'Click a bar for its items this quarter')}
      groups={props.groups}
      loading={props.loading}
      state={props.state}
      label={(g) => labels.district(g.key)}
      onPick={(g) => props.onPick(g.key, labels.district(g.key))}
    />
  );
}
