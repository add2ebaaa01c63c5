import { Alert, Button, Flex, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api';
import { AttachmentPicker } from '../../components/attachments/AttachmentPicker';
import { type PendingFile, uploadAttachments } from '../../components/attachments/attachmentsApi';
import { clearPendingFiles, loadPendingFiles, savePendingFiles } from '../../components/attachments/pendingFiles';
import { useAuth } from '../../auth';
import { showFieldErrors } from '../../components/workflow/fieldErrors';
import { RetryBanner } from '../../components/workflow/RetryBanner';
import { RetryStopped, useRetryingSend } from '../../components/workflow/retrying';
import { fromLocalInput, toLocalInput } from '../../components/workflow/time';
import type { Enterprise } from '../../components/workflow/types';
import {
  clearDraft,
  draftKey,
  loadDraft,
  newIdempotencyKey,
  saveDraft,
  type VisitDraftValues,
} from '../../components/workflow/visitDraft';
import { VisitProblemsField } from '../../components/workflow/VisitProblemsField';
import { VisitSuccess, type Visit } from '../../components/workflow/VisitSuccess';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { PageTitle } from '../../components/PageTitle';
import { LightCard, LightResult } from '../../components/light';

const FIELDS = [
  'visitedAt',
  'purpose',
  'notes',
  'policiesPromoted',
  'problems.*.title',
  'problems.*.category',
  'problems.*.description',
];
/** The submit button and what it is doing stay in view at the bottom of a phone's screen. */
const STICKY_FOOTER = {
  position: 'sticky',
  bottom: 0,
  padding: '12px 0',
  background: 'var(--ant-color-bg-layout, #f5f5f5)',
} as const;
/** The service accepts a visit time this far ahead of its clock (phones' clocks drift). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Log a visit to the enterprise named by `?enterpriseId=`, with the problems it raised. */
export function VisitFormPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const enterpriseId = params.get('enterpriseId');
  // A new round (after a saved visit or a discarded draft) starts from a blank form.
  const [round, setRound] = useState(0);
  if (!enterpriseId) {
    return (
      <LightResult
        status="info"
        title={t('请先选择走访的企业', 'Choose the enterprise you visited first')}
        extra={
          <Button type="primary" onClick={() => navigate('/enterprises')}>
            {t('查找企业', 'Find the enterprise')}
          </Button>
        }
      />
    );
  }
  return (
    <VisitForm key={`${enterpriseId}-${round}`} enterpriseId={enterpriseId} onRestart={() => setRound((n) => n + 1)} />
  );
}

function VisitForm({ enterpriseId, onRestart }: { enterpriseId: string; onRestart: () => void }) {
  const { t, formatTime } = useI18n();
  const { user } = useAuth();
  const [form] = Form.useForm<VisitDraftValues>();
  const storageKey = draftKey(user!.id, enterpriseId);
  const [restored] = useState(() => loadDraft(storageKey));
  const idempotencyKey = useRef(restored?.idempotencyKey);
  const [visit, setVisit] = useState<Visit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [keyReused, setKeyReused] = useState(false);
  const [busy, setBusy] = useState(false);
  const retrying = useRetryingSend();
  // Photos and letters for the visit, kept in IndexedDB beside the draft until they are sent.
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [filesError, setFilesError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadPendingFiles(storageKey).then((kept) => live && kept.length > 0 && setFiles(kept));
    return () => {
      live = false;
    };
  }, [storageKey]);
  const changeFiles = (next: PendingFile[]) => {
    setFiles(next);
    void savePendingFiles(storageKey, next);
  };

  const save = () =>
    saveDraft(storageKey, {
      values: form.getFieldsValue(true) as VisitDraftValues,
      idempotencyKey: idempotencyKey.current,
      savedAt: new Date().toISOString(),
    });

  const startOver = () => {
    clearDraft(storageKey);
    void clearPendingFiles(storageKey);
    onRestart();
  };

  const submit = async (values: VisitDraftValues) => {
    idempotencyKey.current ??= newIdempotencyKey();
    save();
    const key = idempotencyKey.current;
    const body = visitBody(enterpriseId, values);
    setBusy(true);
    setError(null);
    setKeyReused(false);
    try {
      const saved = await retrying.send((signal) =>
        api<Visit>('/visits', { method: 'POST', body, headers: { 'Idempotency-Key': key }, signal }),
      );
      // The files go once the visit exists, retried like it and under a key of their own derived
      // from the visit's: if they are stopped, the draft stays, and submitting it again finds the
      // visit already saved (same key) and sends the files without duplicates.
      let attachments: Visit['attachments'] = [];
      if (files.length > 0) {
        try {
          const sent = await retrying.send((signal) =>
            uploadAttachments(`/visits/${saved.id}/attachments`, files, { key: `${key}.files`, signal }),
          );
          attachments = sent.items;
        } catch (caught) {
          if (caught instanceof RetryStopped) throw caught;
          setFilesError(errorMessage(caught, t));
        }
      }
      clearDraft(storageKey);
      void clearPendingFiles(storageKey);
      setVisit({ ...saved, attachments });
    } catch (caught) {
      if (caught instanceof RetryStopped) {
        setError(
          t(
            '已停止提交，草稿已保存在本机，可稍后再提交。',
            'Stopped. The draft is kept on this device; submit it later.',
          ),
        );
      } else if (caught instanceof ApiError && caught.code === 'IDEMPOTENCY_KEY_REUSED') {
        setKeyReused(true);
      } else if (!showFieldErrors(form, caught, FIELDS, t)) {
        setError(errorMessage(caught, t));
      }
    } finally {
      setBusy(false);
    }
  };

  /** The earlier submit of this draft was saved with other content; the user chose to save this one too. */
  const submitAsNew = () => {
    idempotencyKey.current = newIdempotencyKey();
    form.submit();
  };

  if (visit) return <VisitSuccess visit={visit} onAnother={startOver} filesError={filesError} />;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720, margin: '0 auto', width: '100%' }}>
      <PageTitle title={t('记录走访', 'Log a visit')} style={{ fontSize: 20 }} />
      <EnterpriseHeader enterpriseId={enterpriseId} />
      {restored && (
        <Alert
          type="info"
          showIcon
          data-testid="visit-draft-restored"
          title={t(
            `已恢复 ${formatTime(restored.savedAt)} 保存的草稿`,
            `Draft from ${formatTime(restored.savedAt)} restored`,
          )}
          action={
            <Button size="small" onClick={startOver} disabled={busy}>
              {t('清空草稿', 'Discard')}
            </Button>
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={busy}
        onFinish={submit}
        onValuesChange={save}
        initialValues={restored?.values ?? { visitedAt: toLocalInput(new Date()), problems: [] }}
        scrollToFirstError
      >
        <LightCard>
          <Form.Item
            name="visitedAt"
            label={t('走访时间', 'Visited at')}
            rules={[
              { required: true, message: t('请填写走访时间', 'Enter when the visit took place') },
              {
                validator: (_, value: string | undefined) =>
                  value && Date.parse(fromLocalInput(value)) > Date.now() + CLOCK_SKEW_MS
                    ? Promise.reject(new Error(t('走访时间不能晚于现在', 'The visit cannot be in the future')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input type="datetime-local" data-testid="visit-visited-at" />
          </Form.Item>
          <Form.Item name="purpose" label={t('走访事由（可选）', 'Purpose (optional)')}>
            <Input maxLength={500} placeholder={t('如：一季度包联走访', 'e.g. quarterly outreach visit')} />
          </Form.Item>
          <Form.Item name="policiesPromoted" label={t('宣传的政策（可选）', 'Policies promoted (optional)')}>
            <Select
              mode="tags"
              data-testid="visit-policies"
              tokenSeparators={[',', '，', '、', ';', '；']}
              suffixIcon={null}
              notFoundContent={null}
              placeholder={t('输入政策名称后回车，可添加多项', 'Type a policy and press Enter; add as many as needed')}
            />
          </Form.Item>
          <Form.Item
            name="notes"
            label={t('企业意见与走访情况（可选）', 'Feedback and notes (optional)')}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </LightCard>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('企业反映的问题', 'Problems raised')}
        </Typography.Title>
        <VisitProblemsField />
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('现场照片与材料（可选）', 'Photos and documents (optional)')}
        </Typography.Title>
        <LightCard>
          <AttachmentPicker files={files} onChange={changeFiles} disabled={busy} testId="visit-attachments" />
        </LightCard>
      </Form>
      {/* Outside the form, so that the banners' buttons stay usable while the form is locked. */}
      <Flex vertical gap={8} style={STICKY_FOOTER}>
        {retrying.state && <RetryBanner state={retrying.state} onRetryNow={retrying.retryNow} onStop={retrying.stop} />}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            data-testid="visit-error"
            closable={{ onClose: () => setError(null) }}
          />
        )}
        {keyReused && (
          <Alert
            type="warning"
            showIcon
            data-testid="visit-key-reused"
            title={t(
              '此草稿此前已提交成功（当时内容与现在不同）',
              'This draft was saved before, with different content',
            )}
            description={
              <Flex vertical gap={8} align="start">
                {t(
                  '请先到"我登记的问题"核对，避免重复登记。如确需另行保存当前内容，可另存为新的走访。',
                  'Check "My problems" first so nothing is recorded twice. To save the current content as well, save it as a new visit.',
                )}
                <Button size="small" onClick={submitAsNew}>
                  {t('另存为新走访', 'Save as a new visit')}
                </Button>
              </Flex>
            }
          />
        )}
        <Button
          type="primary"
          size="large"
          block
          loading={busy}
          onClick={() => form.submit()}
          data-testid="visit-submit"
        >
          {busy ? t('正在提交……', 'Submitting…') : t('提交走访记录', 'Submit the visit')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The visit's request body: report-time-zone wall time as an instant, empty optional text left out. */
function visitBody(enterpriseId: string, values: VisitDraftValues) {
  const trimmed = (value: string | undefined) => value?.trim() || undefined;
  const policies = (values.policiesPromoted ?? []).map((p) => p.trim()).filter(Boolean);
  return {
    enterpriseId,
    visitedAt: fromLocalInput(values.visitedAt!),
    purpose: trimmed(values.purpose),
    notes: trimmed(values.notes),
    policiesPromoted: policies.length ? policies : undefined,
    problems: (values.problems ?? []).map((problem) => ({
      title: problem.title!.trim(),
      category: problem.category!,
      description: trimmed(problem.description),
    })),
  };
}

/** Which enterprise the visit is to; the form works on without it when the network fails. */
function EnterpriseHeader({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api<Enterprise>(`/enterprises/${enterpriseId}`).then(
      (found) => live && setEnterprise(found),
      (caught) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [enterpriseId]);
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <Alert
        type={missing ? 'error' : 'warning'}
        showIcon
        title={
          missing
            ? t('未找到该企业，请返回企业列表重新选择', 'No such enterprise; choose it again from the list')
            : t(
                '企业信息暂时无法加载，仍可填写并提交',
                'The enterprise could not be loaded; you can still fill in and submit',
              )
        }
      />
    );
  }
  if (!enterprise) return <Skeleton active title={false} paragraph={{ rows: 1 }} />;
  return (
    <LightCard data-testid="visit-enterprise">
      <Typography.Text strong>{enterprise.name}</Typography.Text>
      {enterprise.contactName && (
        <div>
          <Typography.Text type="secondary">
            {t('联系人', 'Contact')}: {enterprise.contactName}{' '}
            {enterprise.contactPhone && <a href={`tel:${enterprise.contactPhone}`}>{enterprise.contactPhone}</a>}
          </Typography.Text>
        </div>
      )}
    </LightCard>
  );
}
