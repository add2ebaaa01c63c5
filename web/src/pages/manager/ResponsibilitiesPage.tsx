import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { api, download } from '../../api';
import type { AssignmentImportResult, HandoverResult } from '../../components/outreach/types';
import { showFieldErrors } from '../../components/workflow/fieldErrors';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { candidateOptions, useCandidates } from '../shared/EnterprisePage';
import { PageTitle } from '../../components/PageTitle';

/**
 * Responsibility in bulk (managers and admins): assignments from a spreadsheet, checked first
 * (a dry run that writes nothing, with a report per row) and then applied all together or not at
 * all; and the handover of every enterprise of one official to another.
 */
export function ResponsibilitiesPage() {
  const { t } = useI18n();
  const [handingOver, setHandingOver] = useState(false);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle title={t('包联关系', 'Responsibilities')} />
        <Button onClick={() => setHandingOver(true)} data-testid="handover-open">
          {t('工作交接', 'Hand over')}
        </Button>
      </Flex>
      <BulkAssignment />
      {handingOver && <HandoverDialog onClose={() => setHandingOver(false)} />}
    </Flex>
  );
}

function BulkAssignment() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<AssignmentImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    setError(null);
    try {
      const result = await api<AssignmentImportResult>('/responsibilities/import', {
        method: 'POST',
        query: { dryRun },
        body,
      });
      setReport(result);
      if (result.applied) void message.success(t(`已指派 ${result.created} 条`, `${result.created} assigned`));
    } catch (caught) {
      setReport(null);
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, status: 'done' }] : [];
  return (
    <Card size="small" title={t('批量指派（Excel 或 CSV）', 'Bulk assignment (Excel or CSV)')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(
            '列：统一社会信用代码（或企业名称）、用户名、包联类型（包联干部/包联领导）、开始日期。先检查，全部无误后才能导入；有一行错误则不导入任何一行。',
            'Columns: credit code (or name), username, kind (包联干部 / 包联领导), start date. Check first; the file is applied only when every row is right, and then all rows at once.',
          )}
        </Typography.Text>
        <Space wrap>
          <Button
            onClick={() => void download('/responsibilities/import/template', { format: 'xlsx' }, 'template.xlsx')}
          >
            {t('下载模板', 'Download the template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={fileList}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setReport(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setReport(null);
            }}
          >
            <Button data-testid="bulk-choose">{t('选择文件', 'Choose a file')}</Button>
          </Upload>
          <Button disabled={!file} loading={busy} onClick={() => void send(true)} data-testid="bulk-check">
            {t('检查', 'Check')}
          </Button>
          <Button
            type="primary"
            disabled={!file || !report || !report.dryRun || report.rejected.length > 0}
            loading={busy}
            onClick={() => void send(false)}
            data-testid="bulk-apply"
          >
            {t('导入', 'Apply')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        {report && (
          <Alert
            data-testid="bulk-report"
            type={report.rejected.length ? 'error' : report.applied ? 'success' : 'info'}
            showIcon
            title={
              report.applied
                ? t(
                    `已导入：共 ${report.total} 行，指派 ${report.created} 条`,
                    `Applied: ${report.total} rows, ${report.created} assigned`,
                  )
                : report.rejected.length
                  ? t(
                      `共 ${report.total} 行，${report.rejected.length} 行有误，未导入任何一行`,
                      `${report.total} rows, ${report.rejected.length} wrong: nothing was applied`,
                    )
                  : t(`检查通过：共 ${report.total} 行，可以导入`, `Checked: ${report.total} rows, ready to apply`)
            }
          />
        )}
        {report && report.rejected.length > 0 && (
          <Table
            size="small"
            rowKey={(row) => `${row.row}-${row.field}`}
            pagination={false}
            dataSource={report.rejected.flatMap((r) => r.errors.map((e) => ({ row: r.row, ...e })))}
            columns={[
              { title: t('行号', 'Row'), dataIndex: 'row', width: 80 },
              { title: t('字段', 'Field'), dataIndex: 'field', width: 140 },
              { title: t('问题', 'Problem'), dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

function HandoverDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const candidates = useCandidates();
  const [form] = Form.useForm<{ fromUserId: string; toUserId: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const result = await api<HandoverResult>('/responsibilities/handover', { method: 'POST', body: values });
      void message.success(
        t(
          `已交接：结束 ${result.ended} 条，新建 ${result.started} 条，已包联跳过 ${result.skipped} 条`,
          `Handed over: ${result.ended} ended, ${result.started} started, ${result.skipped} already held`,
        ),
      );
      onClose();
    } catch (caught) {
      if (!showFieldErrors(form, caught, ['fromUserId', 'toUserId', 'reason'], t)) setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const options = candidateOptions(candidates.data);
  const required = [{ required: true, message: t('请选择', 'Choose one') }];
  return (
    <Modal
      open
      title={t('工作交接：把一名干部的全部包联企业交给另一人', 'Hand all enterprises of one official to another')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('交接', 'Hand over')}
      okButtonProps={{ loading: busy }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="fromUserId" label={t('交出人', 'From')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} aria-label={t('交出人', 'From')} />
        </Form.Item>
        <Form.Item name="toUserId" label={t('接收人', 'To')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} aria-label={t('接收人', 'To')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('原因', 'Reason')}
          rules={[{ required: true, whitespace: true, message: t('请填写原因', 'Give a reason') }]}
        >
          <Input maxLength={500} placeholder={t('如：干部调离', 'e.g. the official has left')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
