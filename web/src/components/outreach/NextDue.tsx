import { Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';

const DAY_MS = 86_400_000;

/** When the next visit is due: overdue in red with the days past, otherwise the date and days left. */
export function NextDue({ dueAt }: { dueAt: string | null | undefined }) {
  const { t, formatTime } = useI18n();
  // The instant the page showed it: the count stays put while the page is open.
  const [now] = useState(() => Date.now());
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const due = Date.parse(dueAt);
  const date = formatTime(dueAt, true);
  if (due < now) {
    const days = Math.floor((now - due) / DAY_MS);
    return (
      <Typography.Text type="danger" strong data-testid="next-due" data-overdue="true">
        {t(`已逾期 ${days} 天（应于 ${date}）`, `${days} day(s) overdue (due ${date})`)}
      </Typography.Text>
    );
  }
  const left = Math.ceil((due - now) / DAY_MS);
  return (
    <Typography.Text data-testid="next-due" data-overdue="false" type={left <= 7 ? 'warning' : undefined}>
      {t(`${date} 前（剩 ${left} 天）`, `by ${date} (${left} day(s) left)`)}
    </Typography.Text>
  );
}
