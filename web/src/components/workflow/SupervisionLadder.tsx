import { Card, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { SupervisionTag } from './SupervisionTag';
import type { Problem } from './types';

/** The problem's supervisions, oldest first: each rung with its leader, its answer-by date, its answer and its end. */
export function SupervisionLadder({ problem }: { problem: Problem }) {
  const { t, formatTime } = useI18n();
  const ladder = problem.supervisions ?? [];
  if (ladder.length === 0) return null;
  return (
    <Card size="small" title={t('督办记录', 'Supervision')} data-testid="supervision-ladder">
      <Timeline
        items={ladder.map((s) => ({
          color: s.active ? (s.overdue ? 'red' : 'orange') : 'gray',
          content: (
            <div data-testid="supervision-rung" data-level={s.level} data-active={s.active}>
              <SupervisionTag level={s.level} />
              <Typography.Text>
                {formatTime(s.openedAt)} · {s.openedByName}
                {s.leaderName ? t(` · 督办领导 ${s.leaderName}`, ` · leader ${s.leaderName}`) : ''}
              </Typography.Text>
              <div>
                <Typography.Text type={s.overdue ? 'danger' : 'secondary'}>
                  {t(`回应期限 ${formatTime(s.answerBy)}`, `Answer by ${formatTime(s.answerBy)}`)}
                  {' · '}
                  {s.answeredAt
                    ? t(`已回应 ${formatTime(s.answeredAt)}`, `answered ${formatTime(s.answeredAt)}`)
                    : s.overdue
                      ? t(`超期 ${s.workingDaysOverdue} 个工作日未回应`, `${s.workingDaysOverdue} working days late`)
                      : t('待回应', 'awaiting an answer')}
                </Typography.Text>
              </div>
              {s.liftedAt && (
                <div>
                  <Typography.Text type="secondary">
                    {s.supersededBy
                      ? t(`${formatTime(s.liftedAt)} 提级督办`, `${formatTime(s.liftedAt)} raised to a higher level`)
                      : t(
                          `${formatTime(s.liftedAt)} ${s.liftedByName ?? ''} 解除督办：${s.liftNote ?? ''}`,
                          `${formatTime(s.liftedAt)} lifted by ${s.liftedByName ?? ''}: ${s.liftNote ?? ''}`,
                        )}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
