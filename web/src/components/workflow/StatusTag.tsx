import { Tag } from 'antd';
import { useLabels } from '../../reference';
import type { Status } from './types';

const COLORS: Record<Status, string> = {
  reported: 'orange',
  assigned: 'blue',
  in_progress: 'geekblue',
  resolved: 'cyan',
  closed: 'green',
  withdrawn: 'default',
};

/** A problem's status as a coloured tag, labelled from reference data. */
export function StatusTag({ status, testId }: { status: Status; testId?: string }) {
  const labels = useLabels();
  return (
    <Tag color={COLORS[status]} data-testid={testId} data-status={status}>
      {labels.status(status)}
    </Tag>
  );
}
