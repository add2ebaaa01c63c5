import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { reportTimeZone } from '../../timeZone';
import { formatDeadline } from './deadlineFormat';
import { daysUntil } from './time';
import { OPEN_STATUSES, type Problem } from './types';

/** Within this many days a deadline counts as due soon (the service's default warning window). */
const DUE_SOON_DAYS = 3;

/** A deadline as every page shows it: see `formatDeadline` (a deadline at midnight is the day before, "by end of day"). */
export function DueDate({ dueAt }: { dueAt: string | null }) {
  const text = useDeadlineText();
  return <span className="deadline">{text(dueAt)}</span>;
}

/** The deadline formatter for tables and other places that want text: the page's language and the report time zone. */
export function useDeadlineText(): (dueAt: string | null | undefined) => string {
  const { t, lang } = useI18n();
  return (dueAt) => (dueAt ? formatDeadline(dueAt, lang, reportTimeZone()) : t('未定', 'Not set'));
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
