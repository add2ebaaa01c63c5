import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { components } from '../../api/schema';
import { SupervisionTag } from '../../components/workflow/SupervisionTag';
import { useI18n } from '../../i18n';

type Schemas = components['schemas'];
type Section = Schemas['WeeklySupervisionSection'];
type Overdue = Schemas['WeeklyOverdueSupervision'];
type Bounced = Schemas['BouncedProblem'];

/** The weekly report's supervision (督办) section: counts, overdue unanswered supervisions, bounced problems with their route. */
export function SupervisionSection({ section }: { section: Section }) {
  const { t, formatTime } = useI18n();
  const route = (p: Bounced) =>
    p.route
      .map((step) =>
        step.left === 'returned'
          ? t(
              `${step.departmentName}（退回：${step.reason ?? ''}）`,
              `${step.departmentName} (returned: ${step.reason ?? ''})`,
            )
          : step.left === 'reassigned'
            ? t(`${step.departmentName}（改派）`, `${step.departmentName} (reassigned)`)
            : step.departmentName,
      )
      .join(' → ');
  return (
    <Card title={t('督办与推诿', 'Supervision and bounced problems')} data-testid="weekly-supervision">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t('本周催办', 'Reminders')} value={section.openedThisWeek.reminder} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('本周督办', 'Supervisions')} value={section.openedThisWeek.supervision} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('本周挂牌督办', 'Listed')} value={section.openedThisWeek.listed} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('周末督办中', 'Active at week end')} value={section.activeAtEnd} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('超期未回应', 'Overdue, unanswered')} value={section.overdueTotal} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('超期未回应督办事项', 'Supervisions overdue and unanswered')}</Typography.Title>
      <Table<Overdue>
        size="small"
        rowKey="problemId"
        pagination={false}
        dataSource={section.overdue}
        scroll={{ x: true }}
        locale={{ emptyText: t('无', 'None') }}
        columns={[
          { title: t('编号', 'Code'), dataIndex: 'code', width: 130 },
          { title: t('问题', 'Problem'), dataIndex: 'title' },
          { title: t('责任单位', 'Department'), dataIndex: 'departmentName', responsive: ['md'] },
          {
            title: t('级别', 'Level'),
            dataIndex: 'level',
            render: (level: Overdue['level']) => <SupervisionTag level={level} />,
          },
          { title: t('回应期限', 'Answer by'), dataIndex: 'answerBy', render: (v: string) => formatTime(v, true) },
          { title: t('超期工作日', 'Working days late'), dataIndex: 'workingDaysOverdue' },
        ]}
      />
      <Typography.Title level={5}>{t('推诿问题（多次退回或改派）', 'Bounced problems')}</Typography.Title>
      <Table<Bounced>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={section.bounced}
        scroll={{ x: true }}
        locale={{ emptyText: t('无', 'None') }}
        columns={[
          { title: t('编号', 'Code'), dataIndex: 'code', width: 130 },
          { title: t('问题', 'Problem'), dataIndex: 'title' },
          { title: t('流转路径', 'Route'), render: (_, p) => route(p) },
        ]}
      />
    </Card>
  );
}
