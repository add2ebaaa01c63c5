import { Alert, App, Button, Card, Col, Flex, Form, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api';
import { useAuth } from '../../auth';
import { AttachmentGallery } from '../../components/attachments/AttachmentGallery';
import { AttachmentPicker } from '../../components/attachments/AttachmentPicker';
import { type PendingFile, uploadAttachments } from '../../components/attachments/attachmentsApi';
import { newIdempotencyKey } from '../../components/workflow/visitDraft';
import { ActionDialog, actionBody, type ActionValues } from '../../components/workflow/ActionDialog';
import { actionPath, availableActions } from '../../components/workflow/actions';
import { AssistParts } from '../../components/workflow/AssistParts';
import { ConflictAlert } from '../../components/workflow/ConflictAlert';
import { DueDate } from '../../components/workflow/Deadline';
import { ACTION_LABELS, type ActionName } from '../../components/workflow/labels';
import { ProblemFacts } from '../../components/workflow/ProblemFacts';
import { ProblemTimeline } from '../../components/workflow/ProblemTimeline';
import { StatusTag } from '../../components/workflow/StatusTag';
import { SupervisionLadder } from '../../components/workflow/SupervisionLadder';
import { SupervisionTag } from '../../components/workflow/SupervisionTag';
import type { Enterprise, Problem } from '../../components/workflow/types';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { ClampedText } from '../../components/ClampedText';
import { PageTitle } from '../../components/PageTitle';
import { ProblemProjectLink } from '../projects/ProblemProjectLink';
import { TrackingQr } from '../../components/tracking/TrackingQr';

/** One problem: its facts, its enterprise, its history, and the actions the user may take now. */
export function ProblemPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [action, setAction] = useState<ActionName | null>(null);
  const [conflict, setConflict] = useState<{ before: Problem; after: Problem } | null>(null);
  const [retained, setRetained] = useState<Partial<Record<ActionName, ActionValues>>>({});
  // Files that go with a progress note or the resolution, sent once the action is recorded.
  const [actionFiles, setActionFiles] = useState<PendingFile[]>([]);

  // The problem as last read or as the last action answered; the query key drops an answer for another id.
  const problemKey = ['problem', id];
  const readProblem = ({ signal }: { signal?: AbortSignal }) => api<Problem>(`/problems/${id}`, { signal });
  const read = useQuery({ queryKey: problemKey, queryFn: readProblem });
  const problem = read.data ?? null;
  // Set when an action found the problem gone from this user's view (404).
  const [gone, setGone] = useState<{ id: string | undefined; error: unknown } | null>(null);
  const loadError = (gone && gone.id === id ? gone.error : null) ?? read.error;
  const load = () => {
    setGone(null);
    void read.refetch();
  };

  // Handlers may not read enterprises; the problem names its enterprise for them.
  const enterpriseId = problem?.enterpriseId;
  const readsEnterprises = user?.role !== 'handler';
  const enterpriseRead = useQuery({
    queryKey: ['enterprise', enterpriseId],
    queryFn: ({ signal }) => api<Enterprise>(`/enterprises/${enterpriseId}`, { signal }),
    enabled: !!enterpriseId && readsEnterprises,
  });
  const enterprise = readsEnterprises && !enterpriseRead.isError ? (enterpriseRead.data ?? null) : null;

  // Back within the app when it has a history here; home when the page was opened directly.
  const goBack = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/'));

  if (loadError) return <LoadFailure error={loadError} onRetry={load} />;
  if (!problem) return <Skeleton active paragraph={{ rows: 8 }} />;

  const actions = availableActions(problem);
  const actionLabel = (name: ActionName) =>
    name === 'assign' && problem.status !== 'reported'
      ? t('改派', 'Reassign')
      : name === 'escalate' && problem.escalated
        ? t('提级督办', 'Raise the level')
        : t(...ACTION_LABELS[name]);

  /** A problem that is gone from this user's view (e.g. reassigned away) shows as such; other errors stay in the dialog. */
  const leaveIfGone = (caught: unknown) => {
    if (!(caught instanceof ApiError && caught.status === 404)) throw caught;
    setAction(null);
    setGone({ id, error: caught });
  };

  /** Sends the action with the version shown; a stale version refreshes the page instead of overwriting. */
  const submit = async (name: ActionName, values: ActionValues) => {
    try {
      const updated = await api<Problem>(`/problems/${problem.id}/${actionPath(name)}`, {
        method: 'POST',
        body: actionBody(name, values, problem),
        version: problem.version,
      });
      client.setQueryData(problemKey, updated);
      const files = name === 'progress' || name === 'resolve' ? actionFiles : [];
      if (files.length > 0) {
        const eventId = updated.events?.at(-1)?.id;
        try {
          const sent = await uploadAttachments(`/problems/${problem.id}/attachments`, files, {
            key: newIdempotencyKey(),
            eventId,
          });
          client.setQueryData(problemKey, { ...updated, attachments: [...(updated.attachments ?? []), ...sent.items] });
        } catch (caught) {
          message.error(
            t(`附件未能保存：${errorMessage(caught, t)}`, `Attachments not saved: ${errorMessage(caught, t)}`),
          );
        }
        setActionFiles([]);
      }
      setConflict(null);
      setRetained((previous) => ({ ...previous, [name]: undefined }));
      setAction(null);
      message.success(t(`已完成：${actionLabel(name)}`, `Done: ${actionLabel(name)}`));
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.status === 412)) return leaveIfGone(caught);
      try {
        const fresh = await client.fetchQuery({ queryKey: problemKey, queryFn: readProblem, staleTime: 0 });
        setConflict({ before: problem, after: fresh });
        setRetained((previous) => ({ ...previous, [name]: values }));
        setAction(null);
      } catch (refetch) {
        leaveIfGone(refetch);
      }
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <Button onClick={goBack}>{t('返回', 'Back')}</Button>
        <PageTitle title={`${problem.code} ${problem.title}`} style={{ fontSize: 20, flex: '1 1 240px' }}>
          <Typography.Text type="secondary" style={{ fontSize: 'inherit', marginRight: 8 }}>
            {problem.code}
          </Typography.Text>
          <ClampedText text={problem.title} testId="problem-title" />
        </PageTitle>
        <StatusTag status={problem.status} testId="problem-status" />
        <SupervisionTag level={problem.supervisionLevel} testId="problem-escalated" />
        {problem.bounced && (
          <Tag color="magenta" data-testid="problem-bounced">
            {t('推诿', 'Bounced')}
          </Tag>
        )}
        {(user?.role === 'manager' || user?.role === 'admin') && (
          <ProblemProjectLink problem={problem} onChanged={(updated) => client.setQueryData(problemKey, updated)} />
        )}
        <Button onClick={load}>{t('刷新', 'Refresh')}</Button>
      </Flex>
      {conflict && conflict.after.id === id && <ConflictAlert {...conflict} onClose={() => setConflict(null)} />}
      {problem.pendingExtension && (
        <Alert
          type="warning"
          showIcon
          data-testid="problem-pending-extension"
          title={
            <>
              {t('延期申请待审批：申请延期至 ', 'Extension request awaiting a decision: to ')}
              <DueDate dueAt={problem.pendingExtension.dueAt} />
            </>
          }
          description={problem.pendingExtension.reason}
          action={
            user?.role === 'manager' || user?.role === 'admin' ? (
              <Link to="/extensions" data-testid="problem-extensions-link">
                {t('查看延期申请', 'Extension requests')}
              </Link>
            ) : undefined
          }
        />
      )}
      {actions.length > 0 && (
        <Card size="small" title={t('办理', 'Actions')}>
          <Flex wrap gap={8}>
            {actions.map((name) => (
              <Button
                key={name}
                data-testid={`action-${name}`}
                type={name === actions[0] ? 'primary' : 'default'}
                onClick={() => setAction(name)}
              >
                {actionLabel(name)}
              </Button>
            ))}
          </Flex>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <ProblemFacts problem={problem} enterprise={enterprise} />
            <AssistParts problem={problem} />
            <SupervisionLadder problem={problem} />
            {user?.role !== 'handler' && (
              <Card size="small" title={t('企业跟踪', "The enterprise's tracking page")}>
                <TrackingQr problemId={problem.id} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('流转记录', 'History')}>
            <ProblemTimeline events={problem.events ?? []} attachments={problem.attachments ?? []} />
          </Card>
          {(problem.attachments?.length ?? 0) > 0 && (
            <Card size="small" title={t('附件', 'Attachments')} style={{ marginTop: 16 }}>
              <AttachmentGallery items={problem.attachments ?? []} testId="problem-attachments" />
            </Card>
          )}
        </Col>
      </Row>
      {action && (
        <ActionDialog
          key={`${action}-${problem.version}`}
          action={action}
          label={actionLabel(action)}
          problem={problem}
          initialValues={retained[action]}
          onCancel={() => setAction(null)}
          onSubmit={(values) => submit(action, values)}
        >
          {(action === 'progress' || action === 'resolve') && (
            <Form.Item
              label={t('附件（照片、复函 PDF，可选）', 'Attachments (photos, reply letters as PDF; optional)')}
            >
              <AttachmentPicker files={actionFiles} onChange={setActionFiles} testId="action-attachments" />
            </Form.Item>
          )}
        </ActionDialog>
      )}
    </Flex>
  );
}

/** A problem that is not there (or not this user's) says so; any other failure offers a retry. */
function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const home = <Button onClick={() => navigate('/')}>{t('返回首页', 'Home')}</Button>;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('未找到该问题', 'Problem not found')}
        subTitle={t(
          '该问题不存在，或不在您的办理范围内（例如已交办给其他单位）。',
          'It does not exist, or it is not yours to see (for example, it is assigned to another department).',
        )}
        extra={home}
      />
    );
  }
  return (
    <Result
      status="error"
      title={errorMessage(error, t)}
      extra={[
        <Button key="retry" type="primary" onClick={onRetry}>
          {t('重试', 'Retry')}
        </Button>,
        <span key="home">{home}</span>,
      ]}
    />
  );
}
