import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { components } from '../../api/schema';
import { PRODUCTION_STATUS_LABELS } from '../../components/production/productionLabels';
import { ProductionStatusTag } from '../../components/production/ProductionStatusTag';
import { useI18n } from '../../i18n';

type Schemas = components['schemas'];
type ProjectsSection = Schemas['WeeklyProjectsSection'];
type ProjectItem = Schemas['WeeklyProjectItem'];
type EnterprisesSection = Schemas['WeeklyEnterprisesSection'];
type EnterpriseItem = Schemas['WeeklyEnterpriseItem'];

/** 12 345 678 yuan as 1 234.57 万元 (ten thousands), the unit the meeting reads investment in. */
const wan = (yuan: number) => (yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** The key projects of the weekly report: counts, investment against the plan, three lists. */
export function ProjectsSection({ section }: { section: ProjectsSection }) {
  const { t, lang, formatTime } = useI18n();
  const inv = section.investment;
  const list = (title: string, items: ProjectItem[], extra: 'startedAt' | 'daysLate' | 'overdueProblems') => (
    <div key={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<ProjectItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        scroll={{ x: true }}
        locale={{ emptyText: t('无', 'None') }}
        columns={[
          { title: t('编号', 'Code'), dataIndex: 'code', width: 130 },
          { title: t('项目名称', 'Project'), dataIndex: 'name' },
          {
            title: t('县区', 'District'),
            dataIndex: lang === 'en' ? 'districtNameEn' : 'districtName',
            responsive: ['md'],
          },
          { title: t('责任单位', 'Department'), dataIndex: 'departmentName', responsive: ['md'] },
          { title: t('计划开工', 'Planned start'), dataIndex: 'plannedStartDate' },
          extra === 'startedAt'
            ? {
                title: t('开工时间', 'Started'),
                dataIndex: 'startedAt',
                render: (value: string | null) => formatTime(value, true),
              }
            : extra === 'daysLate'
              ? { title: t('逾期天数', 'Days late'), dataIndex: 'daysLate' }
              : { title: t('超期问题', 'Overdue problems'), dataIndex: 'overdueProblems' },
        ]}
      />
    </div>
  );
  return (
    <Card size="small" title={t('重点项目', 'Key projects')} className="weekly-section" data-testid="weekly-projects">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('本周开工', 'Started this week')} value={section.startedThisWeek} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('逾期未开工', 'Past planned start')} value={section.notStartedPastPlan} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('因问题超期受阻', 'Held up by overdue problems')}
            value={section.heldUpByOverdueProblems}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t(`${inv.planYear} 年累计完成投资（万元）`, `Invested in ${inv.planYear} (10k yuan)`)}
            value={wan(inv.yearToDateYuan)}
          />
          <Typography.Text type="secondary">
            {t(
              `计划 ${wan(inv.annualPlanYuan)} 万元，完成 ${inv.percentOfPlan ?? '—'}%；${inv.month} 完成 ${wan(inv.monthYuan)} 万元`,
              `Plan ${wan(inv.annualPlanYuan)}, ${inv.percentOfPlan ?? '—'} % done; ${inv.month}: ${wan(inv.monthYuan)}`,
            )}
          </Typography.Text>
        </Col>
      </Row>
      {list(t('本周开工项目', 'Started this week'), section.lists.started, 'startedAt')}
      {list(t('逾期未开工项目', 'Past their planned start'), section.lists.notStarted, 'daysLate')}
      {list(t('因问题超期受阻项目', 'Held up by overdue problems'), section.lists.heldUp, 'overdueProblems')}
    </Card>
  );
}

/** The enterprises idle or reduced: counts and the three lists of the week. */
export function EnterprisesSection({ section }: { section: EnterprisesSection }) {
  const { t, lang, formatTime } = useI18n();
  const list = (title: string, items: EnterpriseItem[]) => (
    <div key={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<EnterpriseItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        scroll={{ x: true }}
        locale={{ emptyText: t('无', 'None') }}
        columns={[
          { title: t('企业', 'Enterprise'), dataIndex: 'name' },
          {
            title: t('县区', 'District'),
            dataIndex: lang === 'en' ? 'districtNameEn' : 'districtName',
            responsive: ['md'],
          },
          {
            title: t('周初', 'Week start'),
            dataIndex: 'previousStatus',
            render: (value: EnterpriseItem['previousStatus']) => t(...PRODUCTION_STATUS_LABELS[value].name),
          },
          {
            title: t('周末', 'Week end'),
            dataIndex: 'status',
            render: (value: EnterpriseItem['status']) => <ProductionStatusTag status={value} />,
          },
          { title: t('起始', 'Since'), dataIndex: 'since', render: (value: string | null) => formatTime(value, true) },
          { title: t('天数', 'Days'), dataIndex: 'days' },
        ]}
      />
    </div>
  );
  const stats: [number, string, string][] = [
    [section.idleAtEnd, '停产', 'Idle'],
    [section.reducedAtEnd, '减产', 'Reduced'],
    [section.newlyIdleOrReduced, '本周新增停产减产', 'Newly idle or reduced'],
    [section.resumedThisWeek, '本周恢复正常', 'Back to normal'],
    [section.idleOver30Days, '停产超 30 天', 'Idle over 30 days'],
  ];
  return (
    <Card
      size="small"
      title={t('停产减产企业', 'Idle and reduced enterprises')}
      className="weekly-section"
      data-testid="weekly-enterprises"
    >
      <Row gutter={[16, 16]}>
        {stats.map(([value, zh, en]) => (
          <Col key={en} xs={12} md={8} xl={4}>
            <Statistic title={t(zh, en)} value={value} />
          </Col>
        ))}
      </Row>
      {list(t('本周新增停产减产企业', 'Newly idle or reduced'), section.lists.newlyIdleOrReduced)}
      {list(t('本周恢复正常企业', 'Back to normal this week'), section.lists.resumed)}
      {list(t('停产超过 30 天企业', 'Idle more than 30 days'), section.lists.idleOver30Days)}
    </Card>
  );
}
