import { Descriptions, type DescriptionsProps, Grid, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { DeadlineTag, DueDate } from './Deadline';
import { SATISFACTION_LABELS, SOURCE_LABELS, labelOf } from './labels';
import type { Enterprise, Problem } from './types';

/** The columns per screen width, and the span that fills a whole row at each; the other items come in pairs. */
const COLUMNS = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };
const FULL_ROW = COLUMNS;

/** The problem's facts and its enterprise's (the contact details only for roles that may read enterprises). */
export function ProblemFacts({ problem, enterprise }: { problem: Problem; enterprise: Enterprise | null }) {
  const { t, formatTime } = useI18n();
  const labels = useLabels();
  const screens = Grid.useBreakpoint();
  const items: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('企业', 'Enterprise'),
      span: FULL_ROW,
      children: (
        <>
          <Link to={`/enterprises/${problem.enterpriseId}`} data-testid="problem-enterprise-link">
            {problem.enterprise.name}
          </Link>{' '}
          · {labels.district(problem.enterprise.district)}
          {enterprise?.isKey && <Tag style={{ marginInlineStart: 8 }}>{t('重点企业', 'Key enterprise')}</Tag>}
          {enterprise?.isAboveScale && <Tag>{t('规上企业', 'Above scale')}</Tag>}
        </>
      ),
    },
    ...(enterprise
      ? [
          { key: 'uscc', label: t('统一社会信用代码', 'Credit code'), children: enterprise.uscc ?? '—' },
          {
            key: 'contact',
            label: t('联系人', 'Contact'),
            children: (
              <>
                {enterprise.contactName ?? '—'}{' '}
                {enterprise.contactPhone && <a href={`tel:${enterprise.contactPhone}`}>{enterprise.contactPhone}</a>}
              </>
            ),
          },
          { key: 'address', label: t('地址', 'Address'), span: FULL_ROW, children: enterprise.address ?? '—' },
        ]
      : []),
    { key: 'category', label: t('问题类别', 'Category'), children: labels.category(problem.category) },
    {
      key: 'source',
      label: t('来源', 'Source'),
      children: (
        <>
          {labelOf(SOURCE_LABELS, problem.source, t)}
          {problem.visitId && (
            <Link to={`/visits/${problem.visitId}`} style={{ marginInlineStart: 8 }} data-testid="problem-visit">
              {t('查看走访记录', 'Open the visit')}
            </Link>
          )}
        </>
      ),
    },
    { key: 'reportedAt', label: t('登记时间', 'Recorded'), children: formatTime(problem.reportedAt) },
    {
      key: 'department',
      label: t('责任单位', 'Department'),
      children: problem.departmentName ?? t('待交办', 'Not yet assigned'),
    },
    {
      key: 'dueAt',
      label: t('办理时限', 'Deadline'),
      children: (
        <>
          <DueDate dueAt={problem.dueAt} /> <DeadlineTag problem={problem} />
        </>
      ),
    },
    ...(problem.firstDueAt && problem.dueAt && problem.firstDueAt !== problem.dueAt
      ? [
          {
            key: 'firstDueAt',
            label: t('首次办理时限', 'First deadline'),
            children: (
              <span data-testid="problem-first-due">
                <DueDate dueAt={problem.firstDueAt} />
              </span>
            ),
          },
          {
            key: 'extendedTo',
            label: t('延期至', 'Extended to'),
            children: (
              <span data-testid="problem-extended-to">
                <DueDate dueAt={problem.dueAt} />
              </span>
            ),
          },
        ]
      : []),
    ...(problem.signForDueAt
      ? [
          {
            key: 'signForDueAt',
            label: t('签收时限', 'Sign for by'),
            children: <span data-testid="problem-sign-for-due">{formatTime(problem.signForDueAt)}</span>,
          },
          {
            key: 'signedForAt',
            label: t('签收时间', 'Signed for'),
            children: (
              <span data-testid="problem-signed-for">
                {problem.signedForAt ? formatTime(problem.signedForAt) : t('未签收', 'Not yet')}
              </span>
            ),
          },
        ]
      : []),
    {
      key: 'daysOpen',
      label: t('历时', 'Days open'),
      children: t(`${problem.daysOpen} 天`, `${problem.daysOpen} days`),
    },
    {
      key: 'description',
      label: t('问题描述', 'Description'),
      span: FULL_ROW,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{problem.description ?? '—'}</span>,
    },
  ];
  if (problem.resolution) {
    items.push({
      key: 'resolution',
      label: t('办理结果', 'Resolution'),
      span: FULL_ROW,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{problem.resolution}</span>,
    });
  }
  if (problem.satisfaction) {
    items.push({
      key: 'satisfaction',
      label: t('企业满意度', 'Satisfaction'),
      span: FULL_ROW,
      children: `${labelOf(SATISFACTION_LABELS, problem.satisfaction, t)}${problem.feedback ? t('：', ': ') + problem.feedback : ''}`,
    });
  }
  if (problem.projectId) {
    items.push({
      key: 'project',
      label: t('所属重点项目', 'Key project'),
      span: FULL_ROW,
      children: (
        <Link to={`/projects/${problem.projectId}`}>{problem.projectName ?? t('查看项目', 'Open the project')}</Link>
      ),
    });
  }
  if (problem.duplicateOf) {
    items.push({
      key: 'duplicateOf',
      label: t('重复于', 'Duplicate of'),
      span: FULL_ROW,
      children: <Link to={`/problems/${problem.duplicateOf}`}>{t('查看原问题', 'Open the original')}</Link>,
    });
  }
  return (
    <Descriptions
      bordered
      size="small"
      layout={screens.sm ? 'horizontal' : 'vertical'}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      column={COLUMNS}
      items={items}
    />
  );
}
