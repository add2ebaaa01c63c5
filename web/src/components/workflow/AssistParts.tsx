import { Card, List, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { ASSIST_STATUS_LABELS, labelOf } from './labels';
import type { Problem } from './types';

const COLORS: Record<string, string> = { open: 'processing', done: 'success', cancelled: 'default' };

/** The lead (主办) and each assisting department's part (协办) of the current assignment, and who has finished. */
export function AssistParts({ problem }: { problem: Problem }) {
  const { t, formatTime } = useI18n();
  const parts = problem.assists ?? [];
  if (parts.length === 0) return null;
  const open = parts.filter((a) => a.status === 'open').length;
  return (
    <Card
      size="small"
      title={t('主办与协办', 'Lead and assisting departments')}
      extra={
        <Typography.Text type={open ? 'warning' : 'secondary'} data-testid="assists-summary">
          {open ? t(`${open} 个协办单位未完成`, `${open} not finished`) : t('协办均已完成', 'All assisting parts done')}
        </Typography.Text>
      }
      data-testid="assist-parts"
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('主办单位：', 'Lead: ')}
        <Typography.Text strong>{problem.departmentName ?? '—'}</Typography.Text>
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={parts}
        renderItem={(part) => (
          <List.Item data-testid="assist-part" data-department={part.departmentId}>
            <List.Item.Meta
              title={
                <>
                  {part.departmentName}{' '}
                  <Tag color={COLORS[part.status]} data-testid="assist-part-status">
                    {labelOf(ASSIST_STATUS_LABELS, part.status, t)}
                  </Tag>
                </>
              }
              description={
                part.status === 'done'
                  ? `${formatTime(part.doneAt)}${part.doneNote ? ` · ${part.doneNote}` : ''}`
                  : undefined
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
