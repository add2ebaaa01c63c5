import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Empty, Progress, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, download } from '../../api';
import type { components } from '../../api/schema';
import { QueryState, readState } from '../../components/QueryState';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { COMPONENT_LABELS, COMPONENTS, KIND_LABELS, LEVEL_LABELS } from './assessmentLabels';

type Schemas = components['schemas'];
type AssessmentReport = Schemas['AssessmentReport'];
type AssessmentDepartment = Schemas['AssessmentDepartment'];
type DeductionsReport = Schemas['DeductionsReport'];
type DeductionItem = Schemas['DeductionItem'];

/** The months of a quarter label (2025-Q1 → 2025-01, 2025-02, 2025-03). */
function monthsOf(quarter: string): string[] {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

/**
 * The department assessment (考核) on the dashboard: each department's score as a bar, best first,
 * for the quarter shown or one of its months; a department opens the problems behind its lost points.
 */
export function AssessmentCard({ quarter, asOf }: { quarter: string; asOf?: 'now' }) {
  const { t, formatTime } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const period = chosen && monthsOf(quarter).includes(chosen) ? chosen : quarter;
  const [open, setOpen] = useState<AssessmentDepartment | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const report = useQuery({
    queryKey: ['reports', 'assessment', period, asOf],
    queryFn: ({ signal }) => api<AssessmentReport>('/reports/assessment', { query: { period, asOf }, signal }),
    placeholderData: keepPreviousData,
  });
  const data = report.error ? undefined : report.data;
  const title = t('部门考核排名', 'Department assessment ranking');
  return (
    <Card
      size="small"
      title={title}
      data-testid="assessment-card"
      extra={
        <Segmented
          size="small"
          value={period}
          onChange={(value) => setChosen(String(value))}
          aria-label={t('考核期间', 'Assessment period')}
          options={[
            { value: quarter, label: t('全季度', 'Quarter') },
            ...monthsOf(quarter).map((m) => ({ value: m, label: t(`${Number(m.slice(5))}月`, m) })),
          ]}
        />
      }
      loading={report.isFetching && !data && !report.error}
    >
      <QueryState {...readState(report)} title={title}>
        {data && data.departments.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('本期没有可考核的事项', 'Nothing to assess')} />
        )}
        {data && data.departments.length > 0 && (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t(
                `权重：${COMPONENTS.map((c) => `${COMPONENT_LABELS[c][0]} ${data.weights[c]}`).join('，')}；数据截至 ${formatTime(data.asOf)}`,
                `Weights: ${COMPONENTS.map((c) => `${COMPONENT_LABELS[c][1]} ${data.weights[c]}`).join(', ')}; as of ${formatTime(data.asOf)}`,
              )}
            </Typography.Paragraph>
            <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="assessment-ranking">
              {data.departments.map((d) => (
                <li key={d.departmentId} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
                  <span style={{ width: 28, textAlign: 'right' }}>{d.rank}</span>
                  <Button
                    type="link"
                    size="small"
                    style={{ width: 180, textAlign: 'left', padding: 0 }}
                    onClick={() => setOpen(d)}
                    aria-label={t(`${d.name} 扣分明细`, `${d.name}: points lost`)}
                  >
                    <Typography.Text ellipsis>{d.name}</Typography.Text>
                  </Button>
                  <Progress
                    percent={d.score}
                    status="normal"
                    showInfo={false}
                    style={{ flex: 1, margin: 0 }}
                    aria-label={t(`${d.name} 得分`, `${d.name} score`)}
                  />
                  <span style={{ width: 44, textAlign: 'right' }}>{d.score.toFixed(1)}</span>
                </li>
              ))}
            </ol>
            <Button
              size="small"
              style={{ marginTop: 8 }}
              onClick={() => {
                setDownloadError(null);
                download('/reports/assessment', { period, asOf, format: 'xlsx' }, `assessment-${period}.xlsx`).catch(
                  (caught: unknown) => setDownloadError(errorMessage(caught, t)),
                );
              }}
            >
              {t('导出表格', 'Download spreadsheet')}
            </Button>
            {downloadError && <Typography.Text type="danger"> {downloadError}</Typography.Text>}
          </>
        )}
      </QueryState>
      {open && <DeductionsDrawer department={open} period={period} asOf={asOf} onClose={() => setOpen(null)} />}
    </Card>
  );
}

/** A department's components and the problems behind each point it lost. */
function DeductionsDrawer(props: {
  department: AssessmentDepartment;
  period: string;
  asOf?: 'now';
  onClose: () => void;
}) {
  const { t, formatTime } = useI18n();
  const { department, period, asOf } = props;
  const deductions = useQuery({
    queryKey: ['reports', 'assessment', 'deductions', department.departmentId, period, asOf],
    queryFn: ({ signal }) =>
      api<DeductionsReport>(`/reports/assessment/${department.departmentId}/deductions`, {
        query: { period, asOf },
        signal,
      }),
  });
  const data = deductions.data;
  return (
    <Drawer
      open
      size="min(760px, 100vw)"
      onClose={props.onClose}
      title={t(
        `${department.name} · ${period} 考核得分 ${department.score.toFixed(1)}`,
        `${department.name} · ${period} score ${department.score.toFixed(1)}`,
      )}
    >
      <QueryState {...readState(deductions)} title={t('扣分明细', 'Points lost')}>
        {data && (
          <div data-testid="assessment-deductions">
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              {COMPONENTS.map((c) => {
                const part = data.components[c];
                return (
                  <Descriptions.Item key={c} label={`${t(...COMPONENT_LABELS[c])} (${data.weights[c]})`}>
                    {part.noData
                      ? t(`无数据，得满分 ${part.points}`, `no data: full ${part.points}`)
                      : t(
                          `${part.numerator} / ${part.denominator}，得 ${part.points} 分，扣 ${part.deducted} 分`,
                          `${part.numerator} / ${part.denominator}: ${part.points} points, ${part.deducted} lost`,
                        )}
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
            <Table<DeductionItem>
              size="small"
              rowKey={(item) => `${item.component}-${item.problemId}-${item.at}`}
              dataSource={data.items}
              pagination={false}
              locale={{ emptyText: t('没有扣分', 'No points lost') }}
              columns={[
                { title: t('指标', 'Component'), render: (_, item) => t(...COMPONENT_LABELS[item.component]) },
                {
                  title: t('问题', 'Problem'),
                  render: (_, item) => (
                    <Link to={`/problems/${item.problemId}`}>
                      {item.code} {item.title}
                    </Link>
                  ),
                },
                {
                  title: t('情形', 'What happened'),
                  render: (_, item) => (
                    <>
                      {t(...KIND_LABELS[item.kind])}
                      {item.level && <Tag style={{ marginLeft: 4 }}>{t(...LEVEL_LABELS[item.level])}</Tag>}
                    </>
                  ),
                },
                { title: t('时间', 'When'), render: (_, item) => formatTime(item.at) },
                {
                  title: t('时限', 'Deadline'),
                  render: (_, item) => (item.due ? formatTime(item.due) : '—'),
                },
                { title: t('扣分', 'Points'), dataIndex: 'points', align: 'right' },
              ]}
            />
          </div>
        )}
      </QueryState>
    </Drawer>
  );
}
