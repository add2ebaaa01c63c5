import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { daysUntil, isMidnight } from './time';
import { OPEN_STATUSES, type Problem } from './types';

/** Within this many days a deadline counts as due soon (the service's default warning window). */
const DUE_SOON_DAYS = 3;

/** A deadline as people say it: a deadline at midnight is "24:00" of the day before. */
export function DueDate({ dueAt }: { dueAt: string | null }) {
  const { t, formatTime } = useI18n();
  if (!dueAt) return <>{t('未定', 'Not set')}</>;
  if (!isMidnight(dueAt)) return <>{formatTime(dueAt)}</>;
  const dayBefore = new Date(Date.parse(dueAt) - 1).toISOString();
  return <>{`${formatTime(dayBefore, true)} ${t('24:00', 'end of day')}`}</>;
}

type DeadlineFacts = Pick<Problem, 'status' | 'dueAt' | 'overdue' | 'daysOverdue'>;

/**
 * Overdue or due-soon, for an open problem with a deadline; nothing otherwise. `workingDaysLeft`
 * comes from the service's due-soon warning when the page has it.
 */
export function DeadlineTag({ problem, workingDaysLeft }: { problem: DeadlineFacts; workingDaysLeft?: number }) {
  const { t } = useI18n();
  if (!problem.dueAt || !OPEN_STATUSES.includes(problem.status)) return null;
  if (problem.overdue) {
    return (
      <Tag color="red">
        {problem.daysOverdue > 0
          ? t(`超期 ${problem.daysOverdue} 个工作日`, `Overdue ${problem.daysOverdue} working days`)
          : t('已超期', 'Overdue')}
      </Tag>
    );
  }
  if (workingDaysLeft !== undefined) {
    return (
      <Tag color="orange">
        {t(`临期：剩 ${workingDaysLeft} 个工作日`, `Due soon: ${workingDaysLeft} working days left`)}
      </Tag>
    );
  }
  if (daysUntil(problem.dueAt) < DUE_SOON_DAYS) return <Tag color="orange">{t('临期', 'Due soon')}</Tag>;
  return null;
}
