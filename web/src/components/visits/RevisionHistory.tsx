import { Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { FIELD_LABELS, type AmendableField, type VisitRevision } from './types';

/** 修正记录: the original and every amendment, oldest first, with who, when, why and what changed. */
export function RevisionHistory({ revisions }: { revisions: VisitRevision[] }) {
  const { t, formatTime } = useI18n();
  const show = (revision: VisitRevision, field: AmendableField): string => {
    switch (field) {
      case 'visitedAt':
        return formatTime(revision.visitedAt);
      case 'officials':
        return revision.officials.map((o) => o.displayName).join('、');
      case 'policiesPromoted':
        return revision.policiesPromoted.join('、') || t('无', 'none');
      case 'purpose':
      case 'notes':
        return revision[field] ?? t('（空）', '(empty)');
    }
  };
  return (
    <Timeline
      items={revisions.map((revision, index) => {
        const before = revisions[index - 1];
        const content: ReactNode = (
          <div data-testid="visit-revision" data-revision={revision.revision}>
            <Typography.Text strong>
              {revision.revision === 1
                ? t('原始记录', 'Original record')
                : t(`第 ${revision.revision} 版修正`, `Amendment ${revision.revision}`)}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              {revision.recordedBy.displayName} · {formatTime(revision.recordedAt)}
            </Typography.Text>
            {revision.reason && (
              <div>
                {t('原因', 'Why')}: {revision.reason}
              </div>
            )}
            {before &&
              revision.changed.map((field) => (
                <div key={field}>
                  <Tag>{t(...FIELD_LABELS[field])}</Tag>
                  <Typography.Text delete type="secondary">
                    {show(before, field)}
                  </Typography.Text>
                  {' → '}
                  <Typography.Text>{show(revision, field)}</Typography.Text>
                </div>
              ))}
          </div>
        );
        return { key: revision.revision, color: revision.revision === 1 ? 'blue' : 'gold', content };
      })}
    />
  );
}
