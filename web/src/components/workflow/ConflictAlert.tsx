import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { DueDate } from './Deadline';
import { EVENT_LABELS, labelOf } from './labels';
import type { Problem } from './types';

interface Props {
  /** The problem as the page showed it when the action was sent. */
  before: Problem;
  /** The problem as the service has it now. */
  after: Problem;
  onClose: () => void;
}

/** After a 412: the action was not applied; what changed since the page loaded the problem. */
export function ConflictAlert({ before, after, onClose }: Props) {
  const { t, formatTime } = useI18n();
  const { user } = useAuth();
  const labels = useLabels();
  const changes: ReactNode[] = [];
  if (before.status !== after.status) {
    changes.push(`${t('状态', 'Status')}: ${labels.status(before.status)} → ${labels.status(after.status)}`);
  }
  if (before.departmentId !== after.departmentId) {
    const none = t('无', 'none');
    changes.push(`${t('责任单位', 'Department')}: ${before.departmentName ?? none} → ${after.departmentName ?? none}`);
  }
  if (before.dueAt !== after.dueAt) {
    changes.push(
      <>
        {t('办理时限', 'Deadline')}: <DueDate dueAt={before.dueAt} /> → <DueDate dueAt={after.dueAt} />
      </>,
    );
  }
  if (!before.escalated && after.escalated) changes.push(t('已被督办', 'It has been escalated'));
  const seen = new Set((before.events ?? []).map((event) => event.id));
  const newEvents = (after.events ?? []).filter((e) => !seen.has(e.id));
  // The user's own change from another tab (or device) is not "someone else's".
  const byMe = user !== null && newEvents.some((event) => event.actorId === user.id);
  for (const event of newEvents) {
    const who = event.actorName ?? t('系统', 'the system');
    const what = labelOf(EVENT_LABELS, event.type, t);
    changes.push(`${formatTime(event.at)} ${who} · ${what}${event.note ? `: ${event.note}` : ''}`);
  }
  return (
    <Alert
      data-testid="conflict-alert"
      type="warning"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={
        byMe
          ? t(
              '该问题已在另一个标签页中或由他人更新，您的操作未执行。页面已刷新为最新内容，请确认后重新操作。',
              'This problem was changed in another tab or by someone else, so your action was not applied. The page now shows the latest version; review it and act again.',
            )
          : t(
              '该问题已被他人更新，您的操作未执行。页面已刷新为最新内容，请确认后重新操作。',
              'Someone changed this problem, so your action was not applied. The page now shows the latest version; review it and act again.',
            )
      }
      description={
        changes.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {changes.map((change, index) => (
              <li key={index}>{change}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
