import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { whenValid } from './whenValid';
import { useReference } from '../../reference';
import { KINDS, type ProjectDetail } from './projectLabels';

interface Values {
  code: string;
  planYear: number;
  name: string;
  district: string;
  kind: ProjectDetail['kind'];
  industry?: string;
  plannedTotalInvestmentYuan?: number | null;
  plannedAnnualInvestmentYuan?: number | null;
  plannedStartDate?: dayjs.Dayjs | null;
  departmentId?: string | null;
  leaderName?: string;
}

/**
 * Adds a project to a plan (POST /projects) or edits its descriptive fields (PATCH with the
 * version shown); the stage is never edited here. Managers and admins only.
 */
export function ProjectFormDialog({
  project,
  onClose,
  onSaved,
}: {
  project?: ProjectDetail;
  onClose: () => void;
  onSaved: (saved: ProjectDetail) => void;
}) {
  const { t, lang } = useI18n();
  const reference = useReference();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        code: v.code,
        planYear: v.planYear,
        name: v.name,
        district: v.district,
        kind: v.kind,
        industry: v.industry || null,
        plannedTotalInvestmentYuan: v.plannedTotalInvestmentYuan ?? null,
        plannedAnnualInvestmentYuan: v.plannedAnnualInvestmentYuan ?? null,
        plannedStartDate: v.plannedStartDate ? v.plannedStartDate.format('YYYY-MM-DD') : null,
        departmentId: v.departmentId ?? null,
        leaderName: v.leaderName || null,
      };
      return project
        ? api<ProjectDetail>(`/projects/${project.id}`, { method: 'PATCH', version: project.version, body })
        : api<ProjectDetail>('/projects', { method: 'POST', body });
    },
    onSuccess: (saved) => {
      client.setQueryData(['projects', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['projects', 'list'] });
      onSaved(saved);
    },
  });
  const initial: Partial<Values> = project
    ? {
        ...project,
        industry: project.industry ?? undefined,
        leaderName: project.leaderName ?? undefined,
        plannedStartDate: project.plannedStartDate ? dayjs(project.plannedStartDate) : null,
      }
    : { planYear: new Date().getFullYear(), kind: 'new' };
  const required = [{ required: true, message: t('必填', 'Required') }];
  return (
    <Modal
      open
      title={project ? t('编辑项目', 'Edit the project') : t('新增项目', 'Add a project')}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => whenValid(form, (v) => save.mutate(v))}
    >
      {save.error ? (
        <Alert type="error" showIcon message={errorMessage(save.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="code" label={t('项目编号', 'Code')} rules={required}>
          <Input aria-label={t('项目编号', 'Code')} />
        </Form.Item>
        <Form.Item name="name" label={t('项目名称', 'Name')} rules={required}>
          <Input aria-label={t('项目名称', 'Name')} />
        </Form.Item>
        <Form.Item name="planYear" label={t('计划年度', 'Plan year')} rules={required}>
          <InputNumber min={2000} max={2100} precision={0} aria-label={t('计划年度', 'Plan year')} />
        </Form.Item>
        <Form.Item name="district" label={t('县区', 'District')} rules={required}>
          <Select
            aria-label={t('县区', 'District')}
            showSearch={{ optionFilterProp: 'label' }}
            options={reference.districts.map((d) => ({
              value: d.code,
              label: lang === 'en' && d.nameEn ? d.nameEn : d.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('建设性质', 'Kind')} rules={required}>
          <Select
            aria-label={t('建设性质', 'Kind')}
            options={KINDS.map(([code, zh, en]) => ({ value: code, label: t(zh, en) }))}
          />
        </Form.Item>
        <Form.Item name="industry" label={t('行业', 'Industry')}>
          <Input aria-label={t('行业', 'Industry')} />
        </Form.Item>
        <Form.Item name="plannedTotalInvestmentYuan" label={t('计划总投资（元）', 'Planned total (yuan)')}>
          <InputNumber
            min={0}
            precision={0}
            style={{ width: '100%' }}
            aria-label={t('计划总投资（元）', 'Planned total (yuan)')}
          />
        </Form.Item>
        <Form.Item name="plannedAnnualInvestmentYuan" label={t('年度计划投资（元）', 'Planned this year (yuan)')}>
          <InputNumber
            min={0}
            precision={0}
            style={{ width: '100%' }}
            aria-label={t('年度计划投资（元）', 'Planned this year (yuan)')}
          />
        </Form.Item>
        <Form.Item name="plannedStartDate" label={t('计划开工日期', 'Planned start')}>
          <DatePicker aria-label={t('计划开工日期', 'Planned start')} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('责任单位', 'Department')}>
          <Select
            allowClear
            aria-label={t('责任单位', 'Department')}
            options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="leaderName" label={t('责任领导', 'Leader')}>
          <Input aria-label={t('责任领导', 'Leader')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
