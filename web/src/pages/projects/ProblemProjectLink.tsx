import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { Problem } from '../../components/workflow/types';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { whenValid } from './whenValid';
import type { ProjectItem } from './projectLabels';

/**
 * A manager names the key project a problem concerns, or clears it (POST /problems/:id/project
 * with the version shown). The answer is the problem after the change.
 */
export function ProblemProjectLink({ problem, onChanged }: { problem: Problem; onChanged: (p: Problem) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ projectId: string | null; note?: string }>();
  const found = useQuery({
    queryKey: ['projects', 'pick', search],
    queryFn: ({ signal }) =>
      api<{ items: ProjectItem[] }>('/projects', { query: { q: search || undefined, limit: 20 }, signal }),
    enabled: open,
  });

  const save = async (values: { projectId: string | null; note?: string }) => {
    setSaving(true);
    setError(null);
    try {
      const updated = await api<Problem>(`/problems/${problem.id}/project`, {
        method: 'POST',
        version: problem.version,
        body: { projectId: values.projectId ?? null, note: values.note || undefined },
      });
      onChanged(updated);
      setOpen(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="link-project">
        {problem.projectId ? t('更改重点项目', 'Change the key project') : t('关联重点项目', 'Link a key project')}
      </Button>
      {open && (
        <Modal
          open
          title={t('关联重点项目', 'Link a key project')}
          okText={t('保存', 'Save')}
          cancelText={t('取消', 'Cancel')}
          confirmLoading={saving}
          onCancel={() => setOpen(false)}
          onOk={() => whenValid(form, (v) => void save(v))}
        >
          {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} /> : null}
          <Form form={form} layout="vertical" initialValues={{ projectId: problem.projectId ?? null }}>
            <Form.Item name="projectId" label={t('重点项目（清空即取消关联）', 'Key project (clear to unlink)')}>
              <Select
                aria-label={t('重点项目', 'Key project')}
                showSearch
                allowClear
                filterOption={false}
                onSearch={setSearch}
                loading={found.isFetching}
                options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                placeholder={problem.projectName ?? t('输入项目名称或编号', 'Type a name or code')}
              />
            </Form.Item>
            <Form.Item name="note" label={t('说明', 'Note')}>
              <Input.TextArea rows={2} aria-label={t('说明', 'Note')} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
