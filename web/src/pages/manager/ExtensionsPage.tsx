import { Alert, App, Button, Flex, Form, Input, Modal, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import type { components } from '../../api/schema';
import { PageTitle } from '../../components/PageTitle';
import { useReturnFocus } from '../../components/useReturnFocus';
import { DueDate } from '../../components/workflow/Deadline';
import { useKeysetList } from '../../components/workflow/useKeysetList';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';

type Extension = components['schemas']['ExtensionResponse'];
type ExtensionStatus = Extension['status'];
type Decision = 'approve' | 'refuse';

const STATUS_LABELS: Record<ExtensionStatus, [string, string]> = {
  pending: ['待审批', 'Pending'],
  approved: ['已批准', 'Approved'],
  refused: ['不予延期', 'Refused'],
  lapsed: ['已失效', 'Lapsed'],
};

/**
 * The extension requests (延期申请) for the coordination office: pending ones first shown, each
 * with its problem, department, deadlines and reason, approved or refused (with a reason) here.
 */
export function ExtensionsPage() {
  const { t, formatTime } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<ExtensionStatus>('pending');
  const [deciding, setDeciding] = useState<{ item: Extension; decision: Decision } | null>(null);
  const list = useKeysetList<Extension>('/extensions', { status, limit: 50 });

  const decide = async (item: Extension, decision: Decision, text: string | undefined) => {
    await api(`/problems/${item.problemId}/${decision}-extension`, {
      method: 'POST',
      body: decision === 'approve' ? (text ? { note: text } : {}) : { reason: text },
      version: item.version,
    });
    setDeciding(null);
    message.success(
      decision === 'approve' ? t('已批准延期', 'Extension approved') : t('已不予延期', 'Extension refused'),
    );
    list.reload();
  };

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('延期申请', 'Extension requests')} />
      <Segmented<ExtensionStatus>
        aria-label={t('申请状态', 'Request status')}
        value={status}
        onChange={setStatus}
        options={(Object.keys(STATUS_LABELS) as ExtensionStatus[]).map((value) => ({
          value,
          label: t(...STATUS_LABELS[value]),
        }))}
      />
      {list.error ? <Alert type="error" showIcon title={errorMessage(list.error, t)} /> : null}
      <Table<Extension>
        rowKey="requestEventId"
        data-testid="extensions-table"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('问题', 'Problem'),
            key: 'problem',
            render: (_, item) => (
              <Link to={`/problems/${item.problemId}`}>
                {item.problemCode} {item.title}
              </Link>
            ),
          },
          { title: t('申请单位', 'Department'), dataIndex: 'departmentName', key: 'department' },
          {
            title: t('原办理时限', 'Deadline when asked'),
            key: 'previousDueAt',
            render: (_, item) => <DueDate dueAt={item.previousDueAt} />,
          },
          {
            title: t('申请延期至', 'Asked to extend to'),
            key: 'requestedDueAt',
            render: (_, item) => <DueDate dueAt={item.requestedDueAt} />,
          },
          {
            title: t('当前办理时限', 'Deadline now'),
            key: 'currentDueAt',
            render: (_, item) => <DueDate dueAt={item.currentDueAt} />,
          },
          { title: t('延期理由', 'Reason'), dataIndex: 'reason', key: 'reason' },
          {
            title: t('申请人', 'Requested by'),
            key: 'requestedBy',
            render: (_, item) => `${item.requestedBy ?? '—'} · ${formatTime(item.requestedAt)}`,
          },
          {
            title: status === 'pending' ? t('审批', 'Decide') : t('审批结果', 'Decision'),
            key: 'decision',
            render: (_, item) =>
              item.status === 'pending' ? (
                <Flex gap={8}>
                  <Button
                    type="primary"
                    size="small"
                    data-testid="extension-approve"
                    onClick={() => setDeciding({ item, decision: 'approve' })}
                  >
                    {t('批准', 'Approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ item, decision: 'refuse' })}>
                    {t('不予延期', 'Refuse')}
                  </Button>
                </Flex>
              ) : (
                <>
                  <Tag color={item.status === 'approved' ? 'green' : item.status === 'refused' ? 'red' : 'default'}>
                    {t(...STATUS_LABELS[item.status])}
                  </Tag>
                  {item.decision && `${item.decision.by ?? '—'} · ${formatTime(item.decision.at)}`}
                  {item.decision?.note && <div>{item.decision.note}</div>}
                </>
              ),
          },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.loadMore} loading={list.loading}>
          {t('加载更多', 'Load more')}
        </Button>
      )}
      {deciding && (
        <DecisionDialog
          item={deciding.item}
          decision={deciding.decision}
          onCancel={() => setDeciding(null)}
          onSubmit={(text) => decide(deciding.item, deciding.decision, text)}
        />
      )}
    </Flex>
  );
}

function DecisionDialog({
  item,
  decision,
  onCancel,
  onSubmit,
}: {
  item: Extension;
  decision: Decision;
  onCancel: () => void;
  onSubmit: (text: string | undefined) => Promise<void>;
}) {
  useReturnFocus();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refuse = decision === 'refuse';
  const submit = async ({ text }: { text?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text?.trim() || undefined);
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${refuse ? t('不予延期', 'Refuse the extension') : t('批准延期', 'Approve the extension')} · ${item.problemCode}`}
      onCancel={onCancel}
      footer={null}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={submit}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <p>
          {item.departmentName} {t('申请延期至', 'asks to extend to')} <DueDate dueAt={item.requestedDueAt} />
        </p>
        <Form.Item
          name="text"
          label={refuse ? t('不予延期理由', 'Reason for refusing') : t('审批意见（可选）', 'Note (optional)')}
          rules={refuse ? [{ required: true, whitespace: true, message: t('请填写此项', 'Fill this in') }] : []}
        >
          <Input.TextArea data-testid="extension-decision-text" rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Flex justify="end" gap={8}>
          <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="extension-decision-submit">
            {t('确定', 'Confirm')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
