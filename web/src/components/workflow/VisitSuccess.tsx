import { Alert, Button, Flex } from 'antd';
import { AttachmentGallery } from '../attachments/AttachmentGallery';
import type { Attachment } from '../attachments/attachmentsApi';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { LightResult } from '../light';
import type { Problem } from './types';

export interface Visit {
  id: string;
  visitedAt: string;
  problems: Problem[];
  /** The files sent with it. */
  attachments?: Attachment[];
}

/** The saved visit: the codes of the problems it recorded, each a link to follow it up. */
export function VisitSuccess({
  visit,
  onAnother,
  filesError,
}: {
  visit: Visit;
  onAnother: () => void;
  filesError?: string | null;
}) {
  const { t, formatTime } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const count = visit.problems.length;
  return (
    <LightResult
      data-testid="visit-success"
      status="success"
      title={t('走访记录已保存', 'The visit is saved')}
      subTitle={
        count
          ? t(
              `走访时间 ${formatTime(visit.visitedAt)}，登记问题 ${count} 个`,
              `Visited ${formatTime(visit.visitedAt)}; ${count} problem(s) recorded`,
            )
          : t(
              `走访时间 ${formatTime(visit.visitedAt)}，未登记问题`,
              `Visited ${formatTime(visit.visitedAt)}; no problems`,
            )
      }
      extra={
        <Flex wrap gap={8} justify="center">
          <Button type="primary" data-testid="visit-open" onClick={() => navigate(`/visits/${visit.id}`)}>
            {t('查看走访记录', 'Open the visit')}
          </Button>
          <Button onClick={onAnother}>{t('再记录一次走访', 'Log another visit')}</Button>
          {can('official') && (
            <Button onClick={() => navigate('/my-problems')}>{t('我登记的问题', 'My problems')}</Button>
          )}
          <Button onClick={() => navigate('/enterprises')}>{t('返回企业列表', 'Back to enterprises')}</Button>
        </Flex>
      }
    >
      {filesError && (
        <Alert
          type="warning"
          showIcon
          data-testid="visit-files-error"
          title={t('附件未能保存', 'The attachments were not saved')}
          description={filesError}
        />
      )}
      <AttachmentGallery items={visit.attachments ?? []} testId="visit-saved-attachments" />
      {count > 0 && (
        <Flex vertical gap={8}>
          {visit.problems.map((problem) => (
            <div key={problem.id} data-testid="visit-problem">
              <Link to={`/problems/${problem.id}`} style={{ fontWeight: 600 }}>
                {problem.code}
              </Link>{' '}
              {problem.title}
            </div>
          ))}
        </Flex>
      )}
    </LightResult>
  );
}
