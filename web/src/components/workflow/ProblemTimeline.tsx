import { Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { DueDate } from './Deadline';
import { EVENT_LABELS, SATISFACTION_LABELS, WARNING_LABELS, labelOf } from './labels';
import type { ProblemEvent } from './types';
import { AttachmentGallery } from '../attachments/AttachmentGallery';
import type { Attachment } from '../attachments/attachmentsApi';

const COLORS: Record<string, string> = {
  created: 'blue',
  resolve: 'green',
  verify: 'green',
  return: 'orange',
  reopen: 'orange',
  withdraw: 'gray',
  escalate: 'red',
  warning: 'red',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The problem's history (流转记录), oldest first: what happened, who did it, when, and the note. */
export function ProblemTimeline({ events, attachments = [] }: { events: ProblemEvent[]; attachments?: Attachment[] }) {
  const { t, formatTime } = useI18n();
  const labels = useLabels();
  return (
    <div data-testid="timeline">
      <Timeline
        items={events.map((event) => {
          const type = event.type === 'assign' && event.data.reassigned === true ? 'reassign' : event.type;
          const moved = event.fromStatus !== null && event.fromStatus !== event.toStatus;
          const dueAt = text(event.data.dueAt);
          const satisfaction = text(event.data.satisfaction);
          const level = text(event.data.level);
          return {
            key: event.id,
            color: COLORS[event.type] ?? 'blue',
            content: (
              <div data-testid="timeline-event" data-type={event.type}>
                <Typography.Text strong>{labelOf(EVENT_LABELS, type, t)}</Typography.Text>
                {level && ` · ${labelOf(WARNING_LABELS, level, t)}`}
                {moved && (
                  <Typography.Text type="secondary">
                    {` ${labels.status(event.fromStatus!)} → ${labels.status(event.toStatus)}`}
                  </Typography.Text>
                )}
                <div>
                  <Typography.Text type="secondary">
                    {formatTime(event.at)} ·{' '}
                    {event.data.source === 'enterprise'
                      ? t('企业（跟踪页评价）', 'The enterprise (tracking page)')
                      : (event.actorName ?? t('系统', 'System'))}
                    {event.data.public === true && ` · ${t('已公开给企业', 'shown to the enterprise')}`}
                  </Typography.Text>
                </div>
                {event.type === 'assign' && (
                  <div>
                    {t('责任单位', 'Department')}: {labels.department(event.departmentId)}
                    {dueAt && (
                      <>
                        {' · '}
                        {t('时限', 'due')} <DueDate dueAt={dueAt} />
                      </>
                    )}
                  </div>
                )}
                {event.type === 'request_extension' && dueAt && (
                  <div>
                    {t('申请延期至', 'Asked to extend to')} <DueDate dueAt={dueAt} />
                  </div>
                )}
                {event.type === 'approve_extension' && dueAt && (
                  <div>
                    {t('办理时限延至', 'Deadline moved to')} <DueDate dueAt={dueAt} />
                  </div>
                )}
                {event.data.redo === true && dueAt && (
                  <div>
                    {t('返工，办理时限', 'Redo, due')} <DueDate dueAt={dueAt} />
                  </div>
                )}
                {satisfaction && (
                  <div>
                    {t('满意度', 'Satisfaction')}: {labelOf(SATISFACTION_LABELS, satisfaction, t)}
                  </div>
                )}
                {event.note && (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {event.note}
                  </Typography.Paragraph>
                )}
                <AttachmentGallery
                  items={attachments.filter((item) => item.eventId === event.id)}
                  testId="timeline-attachments"
                />
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
