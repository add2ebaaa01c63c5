import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { api } from '../../api';
import type { components } from '../../api/schema';
import { QueryState, readState } from '../../components/QueryState';
import { useI18n } from '../../i18n';

type ProductionReport = components['schemas']['ProductionReport'];
type ProjectsReport = components['schemas']['ProjectFiguresReportResponse'];

/** Yuan as 亿元 (hundred millions), two decimals. */
const yi = (yuan: number) => (yuan / 1e8).toFixed(2);

/**
 * Key projects on the dashboard: the start rate (开工率) of the period's year's plan with its counts,
 * and the completed investment of the period against the same months a year before.
 */
export function ProjectCards({
  period,
  asOf,
  definitionId,
  onOpen,
}: {
  period: string;
  asOf?: 'now';
  /** The start rate's definition id (口径), shown under its counts. */
  definitionId?: string;
  /** Opens the start rate's items (its drill-down). */
  onOpen?: (title: string) => void;
}) {
  const { t } = useI18n();
  const report = useQuery({
    queryKey: ['reports', 'projects', period, asOf],
    queryFn: ({ signal }) => api<ProjectsReport>('/reports/projects', { query: { period, asOf }, signal }),
    placeholderData: keepPreviousData,
  });
  const data = report.error ? undefined : report.data;
  return (
    <QueryState {...readState(report)} title={t('重点项目', 'Key projects')}>
      <Row gutter={[16, 16]} data-testid="project-cards">
        <Col xs={24} md={12}>
          <Card size="small">
            <Statistic
              title={t(
                `重点项目开工率（${data?.planYear ?? ''} 年计划）`,
                `Start rate of the ${data?.planYear ?? ''} plan`,
              )}
              value={data?.startRatePercent ?? '—'}
              suffix={data?.startRatePercent == null ? undefined : '%'}
              precision={data?.startRatePercent == null ? undefined : 1}
              loading={!data}
            />
            {data && (
              <Typography.Text type="secondary" data-testid="start-rate-counts">
                {t(`已开工 ${data.started} / 计划 ${data.planned} 个`, `${data.started} of ${data.planned} started`)}
              </Typography.Text>
            )}
            {data && onOpen && (
              <Button
                type="link"
                size="small"
                onClick={() => onOpen(t('重点项目开工率', 'Project start rate'))}
                data-testid="start-rate-open"
              >
                {t('查看明细', 'Show the items')}
              </Button>
            )}
            {definitionId && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('口径', 'Definition')} {definitionId}
                </Typography.Text>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small">
            <Statistic
              title={t('完成投资（亿元）', 'Completed investment (100 m yuan)')}
              value={data ? yi(data.investmentYuan) : '—'}
              loading={!data}
            />
            {data && (
              <Typography.Text type="secondary">
                {t(
                  `上年同期 ${yi(data.previousYearInvestmentYuan)} 亿元，增长 ${data.investmentGrowthPercent ?? '—'}%`,
                  `a year before ${yi(data.previousYearInvestmentYuan)}, growth ${data.investmentGrowthPercent ?? '—'} %`,
                )}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </QueryState>
  );
}

/**
 * Enterprises under watch on the dashboard: idle and reduced at the quarter's end (or now), and the
 * quarter's resumption rate (复产率) with its counts.
 */
export function WatchCards({ period, asOf }: { period: string; asOf?: 'now' }) {
  const { t } = useI18n();
  const report = useQuery({
    queryKey: ['reports', 'production', period, asOf],
    queryFn: ({ signal }) => api<ProductionReport>('/reports/production', { query: { period, asOf }, signal }),
    placeholderData: keepPreviousData,
  });
  const data = report.error ? undefined : report.data;
  const rate = data?.resumptionRate;
  return (
    <QueryState {...readState(report)} title={t('停产减产企业', 'Idle and reduced enterprises')}>
      <Row gutter={[16, 16]} data-testid="watch-cards">
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('停产企业', 'Idle enterprises')} value={data?.idle ?? '—'} loading={!data} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('减产企业', 'Reduced output')} value={data?.reduced ?? '—'} loading={!data} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('复产率', 'Resumption rate')}
              value={rate?.ratePercent ?? '—'}
              suffix={rate?.ratePercent === null || rate === undefined ? undefined : '%'}
              precision={rate?.ratePercent === null ? undefined : 1}
              loading={!data}
            />
            {rate && (
              <Typography.Text type="secondary">
                {t(
                  `期初停产 ${rate.idleAtStart} 家，已复产 ${rate.resumed} 家`,
                  `${rate.resumed} of ${rate.idleAtStart} idle at the start resumed`,
                )}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </QueryState>
  );
}
