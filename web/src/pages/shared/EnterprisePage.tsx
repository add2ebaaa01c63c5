import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, request } from '../../api';
import { useAuth } from '../../auth';
import { NextDue } from '../../components/outreach/NextDue';
import { ProductionStatus } from '../../components/production/ProductionStatus';
import { KIND_LABELS, TIER_LABELS, TierTag } from '../../components/outreach/TierTag';
import type {
  Candidate,
  EnterpriseChange,
  EnterpriseDetail,
  Responsibility,
  Tier,
} from '../../components/outreach/types';
import { showFieldErrors } from '../../components/workflow/fieldErrors';
import { INDUSTRY_LABELS, labelOf } from '../../components/workflow/labels';
import { LIST_PAGE } from '../../components/workflow/layout';
import { StatusTag } from '../../components/workflow/StatusTag';
import type { Status } from '../../components/workflow/types';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { PageTitle } from '../../components/PageTitle';

type T = (zh: string, en: string) => string;

/** The fields the edit form offers, with their labels. */
const EDIT_FIELDS: { name: keyof EditValues; label: [string, string] }[] = [
  { name: 'contactName', label: ['联系人', 'Contact'] },
  { name: 'contactPhone', label: ['联系电话', 'Phone'] },
  { name: 'address', label: ['地址', 'Address'] },
  { name: 'industry', label: ['行业', 'Industry'] },
  { name: 'tier', label: ['企业层级', 'Tier'] },
];

interface EditValues {
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  industry: string | null;
  tier: Tier;
}

/**
 * The enterprise page, for everyone who may see the enterprise: its contacts, address and tier,
 * who answers for it now and before, its visits and its problems with their status, and every
 * recorded change of its fields. Managers, admins and its responsible officials edit it (with the
 * version read, like a problem); managers and admins assign and end responsibilities here.
 */
export function EnterprisePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState<{ before: EnterpriseDetail; after: EnterpriseDetail } | null>(null);
  const key = ['enterprise', id];
  const detail = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<EnterpriseDetail>(`/enterprises/${id}`, { signal }),
  });
  const reload = () => void client.invalidateQueries({ queryKey: key });

  if (detail.error) {
    return (
      <Alert
        type="error"
        showIcon
        style={LIST_PAGE}
        title={errorMessage(detail.error, t)}
        action={<Button onClick={() => void detail.refetch()}>{t('重试', 'Retry')}</Button>}
      />
    );
  }
  if (!detail.data) return <Skeleton active style={LIST_PAGE} />;
  const enterprise = detail.data;

  return (
    <Flex vertical gap={12} style={LIST_PAGE} data-testid="enterprise-page">
      {conflict && <EnterpriseConflict {...conflict} onClose={() => setConflict(null)} />}
      <Summary
        enterprise={enterprise}
        onEdit={() => setEditing(true)}
        onVisit={can('official', 'manager', 'admin') ? () => navigate(`/visits/new?enterpriseId=${id}`) : undefined}
      />
      <ProductionStatus enterpriseId={id} />
      <Responsibilities enterprise={enterprise} onChanged={reload} />
      <Visits enterprise={enterprise} />
      <Problems enterprise={enterprise} />
      <Changes enterpriseId={id} version={enterprise.version} />
      <Drawer
        open={editing}
        onClose={() => setEditing(false)}
        title={t('编辑企业信息', 'Edit the enterprise')}
        size="min(520px, 100vw)"
        destroyOnHidden
      >
        <EditForm
          enterprise={enterprise}
          onSaved={(saved) => {
            client.setQueryData(key, saved);
            void client.invalidateQueries({ queryKey: [...key, 'changes'] });
            setEditing(false);
          }}
          onConflict={(fresh) => {
            setConflict({ before: enterprise, after: fresh });
            client.setQueryData(key, fresh);
            setEditing(false);
          }}
        />
      </Drawer>
    </Flex>
  );
}

function Summary({
  enterprise,
  onEdit,
  onVisit,
}: {
  enterprise: EnterpriseDetail;
  onEdit: () => void;
  onVisit?: () => void;
}) {
  const { t, formatTime } = useI18n();
  const labels = useLabels();
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="start" gap={8} wrap>
          <PageTitle title={enterprise.name} testId="enterprise-name" />
          <TierTag tier={enterprise.tier} />
        </Flex>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('县区', 'District')}>{labels.district(enterprise.district)}</Descriptions.Item>
          {enterprise.industry && (
            <Descriptions.Item label={t('行业', 'Industry')}>
              {labelOf(INDUSTRY_LABELS, enterprise.industry, t)}
            </Descriptions.Item>
          )}
          {enterprise.uscc && (
            <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>{enterprise.uscc}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('地址', 'Address')}>
            <span data-testid="enterprise-address">{enterprise.address ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('联系人', 'Contact')}>
            <span data-testid="enterprise-contact">{enterprise.contactName ?? '—'}</span>{' '}
            {enterprise.contactPhone && <a href={`tel:${enterprise.contactPhone}`}>{enterprise.contactPhone}</a>}
          </Descriptions.Item>
          <Descriptions.Item label={t('上次走访', 'Last visit')}>
            {enterprise.lastVisitAt ? formatTime(enterprise.lastVisitAt, true) : t('尚未走访', 'never visited')}
          </Descriptions.Item>
          <Descriptions.Item label={t('下次走访', 'Next visit')}>
            {enterprise.nextVisitDueAt ? (
              <NextDue dueAt={enterprise.nextVisitDueAt} />
            ) : (
              t('无人包联', 'nobody answers for it')
            )}
          </Descriptions.Item>
        </Descriptions>
        <Flex gap={8} wrap>
          {onVisit && (
            <Button type="primary" onClick={onVisit} data-testid="log-visit">
              {t('记录走访', 'Log a visit')}
            </Button>
          )}
          {enterprise.editable && (
            <Button onClick={onEdit} data-testid="enterprise-edit">
              {t('编辑联系人、地址、层级', 'Edit contacts, address, tier')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

function EditForm({
  enterprise,
  onSaved,
  onConflict,
}: {
  enterprise: EnterpriseDetail;
  onSaved: (saved: EnterpriseDetail) => void;
  onConflict: (fresh: EnterpriseDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (values: EditValues) => {
    const changed: Record<string, unknown> = {};
    for (const { name } of EDIT_FIELDS) {
      const raw = values[name];
      const value = typeof raw === 'string' ? raw.trim() || null : (raw ?? null);
      if (value !== (enterprise[name] ?? null)) changed[name] = value;
    }
    if (Object.keys(changed).length === 0) {
      setError(t('没有修改', 'Nothing was changed'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await request<EnterpriseDetail>(`/enterprises/${enterprise.id}`, {
        method: 'PATCH',
        body: changed,
        version: enterprise.version,
      });
      onSaved(saved.data);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        try {
          onConflict(await api<EnterpriseDetail>(`/enterprises/${enterprise.id}`));
        } catch (again) {
          setError(errorMessage(again, t));
        }
      } else if (
        !showFieldErrors(
          form,
          caught,
          EDIT_FIELDS.map((f) => f.name),
          t,
        )
      ) {
        setError(errorMessage(caught, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<EditValues>
      form={form}
      name="enterprise-edit"
      layout="vertical"
      initialValues={{
        contactName: enterprise.contactName,
        contactPhone: enterprise.contactPhone,
        address: enterprise.address,
        industry: enterprise.industry,
        tier: enterprise.tier,
      }}
      onFinish={save}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="contactName" label={t('联系人', 'Contact')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('联系电话', 'Phone')}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item name="address" label={t('地址', 'Address')}>
        <Input.TextArea maxLength={300} autoSize />
      </Form.Item>
      <Form.Item name="industry" label={t('行业', 'Industry')}>
        <Select
          allowClear
          options={Object.keys(INDUSTRY_LABELS).map((code) => ({
            value: code,
            label: labelOf(INDUSTRY_LABELS, code, t),
          }))}
        />
      </Form.Item>
      <Form.Item name="tier" label={t('企业层级', 'Tier')}>
        <Select
          aria-label={t('企业层级', 'Tier')}
          options={(Object.keys(TIER_LABELS) as Tier[]).map((tier) => ({
            value: tier,
            label: t(...TIER_LABELS[tier]),
          }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="enterprise-save">
        {t('保存', 'Save')}
      </Button>
    </Form>
  );
}

/** After a 412: the edit was not saved; what changed since the page loaded the enterprise. */
function EnterpriseConflict({
  before,
  after,
  onClose,
}: {
  before: EnterpriseDetail;
  after: EnterpriseDetail;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const shown = (name: keyof EditValues, value: unknown) =>
    value === null || value === undefined ? '—' : name === 'tier' ? t(...TIER_LABELS[value as Tier]) : plain(value);
  const changes = EDIT_FIELDS.filter(({ name }) => before[name] !== after[name]).map(
    ({ name, label }) => `${t(...label)}: ${shown(name, before[name])} → ${shown(name, after[name])}`,
  );
  return (
    <Alert
      data-testid="conflict-alert"
      type="warning"
      showIcon
      closable={{ onClose }}
      title={t(
        '该企业信息已被他人更新，您的修改未保存。页面已刷新为最新内容，请确认后重新修改。',
        'Someone changed this enterprise, so your edit was not saved. The page now shows the latest version; review it and edit again.',
      )}
      description={
        changes.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

function Responsibilities({ enterprise, onChanged }: { enterprise: EnterpriseDetail; onChanged: () => void }) {
  const { t, formatTime } = useI18n();
  const { can } = useAuth();
  const client = useQueryClient();
  const manages = can('manager', 'admin');
  const key = ['enterprise', enterprise.id, 'responsibilities'];
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<Responsibility[]>(`/enterprises/${enterprise.id}/responsibilities`, { signal }),
  });
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<Responsibility | null>(null);
  const changed = () => {
    void client.invalidateQueries({ queryKey: key });
    onChanged();
  };
  const rows = list.data ?? [];
  const current = rows.filter((r) => r.current);
  const before = rows.filter((r) => !r.current);

  const item = (r: Responsibility) => (
    <List.Item
      key={r.id}
      data-testid="responsibility"
      data-current={r.current}
      actions={
        manages && r.current
          ? [
              <Button key="end" size="small" onClick={() => setEnding(r)} aria-label={t('结束包联', 'End')}>
                {t('结束', 'End')}
              </Button>,
            ]
          : undefined
      }
    >
      <List.Item.Meta
        title={
          <Space size={4} wrap>
            <span>{r.displayName}</span>
            <Tag color={r.kind === 'leader' ? 'purple' : 'geekblue'}>{t(...KIND_LABELS[r.kind])}</Tag>
          </Space>
        }
        description={
          <>
            {formatTime(r.startsAt, true)} – {r.endsAt ? formatTime(r.endsAt, true) : t('至今', 'now')}
            {r.endReason && ` · ${r.endReason}`}
          </>
        }
      />
    </List.Item>
  );

  return (
    <Card
      size="small"
      title={t('包联关系', 'Responsibility')}
      extra={
        manages && (
          <Button size="small" type="primary" onClick={() => setAssigning(true)} data-testid="assign-responsibility">
            {t('指派包联', 'Assign')}
          </Button>
        )
      }
    >
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      {list.isPending && <Skeleton active title={false} />}
      {list.data && current.length === 0 && (
        <Typography.Text type="warning">{t('目前无人包联', 'Nobody answers for it now')}</Typography.Text>
      )}
      {current.length > 0 && <List size="small" dataSource={current} renderItem={item} />}
      {before.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'before',
              label: t(`以往包联（${before.length}）`, `Before (${before.length})`),
              children: <List size="small" dataSource={before} renderItem={item} />,
            },
          ]}
        />
      )}
      {assigning && (
        <AssignDialog
          enterpriseId={enterprise.id}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            changed();
          }}
        />
      )}
      {ending && (
        <EndDialog
          responsibility={ending}
          onClose={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            changed();
          }}
        />
      )}
    </Card>
  );
}

/** The people a manager may make responsible (enabled officials, managers, admins). */
export function useCandidates() {
  return useQuery({
    queryKey: ['responsibility-candidates'],
    queryFn: ({ signal }) => api<Candidate[]>('/responsibilities/candidates', { signal }),
  });
}

export function candidateOptions(candidates: Candidate[] | undefined) {
  return (candidates ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` }));
}

function AssignDialog({
  enterpriseId,
  onClose,
  onDone,
}: {
  enterpriseId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const candidates = useCandidates();
  const [form] = Form.useForm<{ userId: string; kind: 'official' | 'leader'; startsAt?: Dayjs; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api(`/enterprises/${enterpriseId}/responsibilities`, {
        method: 'POST',
        body: {
          userId: values.userId,
          kind: values.kind,
          ...(values.startsAt ? { startsAt: values.startsAt.startOf('day').toISOString() } : {}),
          ...(values.note ? { note: values.note } : {}),
        },
      });
      void message.success(t('已指派', 'Assigned'));
      onDone();
    } catch (caught) {
      if (!showFieldErrors(form, caught, ['userId', 'kind', 'startsAt', 'note'], t)) setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('指派包联', 'Assign responsibility')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('指派', 'Assign')}
      okButtonProps={{ loading: busy, 'aria-label': t('确认指派', 'Confirm the assignment') }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'official' }}>
        <Form.Item
          name="userId"
          label={t('人员', 'Person')}
          rules={[{ required: true, message: t('请选择', 'Choose one') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isPending}
            options={candidateOptions(candidates.data)}
            aria-label={t('人员', 'Person')}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('类型', 'Kind')}>
          <Select
            aria-label={t('类型', 'Kind')}
            options={(['official', 'leader'] as const).map((kind) => ({ value: kind, label: t(...KIND_LABELS[kind]) }))}
          />
        </Form.Item>
        <Form.Item name="startsAt" label={t('开始日期（默认今天）', 'Start date (default today)')}>
          <DatePicker disabledDate={(day) => day.isAfter(new Date())} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('备注', 'Note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndDialog({
  responsibility,
  onClose,
  onDone,
}: {
  responsibility: Responsibility;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api(`/responsibilities/${responsibility.id}/end`, { method: 'POST', body: { reason } });
      onDone();
    } catch (caught) {
      if (!showFieldErrors(form, caught, ['reason'], t)) setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(`结束 ${responsibility.displayName} 的包联`, `End ${responsibility.displayName}'s responsibility`)}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('结束', 'End')}
      okButtonProps={{ loading: busy, danger: true }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('原因', 'Reason')}
          rules={[{ required: true, whitespace: true, message: t('请填写原因', 'Give a reason') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Visits({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t, formatTime } = useI18n();
  return (
    <Card size="small" title={t('走访记录', 'Visits')}>
      {enterprise.recentVisits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚无走访记录', 'No visit yet')} />
      ) : (
        <List
          size="small"
          dataSource={enterprise.recentVisits}
          renderItem={(visit) => (
            <List.Item key={visit.id} data-testid="enterprise-visit" data-id={visit.id} data-status={visit.status}>
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Link to={`/visits/${visit.id}`}>{formatTime(visit.visitedAt)}</Link>
                    {visit.status === 'withdrawn' && <Tag>{t('已撤回', 'Withdrawn')}</Tag>}
                    {visit.problemCount > 0 && (
                      <Tag color="orange">{t(`问题 ${visit.problemCount} 个`, `${visit.problemCount} problem(s)`)}</Tag>
                    )}
                  </Space>
                }
                description={
                  <>
                    {visit.officials.join('、') || '—'}
                    {visit.purpose && ` · ${visit.purpose}`}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Problems({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t, formatTime } = useI18n();
  return (
    <Card size="small" title={t('问题', 'Problems')}>
      {enterprise.problems.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有问题', 'No problems')} />
      ) : (
        <List
          size="small"
          dataSource={enterprise.problems}
          renderItem={(problem) => (
            <List.Item key={problem.id} data-testid="enterprise-problem">
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Link to={`/problems/${problem.id}`}>{problem.code}</Link>
                    <StatusTag status={problem.status as Status} />
                  </Space>
                }
                description={
                  <>
                    {problem.title} · {formatTime(problem.reportedAt, true)}
                    {problem.departmentName && ` · ${problem.departmentName}`}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Changes({ enterpriseId, version }: { enterpriseId: string; version: number }) {
  const { t, formatTime } = useI18n();
  const [open, setOpen] = useState(false);
  const changes = useQuery({
    queryKey: ['enterprise', enterpriseId, 'changes', version],
    queryFn: ({ signal }) => api<EnterpriseChange[]>(`/enterprises/${enterpriseId}/changes`, { signal }),
    enabled: open,
  });
  return (
    <Collapse
      size="small"
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: 'changes',
          label: t('修改记录', 'Change log'),
          children: changes.error ? (
            <Alert type="error" showIcon title={errorMessage(changes.error, t)} />
          ) : !changes.data ? (
            <Skeleton active title={false} />
          ) : changes.data.length === 0 ? (
            <Typography.Text type="secondary">{t('没有修改记录', 'No changes recorded')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={changes.data}
              renderItem={(change) => (
                <List.Item key={change.id} data-testid="enterprise-change">
                  <List.Item.Meta
                    title={`${formatTime(change.changedAt)} ${change.changedBy.displayName} · ${
                      change.source === 'import' ? t('导入', 'import') : t('编辑', 'edit')
                    }`}
                    description={describeChange(change, t)}
                  />
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}

const FIELD_LABELS: Record<string, [string, string]> = {
  name: ['名称', 'Name'],
  district: ['县区', 'District'],
  industry: ['行业', 'Industry'],
  isAboveScale: ['规上企业', 'Above designated size'],
  isKey: ['重点企业', 'Key enterprise'],
  tier: ['企业层级', 'Tier'],
  address: ['地址', 'Address'],
  contactName: ['联系人', 'Contact'],
  contactPhone: ['联系电话', 'Phone'],
};

function describeChange(change: EnterpriseChange, t: T): string {
  const shown = (value: unknown) => (value === null || value === undefined ? '—' : plain(value));
  return Object.keys(change.after)
    .map((field) => {
      const label = FIELD_LABELS[field] ? t(...FIELD_LABELS[field]) : field;
      return `${label}: ${shown(change.before[field])} → ${shown(change.after[field])}`;
    })
    .join('；');
}

/** A recorded value as text: strings as they are, anything else (numbers, flags) as JSON. */
function plain(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
