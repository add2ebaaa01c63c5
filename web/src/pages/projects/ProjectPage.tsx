import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { EChart } from '../../components/charts';
import { ProjectFormDialog } from './ProjectFormDialog';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { whenValid } from './whenValid';
import { useLabels } from '../../reference';
import {
  formatYuan,
  kindLabel,
  type ProjectDetail,
  type ProjectStage,
  STAGE_COLORS,
  stageLabel,
  STAGES,
} from './projectLabels';

type Month = ProjectDetail['investments'][number];

/**
 * One key project: its facts, the stage history with a "record stage" dialog, completed
 * investment by month (table and bars) with the amend dialog and every revision, and the
 * problems that name it, overdue ones flagged.
 */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t, lang, formatTime } = useI18n();
  const labels = useLabels();
  const query = useQuery({
    queryKey: ['projects', 'one', id],
    queryFn: ({ signal }) => api<ProjectDetail>(`/projects/${id}`, { signal }),
  });
  const [stageOpen, setStageOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [investMonth, setInvestMonth] = useState<{ month: string; existing?: Month } | null>(null);

  if (query.error) return <Alert type="error" showIcon message={errorMessage(query.error, t)} />;
  const p = query.data;
  if (!p) return <Card loading />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        <Tag color={STAGE_COLORS[p.stage]}>{stageLabel(t, p.stage)}</Tag>
        {p.heldUp && (
          <Tag color="red" data-testid="held-up">
            {t('问题逾期，项目受阻', 'Held up by an overdue problem')}
          </Tag>
        )}
        {p.pastPlannedStart && <Tag color="orange">{t('逾期未开工', 'Past planned start')}</Tag>}
      </Space>
      <Card
        size="small"
        title={t('基本情况', 'Facts')}
        extra={p.canEdit && <Button onClick={() => setEditing(true)}>{t('编辑', 'Edit')}</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('编号', 'Code')}>{p.code}</Descriptions.Item>
          <Descriptions.Item label={t('计划年度', 'Plan year')}>{p.planYear}</Descriptions.Item>
          <Descriptions.Item label={t('建设性质', 'Kind')}>{kindLabel(t, p.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('业主企业', 'Owner')}>{p.ownerEnterpriseName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('县区', 'District')}>{labels.district(p.district)}</Descriptions.Item>
          <Descriptions.Item label={t('行业', 'Industry')}>{p.industry ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('计划总投资', 'Planned total')}>
            {formatYuan(p.plannedTotalInvestmentYuan, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('年度计划投资', 'Planned this year')}>
            {formatYuan(p.plannedAnnualInvestmentYuan, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('计划开工日期', 'Planned start')}>{p.plannedStartDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('责任单位', 'Department')}>{p.departmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('责任领导', 'Leader')}>{p.leaderName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('累计完成投资', 'Investment to date')}>
            {formatYuan(p.investmentToDateYuan, lang)}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        size="small"
        title={t('问题', 'Problems')}
        extra={`${t('未办结', 'open')} ${p.openProblems} · ${t('逾期', 'overdue')} ${p.overdueProblems}`}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.problems}
          locale={{ emptyText: t('没有关联的问题', 'No problem names this project') }}
          aria-label={t('项目的问题', 'Problems of the project')}
          columns={[
            {
              title: t('问题', 'Problem'),
              render: (_, q) => <Link to={`/problems/${q.id}`}>{`${q.code} ${q.title}`}</Link>,
            },
            { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string) => labels.status(s) },
            { title: t('承办单位', 'Department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
            {
              title: t('办理时限', 'Due'),
              render: (_, q) => (
                <Space size={4}>
                  {formatTime(q.dueAt, true)}
                  {q.overdue && <Tag color="red">{t('逾期', 'Overdue')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t('阶段记录', 'Stage history')}
        extra={
          p.canRecordProgress && (
            <Button type="primary" onClick={() => setStageOpen(true)}>
              {t('记录阶段', 'Record stage')}
            </Button>
          )
        }
      >
        {p.stageHistory.length === 0 ? (
          <Typography.Text type="secondary">
            {t('尚无阶段变更，处于前期', 'No stage change yet: in preparation')}
          </Typography.Text>
        ) : (
          <Timeline
            items={p.stageHistory.map((e) => ({
              children: (
                <Space direction="vertical" size={0}>
                  <span>
                    <Tag color={STAGE_COLORS[e.stage]}>{stageLabel(t, e.stage)}</Tag>
                    {formatTime(e.effectiveAt, true)}
                  </span>
                  <Typography.Text type="secondary">
                    {`${e.actorName ?? '—'} ${t('记录于', 'recorded')} ${formatTime(e.recordedAt)}`}
                    {e.note ? ` · ${e.note}` : ''}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        )}
      </Card>

      <InvestmentCard project={p} onEnter={setInvestMonth} />

      {editing && <ProjectFormDialog project={p} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {stageOpen && <StageDialog project={p} onClose={() => setStageOpen(false)} />}
      {investMonth && <InvestmentDialog project={p} target={investMonth} onClose={() => setInvestMonth(null)} />}
    </Space>
  );
}

function InvestmentCard({
  project,
  onEnter,
}: {
  project: ProjectDetail;
  onEnter: (target: { month: string; existing?: Month }) => void;
}) {
  const { t, lang, formatTime } = useI18n();
  const option = useMemo(
    () => ({
      grid: { left: 60, right: 16, top: 16, bottom: 30 },
      tooltip: { trigger: 'axis' as const },
      xAxis: { type: 'category' as const, data: project.investments.map((m) => m.month) },
      yAxis: { type: 'value' as const, name: t('万元', '10k yuan') },
      series: [
        {
          type: 'bar' as const,
          data: project.investments.map((m) => Math.round(m.amountYuan / 1000) / 10),
          itemStyle: { color: '#c0392b' },
        },
      ],
    }),
    [project.investments, t],
  );
  const thisMonth = dayjs().format('YYYY-MM');
  return (
    <Card
      size="small"
      title={t('月度完成投资', 'Completed investment by month')}
      extra={
        project.canRecordProgress && (
          <Button onClick={() => onEnter({ month: thisMonth })}>{t('填报', 'Enter a month')}</Button>
        )
      }
    >
      {project.investments.length > 0 && (
        <EChart option={option} height={200} ariaLabel={t('月度完成投资柱状图', 'Investment by month, bars')} />
      )}
      <Table<Month>
        rowKey="month"
        size="small"
        pagination={false}
        dataSource={project.investments}
        locale={{ emptyText: t('尚未填报', 'Nothing entered yet') }}
        aria-label={t('月度完成投资', 'Investment by month')}
        expandable={{
          rowExpandable: (m) => m.revisions.length > 1,
          expandedRowRender: (m) => (
            <Table
              rowKey="revision"
              size="small"
              pagination={false}
              dataSource={m.revisions}
              columns={[
                { title: t('版本', 'Revision'), dataIndex: 'revision' },
                { title: t('金额', 'Amount'), dataIndex: 'amountYuan', render: (v: number) => formatYuan(v, lang) },
                {
                  title: t('更正原因', 'Reason'),
                  dataIndex: 'reason',
                  render: (v: string | null) => v ?? t('首次填报', 'first entry'),
                },
                { title: t('填报人', 'By'), dataIndex: 'recordedByName', render: (v: string | null) => v ?? '—' },
                { title: t('时间', 'At'), dataIndex: 'recordedAt', render: (v: string) => formatTime(v) },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('月份', 'Month'), dataIndex: 'month' },
          { title: t('完成投资', 'Amount'), dataIndex: 'amountYuan', render: (v: number) => formatYuan(v, lang) },
          {
            title: t('版本', 'Revisions'),
            render: (_, m) =>
              m.revisions.length > 1
                ? t(`已更正 ${m.revisions.length - 1} 次`, `amended ${m.revisions.length - 1}×`)
                : '—',
          },
          {
            title: '',
            render: (_, m) =>
              project.canRecordProgress && (
                <Button size="small" onClick={() => onEnter({ month: m.month, existing: m })}>
                  {t('更正', 'Amend')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function useProjectWrite(projectId: string, onDone: () => void) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  return {
    onSuccess: (updated: ProjectDetail) => {
      client.setQueryData(['projects', 'one', projectId], updated);
      void client.invalidateQueries({ queryKey: ['projects', 'list'] });
      void message.success(t('已保存', 'Saved'));
      onDone();
    },
    onError: (error: unknown) => {
      if (error instanceof ApiError && error.status === 412)
        void client.invalidateQueries({ queryKey: ['projects', 'one', projectId] });
    },
  };
}

function StageDialog({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ stage: ProjectStage; effectiveAt: dayjs.Dayjs; note?: string }>();
  const handlers = useProjectWrite(project.id, onClose);
  const save = useMutation({
    mutationFn: (values: { stage: ProjectStage; effectiveAt: dayjs.Dayjs; note?: string }) =>
      api<ProjectDetail>(`/projects/${project.id}/stage`, {
        method: 'POST',
        version: project.version,
        body: { stage: values.stage, effectiveAt: values.effectiveAt.format(), note: values.note || undefined },
      }),
    ...handlers,
  });
  const current = STAGES.findIndex(([code]) => code === project.stage);
  return (
    <Modal
      open
      title={t('记录阶段', 'Record stage')}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => whenValid(form, (v) => save.mutate(v))}
    >
      {save.error ? (
        <Alert type="error" showIcon message={errorMessage(save.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ stage: STAGES[Math.min(current + 1, 3)][0], effectiveAt: dayjs() }}
      >
        <Form.Item name="stage" label={t('阶段', 'Stage')} rules={[{ required: true }]}>
          <Select
            aria-label={t('阶段', 'Stage')}
            options={STAGES.filter(([code]) => code !== project.stage).map(([code, zh, en], i) => ({
              value: code,
              label:
                STAGES.findIndex(([c]) => c === code) < current
                  ? `${t(zh, en)}（${t('更正', 'correction')}）`
                  : t(zh, en),
              key: i,
            }))}
          />
        </Form.Item>
        <Form.Item name="effectiveAt" label={t('生效日期', 'Effective on')} rules={[{ required: true }]}>
          <DatePicker showTime aria-label={t('生效日期', 'Effective on')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('说明（退回前一阶段时必填）', 'Note (required for a step back)')}>
          <Input.TextArea rows={3} aria-label={t('说明', 'Note')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function InvestmentDialog({
  project,
  target,
  onClose,
}: {
  project: ProjectDetail;
  target: { month: string; existing?: Month };
  onClose: () => void;
}) {
  const { t, lang, formatTime } = useI18n();
  const [form] = Form.useForm<{ month: dayjs.Dayjs; amountYuan: number; reason?: string }>();
  const handlers = useProjectWrite(project.id, onClose);
  const month = Form.useWatch('month', form);
  const existing = project.investments.find((m) => m.month === (month ?? dayjs(target.month)).format('YYYY-MM'));
  const save = useMutation({
    mutationFn: (values: { month: dayjs.Dayjs; amountYuan: number; reason?: string }) =>
      api<ProjectDetail>(`/projects/${project.id}/investments/${values.month.format('YYYY-MM')}`, {
        method: 'PUT',
        body: { amountYuan: values.amountYuan, reason: values.reason || undefined },
      }),
    ...handlers,
  });
  return (
    <Modal
      open
      title={
        existing
          ? t('更正月度完成投资', 'Amend a month’s investment')
          : t('填报月度完成投资', 'Enter a month’s investment')
      }
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => whenValid(form, (v) => save.mutate(v))}
    >
      {save.error ? (
        <Alert type="error" showIcon message={errorMessage(save.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ month: dayjs(target.month), amountYuan: existing?.amountYuan }}
      >
        <Form.Item name="month" label={t('月份', 'Month')} rules={[{ required: true }]}>
          <DatePicker
            picker="month"
            aria-label={t('月份', 'Month')}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('完成投资（元）', 'Amount (yuan)')} rules={[{ required: true }]}>
          <InputNumber
            min={0}
            precision={0}
            style={{ width: '100%' }}
            aria-label={t('完成投资（元）', 'Amount (yuan)')}
          />
        </Form.Item>
        {existing && (
          <>
            <Form.Item
              name="reason"
              label={t('更正原因', 'Reason for the amendment')}
              rules={[{ required: true, message: t('更正须说明原因', 'An amendment needs a reason') }]}
            >
              <Input.TextArea rows={2} aria-label={t('更正原因', 'Reason for the amendment')} />
            </Form.Item>
            <Typography.Text type="secondary">
              {t('已有版本（原始记录保留）：', 'Revisions so far (the original stays):')}
            </Typography.Text>
            <ul>
              {existing.revisions.map((r) => (
                <li key={r.revision}>
                  {`#${r.revision} ${formatYuan(r.amountYuan, lang)} · ${r.recordedByName ?? '—'} · ${formatTime(r.recordedAt)}`}
                  {r.reason ? ` · ${r.reason}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </Form>
    </Modal>
  );
}
