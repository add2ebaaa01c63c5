import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, request } from '../../api';
import { useAuth } from '../../auth';
import { AttachmentGallery } from '../../components/attachments/AttachmentGallery';
import { RevisionHistory } from '../../components/visits/RevisionHistory';
import { TIER_LABELS, type VisitRevision, type VisitView } from '../../components/visits/types';
import {
  AmendVisitDialog,
  amendmentBody,
  WithdrawVisitDialog,
  type AmendValues,
  type WithdrawValues,
} from '../../components/visits/VisitDialogs';
import { VisitStatusTag } from '../../components/visits/VisitStatusTag';
import { DueDate } from '../../components/workflow/Deadline';
import { StatusTag } from '../../components/workflow/StatusTag';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { PageTitle } from '../../components/PageTitle';
import { TrackingQr } from '../../components/tracking/TrackingQr';

type Dialog = 'amend' | 'withdraw';

/**
 * One visit: what was recorded (as last amended), the problems logged with it and where each
 * stands, the history of corrections, and amend / withdraw for those who may. Both send the
 * revision shown (If-Match); a stale one reloads the page and keeps what was typed.
 */
export function VisitPage() {
  const { id } = useParams<{ id: string }>();
  const { t, formatTime } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [conflict, setConflict] = useState<{ revision: number } | null>(null);
  const [retained, setRetained] = useState<{ amend?: AmendValues; withdraw?: WithdrawValues }>({});

  const visitKey = ['visit', id];
  const revisionsKey = ['visit', id, 'revisions'];
  const readVisit = ({ signal }: { signal?: AbortSignal }) => api<VisitView>(`/visits/${id}`, { signal });
  const read = useQuery({ queryKey: visitKey, queryFn: readVisit });
  const history = useQuery({
    queryKey: revisionsKey,
    queryFn: ({ signal }) => api<VisitRevision[]>(`/visits/${id}/revisions`, { signal }),
  });
  const visit = read.data ?? null;
  const reload = () => {
    void read.refetch();
    void history.refetch();
  };
  const goBack = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/'));

  if (read.error) return <LoadFailure error={read.error} onRetry={reload} />;
  if (!visit) return <Skeleton active paragraph={{ rows: 8 }} />;

  /** Sends with the revision shown; a 412 reloads the visit and shows what changed, keeping the typed values. */
  const send = async <V,>(kind: Dialog, path: string, body: unknown, values: V) => {
    try {
      const { data } = await request<VisitView>(path, { method: 'POST', body, version: visit.revision });
      client.setQueryData(visitKey, data);
      void client.invalidateQueries({ queryKey: revisionsKey });
      void client.invalidateQueries({ queryKey: ['keyset', '/visits'] });
      setConflict(null);
      setRetained((previous) => ({ ...previous, [kind]: undefined }));
      setDialog(null);
      message.success(kind === 'amend' ? t('已保存修正', 'Correction saved') : t('已撤回', 'Withdrawn'));
    } catch (caught) {
      if (!(caught instanceof ApiError && (caught.status === 412 || caught.status === 409))) throw caught;
      const fresh = await client.fetchQuery({ queryKey: visitKey, queryFn: readVisit, staleTime: 0 });
      void history.refetch();
      setConflict({ revision: fresh.revision });
      setRetained((previous) => ({ ...previous, [kind]: values }));
      setDialog(null);
    }
  };
  const amend = (values: AmendValues) =>
    send('amend', `/visits/${visit.id}/amendments`, amendmentBody(visit, values), values);
  const withdraw = (values: WithdrawValues) =>
    send('withdraw', `/visits/${visit.id}/withdraw`, { reason: values.reason?.trim() }, values);

  const readsEnterprises = user?.role !== 'handler';
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <Button onClick={goBack}>{t('返回', 'Back')}</Button>
        <PageTitle
          title={`${t('走访', 'Visit')} ${visit.enterpriseName}`}
          style={{ fontSize: 20, flex: '1 1 240px' }}
          testId="visit-title"
        >
          <Typography.Text type="secondary" style={{ fontSize: 'inherit', marginRight: 8 }}>
            {t('走访', 'Visit')}
          </Typography.Text>
          {visit.enterpriseName}
        </PageTitle>
        <VisitStatusTag status={visit.status} />
        {visit.revision > 1 && (
          <Tag color="gold">{t(`已修正 ${visit.revision - 1} 次`, `Amended ×${visit.revision - 1}`)}</Tag>
        )}
        <Button onClick={reload}>{t('刷新', 'Refresh')}</Button>
        <Button className="no-print" data-testid="visit-print" onClick={() => window.print()}>
          {t('打印回执', 'Print receipt')}
        </Button>
      </Flex>
      {conflict && (
        <Alert
          data-testid="conflict-alert"
          type="warning"
          showIcon
          closable={{ onClose: () => setConflict(null) }}
          title={t(
            `该走访记录已被他人修正或撤回（现为第 ${conflict.revision} 版），您的操作未执行。页面已刷新，请确认后重新操作。`,
            `Someone amended or withdrew this visit (now revision ${conflict.revision}), so your change was not applied. The page shows the latest; review it and try again.`,
          )}
        />
      )}
      {visit.withdrawn && (
        <Alert
          data-testid="visit-withdrawn"
          type="info"
          showIcon
          title={t(
            `${visit.withdrawn.by.displayName} 于 ${formatTime(visit.withdrawn.at)} 撤回：${visit.withdrawn.reason}`,
            `Withdrawn by ${visit.withdrawn.by.displayName} on ${formatTime(visit.withdrawn.at)}: ${visit.withdrawn.reason}`,
          )}
          description={t(
            '撤回的走访不计入走访统计；随走访登记的问题照常办理。',
            'A withdrawn visit no longer counts; the problems logged with it carry on.',
          )}
        />
      )}
      {visit.canAmend && (
        <Card size="small" title={t('更正', 'Corrections')}>
          <Flex wrap gap={8}>
            <Button type="primary" data-testid="visit-amend" onClick={() => setDialog('amend')}>
              {t('修正', 'Amend')}
            </Button>
            <Button danger data-testid="visit-withdraw" onClick={() => setDialog('withdraw')}>
              {t('撤回', 'Withdraw')}
            </Button>
          </Flex>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('走访情况', 'The visit')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('企业', 'Enterprise')}>
                  {readsEnterprises ? (
                    <Link to={`/enterprises/${visit.enterpriseId}`} data-testid="visit-enterprise">
                      {visit.enterpriseName}
                    </Link>
                  ) : (
                    visit.enterpriseName
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('区县', 'District')}>{visit.districtName}</Descriptions.Item>
                <Descriptions.Item label={t('企业层级', 'Tier')}>{t(...TIER_LABELS[visit.tier])}</Descriptions.Item>
                <Descriptions.Item label={t('走访时间', 'Visited at')}>
                  <span data-testid="visit-visited-at">{formatTime(visit.visitedAt)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('走访人员', 'Officials')}>
                  {visit.officials.map((o) => o.displayName).join('、')}
                </Descriptions.Item>
                <Descriptions.Item label={t('走访目的', 'Purpose')}>
                  <span data-testid="visit-purpose">{visit.purpose ?? '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('宣传政策', 'Policies promoted')}>
                  {visit.policiesPromoted.length
                    ? visit.policiesPromoted.map((policy) => <Tag key={policy}>{policy}</Tag>)
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('企业反馈', "Enterprise's feedback")}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{visit.notes ?? '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('记录人', 'Recorded by')}>
                  {visit.createdByName} · {formatTime(visit.createdAt)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            {(visit.attachments?.length ?? 0) > 0 && (
              <Card size="small" title={t('现场照片与材料', 'Photos and documents')}>
                <AttachmentGallery items={visit.attachments ?? []} testId="visit-attachments" />
              </Card>
            )}
            <Card size="small" title={t('随走访登记的问题', 'Problems logged with it')}>
              {visit.problems.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('未登记问题', 'No problems')} />
              ) : (
                <Flex vertical gap={8}>
                  {visit.problems.map((problem) => (
                    <Flex key={problem.id} wrap gap="4px 8px" align="center" data-testid="visit-problem">
                      <Link to={`/problems/${problem.id}`} style={{ fontWeight: 600 }}>
                        {problem.code}
                      </Link>
                      <StatusTag status={problem.status} />
                      <Typography.Text>{problem.title}</Typography.Text>
                      <Typography.Text type="secondary">
                        {problem.departmentName ?? t('待交办', 'not yet assigned')}
                        {problem.dueAt && (
                          <>
                            {' · '}
                            {t('时限', 'due')} <DueDate dueAt={problem.dueAt} />
                          </>
                        )}
                      </Typography.Text>
                      {readsEnterprises && (
                        <div style={{ flexBasis: '100%' }}>
                          <TrackingQr problemId={problem.id} size={120} />
                        </div>
                      )}
                    </Flex>
                  ))}
                </Flex>
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('修正记录', 'Corrections')} data-testid="visit-revisions">
            {history.error ? (
              <Alert type="error" showIcon title={errorMessage(history.error, t)} />
            ) : history.data ? (
              <RevisionHistory revisions={history.data} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
      {dialog === 'amend' && (
        <AmendVisitDialog
          key={`amend-${visit.revision}`}
          visit={visit}
          initialValues={retained.amend}
          onCancel={() => setDialog(null)}
          onSubmit={amend}
        />
      )}
      {dialog === 'withdraw' && (
        <WithdrawVisitDialog
          key={`withdraw-${visit.revision}`}
          visit={visit}
          initialValues={retained.withdraw}
          onCancel={() => setDialog(null)}
          onSubmit={withdraw}
        />
      )}
    </Flex>
  );
}

/** A visit that is not there (or not this user's) says so; any other failure offers a retry. */
function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const home = <Button onClick={() => navigate('/')}>{t('返回首页', 'Home')}</Button>;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('未找到该走访记录', 'Visit not found')}
        subTitle={t('该走访不存在，或不在您的查看范围内。', 'It does not exist, or it is not yours to see.')}
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
