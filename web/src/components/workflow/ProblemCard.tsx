import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useLabels } from '../../reference';
import { DeadlineTag, DueDate } from './Deadline';
import { StatusTag } from './StatusTag';
import { SupervisionTag } from './SupervisionTag';
import type { Problem } from './types';

interface Props {
  problem: Problem;
  testId: string;
  /** From the service's due-soon warning, when the page has it. */
  workingDaysLeft?: number;
  /** A line about what is expected next, shown under the title. */
  hint?: ReactNode;
}

/** One problem in a phone-friendly list: where it stands and by when; the whole card opens it. */
export function ProblemCard({ problem, testId, workingDaysLeft, hint }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  return (
    <Link to={`/problems/${problem.id}`} data-testid={testId} data-code={problem.code} style={{ display: 'block' }}>
      <Card size="small" hoverable>
        <Flex wrap gap={4} align="center">
          <Typography.Text type="secondary" style={{ marginRight: 4 }}>
            {problem.code}
          </Typography.Text>
          <StatusTag status={problem.status} />
          <DeadlineTag problem={problem} workingDaysLeft={workingDaysLeft} />
          <SupervisionTag level={problem.supervisionLevel} />
          {problem.bounced && <Tag color="magenta">{t('推诿', 'Bounced')}</Tag>}
        </Flex>
        <Typography.Paragraph strong style={{ margin: '6px 0 2px' }} ellipsis={{ rows: 2 }}>
          {problem.title}
        </Typography.Paragraph>
        <Typography.Text>{problem.enterprise.name}</Typography.Text>
        {hint && <div>{hint}</div>}
        <Flex wrap gap="0 16px" style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">
            {t('责任单位', 'Department')}: {problem.departmentName ?? t('待交办', 'not yet assigned')}
          </Typography.Text>
          {problem.dueAt && (
            <Typography.Text type="secondary">
              {t('办理时限', 'Due')}: <DueDate dueAt={problem.dueAt} />
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {t(`历时 ${problem.daysOpen} 天`, `${problem.daysOpen} days open`)}
          </Typography.Text>
          <Typography.Text type="secondary">{labels.category(problem.category)}</Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
