import { Alert, App, Button, Card, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, download } from '../../api';
import type { components } from '../../api/schema';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';

type Result = components['schemas']['ProjectImportResultResponse'];

/** Bulk import of the project office's ledger: upload, a dry run's row report, then apply (all or nothing). */
export function ProjectImportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file);
      const answer = await api<Result>('/projects/import', { method: 'POST', query: { dryRun }, body });
      setResult(answer);
      if (answer.applied) void message.success(t('导入完成', 'Imported'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const list: UploadFile[] = file ? [{ uid: '1', name: file.name, status: 'done' }] : [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('导入重点项目', 'Import key projects')}
      </Typography.Title>
      <Card size="small">
        <Space direction="vertical">
          <Typography.Text>
            {t(
              '按模板填写：项目编号已存在的更新该项目，新编号新增项目。先试导入核对，再正式导入；任何一行有误都不会写入。',
              'Fill in the template: a known code updates its project, a new code adds one. Check with a dry run first; if any row is wrong nothing is written.',
            )}
          </Typography.Text>
          <Space wrap>
            <Button onClick={() => void download('/projects/import/template', { format: 'xlsx' }, 'template.xlsx')}>
              {t('下载模板', 'Download the template')}
            </Button>
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={list}
              beforeUpload={(f) => {
                setFile(f);
                setResult(null);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button>{t('选择文件', 'Choose a file')}</Button>
            </Upload>
            <Button disabled={!file} loading={busy} onClick={() => void send(true)}>
              {t('试导入', 'Dry run')}
            </Button>
            <Button
              type="primary"
              disabled={!file || !result || result.applied || result.rejected.length > 0}
              loading={busy}
              onClick={() => void send(false)}
            >
              {t('正式导入', 'Apply')}
            </Button>
          </Space>
        </Space>
      </Card>
      {error !== null && <Alert type="error" showIcon message={errorMessage(error, t)} />}
      {result && (
        <Card size="small" title={result.applied ? t('已导入', 'Imported') : t('试导入结果', 'Dry run')}>
          <Typography.Paragraph>
            {t(
              `共 ${result.total} 行：新增 ${result.created}，更新 ${result.updated}，有误 ${result.rejected.length}`,
              `${result.total} rows: ${result.created} new, ${result.updated} updates, ${result.rejected.length} rejected`,
            )}
          </Typography.Paragraph>
          {result.rejected.length > 0 && (
            <Table
              rowKey="row"
              size="small"
              pagination={false}
              dataSource={result.rejected}
              aria-label={t('有误的行', 'Rejected rows')}
              columns={[
                { title: t('行号', 'Row'), dataIndex: 'row', width: 80 },
                {
                  title: t('问题', 'Errors'),
                  render: (_, r) => r.errors.map((e) => `${e.field}: ${e.message}`).join('；'),
                },
              ]}
            />
          )}
          {result.applied && <Link to="/projects">{t('查看项目台账', 'Open the ledger')}</Link>}
        </Card>
      )}
    </Space>
  );
}
