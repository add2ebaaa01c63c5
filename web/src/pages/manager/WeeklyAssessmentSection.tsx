import { Card, Table, Typography } from 'antd';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { COMPONENT_LABELS, COMPONENTS } from './assessmentLabels';

type AssessmentReport = components['schemas']['AssessmentReport'];
type Row = AssessmentReport['departments'][number];

/** The weekly report's department assessment: the quarter-to-date ranking with each component's points. */
export function WeeklyAssessmentSection({ ranking }: { ranking: AssessmentReport }) {
  const { t } = useI18n();
  const title = t(
    `部门考核排名（${ranking.period.label} 季度累计）`,
    `Department assessment (${ranking.period.label} to date)`,
  );
  return (
    <Card size="small" title={title} data-testid="weekly-assessment">
      <Table<Row>
        size="small"
        rowKey="departmentId"
        pagination={false}
        dataSource={ranking.departments}
        scroll={{ x: true }}
        locale={{ emptyText: t('本期没有可考核的事项', 'Nothing to assess') }}
        columns={[
          { title: t('排名', 'Rank'), dataIndex: 'rank', width: 60 },
          { title: t('部门', 'Department'), dataIndex: 'name' },
          { title: t('得分', 'Score'), render: (_, row) => row.score.toFixed(1), align: 'right' },
          ...COMPONENTS.map((c) => ({
            title: `${t(...COMPONENT_LABELS[c])} (${ranking.weights[c]})`,
            align: 'right' as const,
            responsive: ['md' as const],
            render: (_: unknown, row: Row) => row.components[c].points,
          })),
        ]}
      />
      <Typography.Text type="secondary">
        {t('各项为得分；扣分明细见工作台', 'Points per component; the points lost are on the dashboard')}
      </Typography.Text>
    </Card>
  );
}
